// The renderer's pure helpers for wire metadata: chips for the new filters
// (renderer/src/features/search/query.ts) and embargo times
// (renderer/src/features/wire/format.ts).
import { describe, expect, it } from 'vitest';
import { readChips, removeChip, setChip } from '../../../renderer/src/features/search/query.ts';
import { embargoHolds, instantText, localText } from '../../../renderer/src/features/wire/format.ts';

describe('wire filter chips', () => {
  it('reads typed newsroom filters as chips', () => {
    expect(readChips('fire provider:dpa urgency:<=3 slug:BC-* subject:medtop:20000106 embargo:2026-03').map((c) => [c.field, c.value])).toEqual([
      ['provider', 'dpa'],
      ['urgency', '<=3'],
      ['slug', 'BC-*'],
      ['subject', 'medtop:20000106'],
      ['embargo', '2026-03'],
    ]);
    expect(readChips('agency:ap slugline:X subjects:"economy, business and finance"').map((c) => [c.field, c.value])).toEqual([
      ['provider', 'ap'],
      ['slug', 'X'],
      ['subject', 'economy, business and finance'],
    ]);
  });

  it('writes and replaces the provider and urgency chips in the query text', () => {
    let q = setChip('fire', 'provider', 'dpa');
    expect(q).toBe('fire provider:dpa');
    q = setChip(q, 'urgency', '<=3');
    expect(q).toBe('fire provider:dpa urgency:<=3');
    q = setChip(q, 'provider', 'AP');
    expect(q).toBe('fire urgency:<=3 provider:AP');
    const urgency = readChips(q).find((c) => c.field === 'urgency');
    expect(urgency && removeChip(q, urgency)).toBe('fire provider:AP');
    expect(setChip(q, 'urgency', null)).toBe('fire provider:AP');
  });
});

describe('embargo times', () => {
  const until = '2026-03-02T06:00:00+01:00';
  it('holds until the instant, and an unreadable time never counts as lifted', () => {
    expect(embargoHolds(until, Date.parse('2026-03-02T04:59:59Z'))).toBe(true);
    expect(embargoHolds(until, Date.parse('2026-03-02T05:00:00Z'))).toBe(false);
    expect(embargoHolds(null, 0)).toBe(false);
    expect(embargoHolds('soon', Date.parse('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('shows the instant in UTC beside the local time', () => {
    expect(instantText(until)).toBe('2026-03-02T05:00Z');
    expect(instantText('soon')).toBe('soon');
    expect(localText(until, 'en-GB')).toMatch(/2 Mar 2026/u);
  });
});
