// archive.search as the window calls it: the payload's `history` flag is
// validated and reaches the core, on a read-only connection like the app's
// read workers, and a typed `history:` does the same without it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../../archive/archive.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { archiveHandlers } from './archive.ts';

let t: TempArchive;
let reader: Archive;
let storyId: string;
let firstRevision: number;

beforeEach(() => {
  t = tempArchive();
  const story = t.archive.createArticle({ headline: 'Bridge repairs', body: bodyFromParagraphs(['The council closed the north lane.', 'Repairs take six weeks.']) });
  t.archive.save({ id: story.id, baseVersion: 1, name: 'Correction', body: bodyFromParagraphs(['Repairs take six weeks.']) });
  storyId = story.id;
  firstRevision = t.archive.listRevisions(story.id)[0]?.id as number;
  // The app's read workers open the archive read-only.
  reader = Archive.open(t.path, { readonly: true });
});
afterEach(() => {
  reader.close();
  t.cleanup();
});

const search = (input: unknown) => archiveHandlers.search.run(reader, contract.archive.methods.search.input.parse(input));

describe('archive.search with history', () => {
  it('passes history: true through to the core, naming the revision that held the words', async () => {
    expect((await search({ query: '"north lane"' })).total).toBe(0);
    expect((await search({ query: '"north lane"', history: false })).total).toBe(0);
    const result = await search({ query: '"north lane"', history: true });
    expect(result.total).toBe(1);
    expect(result.hits[0]).toMatchObject({ id: storyId, currentMatches: false });
    expect(result.hits[0]?.revisions?.map((r) => r.id)).toEqual([firstRevision]);
    expect(result.hits[0]?.revisions?.[0]).toMatchObject({ reason: 'save' });
    expect(result.notices.join(' ')).toMatch(/every version/u);
  });

  it('answers a typed history: the same way', async () => {
    const typed = await search({ query: 'history:"north lane"' });
    expect(typed.hits.map((h) => ({ id: h.id, currentMatches: h.currentMatches }))).toEqual([{ id: storyId, currentMatches: false }]);
    const both = await search({ query: 'history:repairs' });
    expect(both.hits[0]).toMatchObject({ id: storyId, currentMatches: true });
    expect(both.hits[0]?.revisions).toHaveLength(2);
  });

  it('refuses a history flag that is not a boolean', () => {
    for (const history of ['yes', 1, null, {}]) expect(contract.archive.methods.search.input.safeParse({ query: 'x', history }).success, String(history)).toBe(false);
  });
});
