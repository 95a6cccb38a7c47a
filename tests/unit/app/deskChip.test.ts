// The desk filter chip (issue 13) reads and writes `desk:` in the query text,
// like the other chips (renderer/src/features/search/query.ts).
import { describe, expect, it } from 'vitest';
import { readChips, removeChip, setChip } from '../../../renderer/src/features/search/query.ts';

describe('desk filter chip', () => {
  it('reads a typed desk: filter as a chip, quoted or not', () => {
    expect(readChips('fire desk:metro').map((c) => [c.field, c.value])).toEqual([['desk', 'metro']]);
    expect(readChips('Desk:"city desk" fire').map((c) => [c.field, c.value, c.raw])).toEqual([['desk', 'city desk', 'Desk:"city desk"']]);
    expect(readChips('-desk:metro')).toEqual([]);
  });

  it('sets, replaces and removes the desk chip in the query text', () => {
    let q = setChip('fire', 'desk', 'metro');
    expect(q).toBe('fire desk:metro');
    q = setChip(q, 'desk', 'city desk');
    expect(q).toBe('fire desk:"city desk"');
    const chip = readChips(q)[0];
    expect(chip && removeChip(q, chip)).toBe('fire');
    expect(setChip(q, 'desk', null)).toBe('fire');
  });
});
