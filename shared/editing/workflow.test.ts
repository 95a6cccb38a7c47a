import { describe, expect, it } from 'vitest';
import { canMove, countTkMarkers, findTkMarkers, lengthVerdict, readyChecklist } from './workflow.ts';

describe('TK markers', () => {
  it('finds TK and TKTK as words, not inside other words', () => {
    expect(countTkMarkers('Figures TK. TKTK quote. (TK)')).toBe(3);
    expect(countTkMarkers('TKO, ATKINS, tk, Tk, OTK')).toBe(0);
    expect(findTkMarkers('a TK b')).toEqual([{ index: 2, length: 2 }]);
  });
});

describe('ready checklist', () => {
  it('passes clean copy within 10% of the target', () => {
    const list = readyChecklist({ headline: 'H', dek: '', bodyText: 'one two three four five six seven eight nine ten eleven', targetLength: 10 });
    expect(list.ready).toBe(true);
    expect(list.items.every((i) => i.detail === '')).toBe(true);
  });

  it('names each blocker', () => {
    const list = readyChecklist({ headline: '  ', dek: 'TK', bodyText: 'short', targetLength: 100 });
    expect(list.ready).toBe(false);
    expect(list.items.map((i) => [i.id, i.ok])).toEqual([
      ['headline', false],
      ['tk', false],
      ['length', false],
    ]);
    expect(list.items[2]!.detail).toBe('1 words: 99 under the target of 100.');
  });

  it('has no length rule without a target', () => {
    expect(lengthVerdict(5000, null)).toEqual({ words: 5000, target: null, delta: 0, within: true });
    expect(lengthVerdict(120, 100).within).toBe(false);
  });
});

describe('transitions', () => {
  it('allows the desk path and spiking, and un-spikes only to draft', () => {
    expect(canMove('draft', 'edited')).toBe(true);
    expect(canMove('ready', 'published')).toBe(true);
    expect(canMove('draft', 'published')).toBe(false);
    expect(canMove('published', 'spiked')).toBe(true);
    expect(canMove('spiked', 'ready')).toBe(false);
    expect(canMove('spiked', 'draft')).toBe(true);
  });

  it('treats a kill as final and lets a withheld item be released', () => {
    expect(canMove('published', 'killed')).toBe(true);
    expect(canMove('killed', 'published')).toBe(false);
    expect(canMove('killed', 'draft')).toBe(false);
    expect(canMove('killed', 'spiked')).toBe(true);
    expect(canMove('withheld', 'edited')).toBe(true);
    expect(canMove('withheld', 'published')).toBe(false);
  });
});
