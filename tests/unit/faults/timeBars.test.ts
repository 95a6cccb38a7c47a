// The fault suite's time bars: absolute in --full, judged against the same run
// (or reported) in the CI size that `npm test` runs on busy machines.
import { describe, expect, it } from 'vitest';
import { autosaveRan, LONG_TASK_BAR_MS, LOSS_BAR_MS, longTaskBar, lossBar } from '../../faults/lib/timeBars.ts';

describe('family 10: the long-task bar', () => {
  it('is the absolute 50 ms in --full, however slow the idle phase was', () => {
    expect(longTaskBar(true, 0).ms).toBe(LONG_TASK_BAR_MS);
    expect(longTaskBar(true, 300).ms).toBe(50);
  });

  it('in the CI size follows the idle phase of the same run (the busy clone: 70 ms idle, 70 ms importing)', () => {
    const bar = longTaskBar(false, 70);
    expect(bar.ms).toBe(210);
    expect(70).toBeLessThanOrEqual(bar.ms);
    expect(bar.why).toContain('70 ms');
  });

  it('in the CI size still fails a long task on a quiet machine, and one far beyond the idle phase', () => {
    expect(longTaskBar(false, 0).ms).toBe(50);
    expect(longTaskBar(false, 16).ms).toBe(50);
    expect(longTaskBar(false, 70).ms).toBeLessThan(3858); // the 100k-row finished event the full run once found
  });
});

describe('family 2: typing lost to a kill', () => {
  it('has the 2 s bar in --full and none in the CI size', () => {
    expect(lossBar(true)).toBe(LOSS_BAR_MS);
    expect(lossBar(false)).toBeNull();
  });

  it('in the CI size still fails when no kill kept any typing (an autosave that never runs)', () => {
    expect(autosaveRan([0, 0, 0, 0])).toBe(false);
    expect(autosaveRan([0, 12, 0])).toBe(true);
  });
});
