// What a history: result row and the preview say about where the match was.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/model/search.ts';
import { isHistoryHit, placeLabel, revisionLabel, revisionWhen, rowDetail, type HistoryHit } from '../../../renderer/src/features/archive-browser/historyMatches.ts';

// Local times, so the test holds in any zone (the app shows this machine's time, as the history panel does).
const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();
const NOW = new Date(2025, 11, 20, 9, 0);
const base: SearchHit = { id: 'a', headline: 'H', section: '', status: 'draft', postedAt: null, updatedAt: null, embargoedUntil: null, urgency: null, provider: '', snippet: [], score: 1 };
const rev1 = { id: 1, createdAt: at(2025, 12, 1, 8, 5), reason: 'import', name: null };
const rev3 = { id: 3, createdAt: at(2025, 12, 2, 10, 42), reason: 'save', name: 'Correction' };

describe('history: matches as text', () => {
  it('tells history hits from ordinary ones', () => {
    expect(isHistoryHit(base)).toBe(false);
    expect(isHistoryHit(null)).toBe(false);
    expect(isHistoryHit({ ...base, revisions: [], currentMatches: true })).toBe(true);
  });

  it('writes times as day, month and hour, with the year only when it is not this one', () => {
    expect(revisionWhen(rev3.createdAt, NOW)).toBe('2 Dec 10:42');
    expect(revisionWhen(at(2024, 3, 9, 23, 7), NOW)).toBe('9 Mar 2024 23:07');
    expect(revisionWhen('not a date', NOW)).toBe('not a date');
  });

  it('names a revision by its name, else by why it was made', () => {
    expect(revisionLabel(rev3, NOW)).toBe('rev 3 · 2 Dec 10:42 “Correction”');
    expect(revisionLabel(rev1, NOW)).toBe('rev 1 · 1 Dec 08:05 import');
  });

  it('puts the newest earlier version in the row of a match the current text lost', () => {
    const lost: HistoryHit = { ...base, revisions: [rev1, rev3], currentMatches: false };
    expect(placeLabel(lost)).toBe('Only in earlier versions');
    expect(rowDetail(lost, NOW)).toBe('rev 3 · 2 Dec 10:42 “Correction” (+1 more)');
    expect(rowDetail({ ...lost, revisions: [rev1] }, NOW)).toBe('rev 1 · 1 Dec 08:05 import');
    const kept: HistoryHit = { ...base, revisions: [rev1, rev3], currentMatches: true };
    expect(placeLabel(kept)).toBe('Also in the current text');
    expect(rowDetail(kept, NOW)).toBe('2 versions held it');
    expect(rowDetail({ ...kept, revisions: [rev1] }, NOW)).toBe('1 version held it');
    expect(rowDetail({ ...kept, revisions: [] }, NOW)).toBe('');
  });
});
