// The desk filter (issue 13): `desk:` in queries and the desks facet the
// filter chips offer, most used first, case folded, none on an unshared archive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';

let t: TempArchive;
beforeEach(() => {
  t = tempArchive();
});
afterEach(() => t.cleanup());

describe('desk facet and filter', () => {
  it('has no desks on an archive that never synced', () => {
    t.archive.createArticle({ headline: 'Local only' });
    expect(t.archive.facets().desks).toEqual([]);
  });

  it('counts desks (case folded, most used first) and desk: finds their articles', () => {
    t.archive.createArticle({ headline: 'Tram fares frozen', desk: 'metro' });
    t.archive.createArticle({ headline: 'Tram depot opens', desk: 'Metro' });
    t.archive.createArticle({ headline: 'Tram league final', desk: 'sport' });
    t.archive.createArticle({ headline: 'Tram museum', desk: '' });
    // One entry per desk whatever the case it was typed in (which spelling names it is SQLite's pick).
    expect(t.archive.facets().desks.map((d) => ({ ...d, value: d.value.toLowerCase() }))).toEqual([
      { value: 'metro', count: 2 },
      { value: 'sport', count: 1 },
    ]);
    expect(t.archive.search('tram desk:metro').total).toBe(2);
    expect(t.archive.search('tram desk:sport').hits.map((h) => h.headline)).toEqual(['Tram league final']);
  });
});
