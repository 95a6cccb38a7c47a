// The import's pause for the user's reads: only while one runs, woken as it
// ends, never longer than the cap, and never twice without work in between.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { GiveWay, type GiveWayClock, MAX_PAUSE_MS, MIN_WORK_MS } from './giveWay.ts';

const counter = () => new Int32Array(new SharedArrayBuffer(4));

/** A clock whose waits pass instantly: each wait advances time by `step(ms)` and may end the read. */
function fakeClock(reads: Int32Array, onWait: (ms: number) => { advance: number; readEnds: boolean }) {
  let now = 1000;
  const waits: number[] = [];
  const clock: GiveWayClock = {
    now: () => now,
    wait: (c, value, ms) => {
      expect(c).toBe(reads);
      expect(value).toBe(Atomics.load(reads, 0));
      waits.push(ms);
      const { advance, readEnds } = onWait(ms);
      now += advance;
      if (readEnds) Atomics.store(reads, 0, 0);
    },
  };
  return { clock, waits, tick: (ms: number) => (now += ms) };
}

describe('GiveWay', () => {
  it('does not pause when no read is running', () => {
    const reads = counter();
    const { clock, waits } = fakeClock(reads, () => ({ advance: 1, readEnds: true }));
    const way = new GiveWay(reads, clock);
    expect(way.between()).toBe(0);
    expect(waits).toEqual([]);
    expect(way.pauses).toBe(0);
  });

  it('pauses while a read runs and resumes when it ends, the first time without waiting for work', () => {
    const reads = counter();
    Atomics.store(reads, 0, 1);
    const { clock, waits } = fakeClock(reads, () => ({ advance: 30, readEnds: true }));
    const way = new GiveWay(reads, clock);
    expect(way.between()).toBe(30);
    expect(waits).toEqual([MAX_PAUSE_MS]);
    expect(way.pauses).toBe(1);
    expect(way.pausedMs).toBe(30);
  });

  it('never pauses longer than the cap, and works at least MIN_WORK_MS before pausing again', () => {
    const reads = counter();
    Atomics.store(reads, 0, 2);
    const { clock, tick } = fakeClock(reads, (ms) => ({ advance: ms, readEnds: false }));
    const way = new GiveWay(reads, clock);
    expect(way.between()).toBe(MAX_PAUSE_MS);
    // The read is still running, but the import must move first.
    expect(way.between()).toBe(0);
    tick(MIN_WORK_MS - 1);
    expect(way.between()).toBe(0);
    tick(1);
    expect(way.between()).toBe(MAX_PAUSE_MS);
    expect(way.pauses).toBe(2);
  });

  it('wakes as soon as another thread ends the read and notifies', async () => {
    const reads = counter();
    // The other thread starts a read, says so, and ends it 300 ms later (as main's pool does).
    const reader = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const reads = new Int32Array(workerData);
       Atomics.store(reads, 0, 1);
       parentPort.postMessage('reading');
       setTimeout(() => { Atomics.store(reads, 0, 0); Atomics.notify(reads, 0); }, 300);`,
      { eval: true, workerData: reads.buffer },
    );
    await new Promise((resolve) => reader.once('message', resolve));
    // A cap far above 300 ms: returning well before it shows the notify woke the pause.
    const way = new GiveWay(reads, undefined, { maxPauseMs: 10_000, minWorkMs: 0 });
    const paused = way.between();
    await reader.terminate();
    expect(Atomics.load(reads, 0)).toBe(0);
    expect(paused).toBeGreaterThan(0);
    expect(paused).toBeLessThan(5_000);
  });
});
