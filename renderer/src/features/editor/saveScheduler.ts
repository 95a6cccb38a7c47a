// When to autosave: 1 s after the last edit, but never more than 1.5 s after
// the first unsaved one, so steady typing (which never pauses for a second)
// still reaches disk; with the write itself that bounds what a crash can lose
// to about 2 s. Every write (autosave, save, status, restore) goes through
// `exclusive`, one at a time: each carries the version the previous returned,
// so two in flight would conflict with each other.
export interface SchedulerOptions {
  debounceMs: number;
  maxWaitMs: number;
  /** Write the pending edits. Called inside `exclusive`. */
  run(): Promise<void>;
  /**
   * Where a due autosave starts: the editor passes requestIdleCallback (with a
   * short timeout), so serializing a long body falls between keystrokes
   * rather than in front of one. Default: at once.
   */
  defer?(start: () => void): void;
}

export class SaveScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstDirtyAt: number | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private paused = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** An edit happened. */
  touch(): void {
    const now = Date.now();
    this.firstDirtyAt ??= now;
    if (this.paused) return;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstDirtyAt + this.options.maxWaitMs - now));
    this.timer = setTimeout(() => (this.options.defer ? this.options.defer(() => void this.flush()) : void this.flush()), wait);
  }

  get dirty(): boolean {
    return this.firstDirtyAt !== undefined;
  }

  /** Take the pending edits (the caller writes them); they are no longer dirty. */
  consume(): boolean {
    const was = this.dirty;
    this.firstDirtyAt = undefined;
    clearTimeout(this.timer);
    return was;
  }

  /** Put back edits whose write failed, so they are retried. */
  markDirty(): void {
    this.firstDirtyAt ??= Date.now();
  }

  /** Stop autosaving (while a conflict is shown); edits are still tracked. */
  pause(paused: boolean): void {
    this.paused = paused;
    if (paused) clearTimeout(this.timer);
    else if (this.dirty) this.touch();
  }

  /** Run `fn` after every earlier write has finished. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Save now if anything is unsaved; resolves when the archive has it. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    return this.exclusive(async () => {
      if (this.paused || !this.dirty) return;
      await this.options.run();
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
