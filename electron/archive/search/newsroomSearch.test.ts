// Searching the newsroom metadata: slug:, urgency:, provider:, subject:,
// embargo:, status:killed/withheld; notices for values that cannot be read;
// the provider and urgency facets; the fields search hits gain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import type { Archive, NewArticle } from '../archive.ts';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { parseUrgency } from './query/newsroom.ts';

let t: TempArchive;
let archive: Archive;
const ids: Record<string, string> = {};

const crime = { scheme: 'medtop', code: '20000106', label: 'crime' };
const economy = { scheme: 'http://cv.iptc.org/newscodes/mediatopic/', code: '04000000', label: 'economy, business and finance' };
const agencyOwn = { scheme: 'dpasubject', code: '20000106', label: 'Kriminalität' };

const ARTICLES: Record<string, NewArticle> = {
  flash: {
    headline: 'Harbour fire spreads',
    slugline: 'BC-Harbour-Fire',
    urgency: 1,
    provider: 'dpa',
    subjects: [crime],
    source: { itemProvider: 'dpa', itemId: 'urn:a', itemVersion: 1 },
    body: bodyFromParagraphs(['Fire crews fought the blaze.']),
  },
  economy: {
    headline: 'Rates held steady',
    slugline: 'BC-Rates',
    urgency: 3,
    provider: 'AP',
    subjects: [economy],
    embargoedUntil: '2026-03-02T06:00:00+01:00',
    source: { itemProvider: 'ap', itemId: 'urn:b', itemVersion: 2 },
    body: bodyFromParagraphs(['The central bank held rates.']),
  },
  routine: {
    headline: 'Museum extends hours',
    slugline: 'Museum-Hours',
    urgency: 6,
    provider: 'dpa',
    subjects: [agencyOwn],
    embargoedUntil: '2026-04-15T00:00:00Z',
    status: 'withheld',
    body: bodyFromParagraphs(['The museum opens later on Fridays.']),
  },
  killed: {
    headline: 'Minister resigns',
    status: 'killed',
    provider: 'Reuters',
    source: { itemProvider: 'reuters', itemId: 'urn:c', itemVersion: 3 },
    body: bodyFromParagraphs(['The minister resigned.']),
  },
  local: {
    headline: 'Council approves budget',
    body: bodyFromParagraphs(['The council approved the budget.']),
  },
};

beforeAll(() => {
  t = tempArchive();
  archive = t.archive;
  for (const [key, input] of Object.entries(ARTICLES)) ids[key] = archive.createArticle(input, 'save').id;
});
afterAll(() => t.cleanup());

const found = (query: string) => {
  const result = archive.search(query, { limit: 50, sort: 'posted' });
  const names = Object.entries(ids)
    .filter(([, id]) => result.hits.some((h) => h.id === id))
    .map(([name]) => name)
    .sort();
  return { names, notices: result.notices };
};

describe('newsroom filters', () => {
  it.each([
    ['slug:BC-Rates', ['economy']],
    ['slug:bc-rates', ['economy']],
    ['slugline:Museum-Hours', ['routine']],
    ['slug:BC-*', ['economy', 'flash']],
    ['-slug:BC-*', ['killed', 'local', 'routine']],
    ['urgency:1', ['flash']],
    ['urgency:<=3', ['economy', 'flash']],
    ['urgency:<3', ['flash']],
    ['urgency:>=3', ['economy', 'routine']],
    ['urgency:>3', ['routine']],
    ['urgency:1..3', ['economy', 'flash']],
    ['urgency:4..', ['routine']],
    ['urgency:..1', ['flash']],
    ['-urgency:<=3', ['killed', 'local', 'routine']],
    ['provider:dpa', ['flash', 'routine']],
    ['provider:DPA', ['flash', 'routine']],
    ['provider:ap', ['economy']],
    ['agency:reuters', ['killed']],
    ['-provider:dpa', ['economy', 'killed', 'local']],
    ['subject:medtop:20000106', ['flash']],
    ['subject:20000106', ['flash', 'routine']],
    ['subject:crime', ['flash']],
    ['subject:Crime', ['flash']],
    ['subject:"economy, business and finance"', ['economy']],
    ['subject:medtop:04000000', ['economy']],
    ['subject:dpasubject:20000106', ['routine']],
    ['subject:econ*', ['economy']],
    ['subject:subj:04000000', []],
    ['embargo:2026', ['economy', 'routine']],
    ['embargo:2026-03', ['economy']],
    ['embargo:2026-03-02', ['economy']],
    ['embargo:2026-03-03..', ['routine']],
    ['embargo:..2026-03-31', ['economy']],
    ['status:killed', ['killed']],
    ['status:withheld', ['routine']],
    ['-status:killed -status:withheld', ['economy', 'flash', 'local']],
    ['provider:dpa urgency:<=3', ['flash']],
    ['fire provider:dpa', ['flash']],
  ])('%s', (query, expected) => {
    expect(found(query)).toEqual({ names: expected, notices: [] });
  });

  it.each([
    ['urgency:high', 'is not an urgency'],
    ['urgency:0', 'is not an urgency'],
    ['urgency:12', 'is not an urgency'],
    ['urgency:<1', 'is not an urgency'],
    ['urgency:5..2', 'is not an urgency'],
    ['embargo:soon', 'is not a date or range (try embargo:2026'],
    ['status:dead', 'There is no status "dead"; statuses are draft, edited, ready, published, spiked, killed, withheld.'],
  ])('%s matches nothing and says why', (query, notice) => {
    const result = found(query);
    expect(result.names).toEqual([]);
    expect(result.notices.join(' ')).toContain(notice);
  });

  it('parses urgency forms into inclusive ranges', () => {
    expect(parseUrgency('2')).toEqual({ min: 2, max: 2 });
    expect(parseUrgency('=2')).toEqual({ min: 2, max: 2 });
    expect(parseUrgency('<=3')).toEqual({ min: 1, max: 3 });
    expect(parseUrgency('>7')).toEqual({ min: 8, max: 9 });
    expect(parseUrgency('2..4')).toEqual({ min: 2, max: 4 });
    expect(parseUrgency('..')).toBeNull();
    expect(parseUrgency('>9')).toBeNull();
    expect(parseUrgency('1..2..3')).toBeNull();
    expect(parseUrgency('10')).toBeNull();
  });
});

describe('hits and facets', () => {
  it('search hits carry embargoedUntil, urgency and provider', () => {
    const hit = archive.search('rates').hits[0];
    expect(hit).toMatchObject({ id: ids.economy, embargoedUntil: '2026-03-02T06:00:00+01:00', urgency: 3, provider: 'AP', status: 'draft' });
    expect(archive.search('council').hits[0]).toMatchObject({ embargoedUntil: null, urgency: null, provider: '' });
  });

  it('facets count providers (case folded) and urgencies, most urgent first', () => {
    const facets = archive.facets();
    expect(facets.providers).toEqual([
      { value: 'dpa', count: 2 },
      { value: 'AP', count: 1 },
      { value: 'Reuters', count: 1 },
    ]);
    expect(facets.urgencies).toEqual([
      { value: '1', count: 1 },
      { value: '3', count: 1 },
      { value: '6', count: 1 },
    ]);
  });
});
