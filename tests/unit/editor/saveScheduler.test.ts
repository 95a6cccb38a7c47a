// The autosave timing behind "a crash loses at most ~2 s of typing".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveScheduler } from '../../../renderer/src/features/editor/saveScheduler.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function scheduler() {
  const writes: number[] = [];
  const s: SaveScheduler = new SaveScheduler({
    debounceMs: 1000,
    maxWaitMs: 1500,
    run: async () => {
      s.consume();
      writes.push(Date.now());
    },
  });
  return { s, writes };
}

describe('SaveScheduler', () => {
  it('saves 1 s after the last edit', async () => {
    const { s, writes } = scheduler();
    const t0 = Date.now();
    s.touch();
    await vi.advanceTimersByTimeAsync(999);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([t0 + 1000]);
  });

  it('saves at least every 1.5 s while the user types without pausing', async () => {
    const { s, writes } = scheduler();
    const t0 = Date.now();
    for (let i = 0; i < 100; i++) {
      s.touch();
      await vi.advanceTimersByTimeAsync(100);
    }
    // 10 s of typing: no edit ever waits more than 1.5 s for a write.
    expect(writes.length).toBeGreaterThanOrEqual(6);
    let last = t0;
    for (const w of writes) {
      expect(w - last).toBeLessThanOrEqual(1600);
      last = w;
    }
  });

  it('runs writes one at a time, in order', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const s = new SaveScheduler({ debounceMs: 10, maxWaitMs: 10, run: async () => void order.push('autosave') });
    const slow = s.exclusive(() => new Promise<void>((r) => (release = () => (order.push('slow'), r()))));
    s.touch();
    const flushed = s.flush();
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual([]);
    release();
    await slow;
    await flushed;
    expect(order).toEqual(['slow', 'autosave']);
  });

  it('holds edits while paused (a conflict is shown) and saves them when resumed', async () => {
    const { s, writes } = scheduler();
    s.pause(true);
    s.touch();
    await vi.advanceTimersByTimeAsync(5000);
    await s.flush();
    expect(writes).toHaveLength(0);
    expect(s.dirty).toBe(true);
    s.pause(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(1);
  });
});
