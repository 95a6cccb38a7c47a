// An import gives way to the user's reads. The app's writer imports while
// readers answer the window (searches, article opens); on a machine with few
// cores the three compete for the same CPUs, and a search typed during an
// import would wait behind the import's work. So between files the importer
// sleeps while a read is in flight: main counts them in a shared Int32Array
// and notifies it as each ends (see electron/main/worker/pool.ts).
//
// Bounded both ways, so a long read (a facet count on a huge archive) slows
// an import but never stalls it: at most MAX_PAUSE_MS per pause, then at
// least MIN_WORK_MS of work before the next one. While reads never stop, the
// import still runs at a third of its speed.

/** Longest a single pause lasts, even if the read has not finished. */
export const MAX_PAUSE_MS = 100;
/** Work done between two pauses, at least. */
export const MIN_WORK_MS = 50;

export interface GiveWayClock {
  now(): number;
  /** Sleep until `counter[0]` is no longer `value`, or `ms` pass (Atomics.wait's contract). */
  wait(counter: Int32Array, value: number, ms: number): void;
}

const realClock: GiveWayClock = {
  now: () => performance.now(),
  wait: (counter, value, ms) => void Atomics.wait(counter, 0, value, ms),
};

export class GiveWay {
  /** When work last resumed after a pause; none yet, so the first read is given way at once. */
  private workingSince = Number.NEGATIVE_INFINITY;
  /** Milliseconds spent paused so far. */
  pausedMs = 0;
  pauses = 0;

  /**
   * `readsInFlight[0]` is how many of the user's reads are running; it must be
   * backed by a SharedArrayBuffer and the counting side must Atomics.notify it.
   * Atomics.wait blocks the thread: call this only off a UI thread (the app's
   * writer is a worker thread).
   */
  constructor(
    private readonly readsInFlight: Int32Array,
    private readonly clock: GiveWayClock = realClock,
    private readonly bounds = { maxPauseMs: MAX_PAUSE_MS, minWorkMs: MIN_WORK_MS },
  ) {}

  /** Between two files: sleep while a read runs, within the bounds above. Returns the ms paused. */
  between(): number {
    let busy = Atomics.load(this.readsInFlight, 0);
    if (busy <= 0) return 0;
    const start = this.clock.now();
    if (start - this.workingSince < this.bounds.minWorkMs) return 0;
    const deadline = start + this.bounds.maxPauseMs;
    let now = start;
    while (busy > 0 && now < deadline) {
      this.clock.wait(this.readsInFlight, busy, deadline - now);
      busy = Atomics.load(this.readsInFlight, 0);
      now = this.clock.now();
    }
    const paused = now - start;
    this.pausedMs += paused;
    this.pauses += 1;
    this.workingSince = now;
    return paused;
  }
}
