// The importer's batched search indexing around its waits. New articles may
// wait to be indexed only while nothing else can run on the connection: a
// chunk of prepared files that has already arrived is taken without awaiting
// (the index is flushed per yield or commit, not per chunk), and before a real
// wait the index is brought up to date, so a save that lands during the wait
// (the app's writer serves saves between an import's steps) updates an
// indexed row. Date is frozen so the importer's 50 ms yields and 250 ms
// commits never happen and the only waits are the ones each test arranges.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Archive } from '../archive.ts';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { importPaths } from './importer.ts';
import { inlinePreparer, type Preparer } from './workers/preparer.ts';

const FILES = 320; // ten chunks of 32
let temp: TempArchive;
let archive: Archive;
let src: string;

beforeEach(() => {
  temp = tempArchive();
  archive = temp.archive;
  src = join(temp.dir, 'src');
  mkdirSync(src);
  // One story per file, each with a word of its own to search for.
  for (let i = 0; i < FILES; i += 1) writeFileSync(join(src, `${String(i).padStart(3, '0')}.txt`), `Headline ${i}\n\nThe body of story marker${i}.\n`);
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  temp.cleanup();
});

/** Articles written but not yet in the search index (FTS5 writes a docsize row per indexed article at once). */
const unindexed = () =>
  (archive.db.prepare('SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM search_index_docsize)').pluck().get() as number);

function everyStoryFound(): void {
  for (const i of [0, 31, 32, 100, FILES - 1]) expect(archive.search(`marker${i}`).total, `marker${i}`).toBe(1);
  expect(archive.check().ok).toBe(true);
}

describe('batched search indexing while importing', () => {
  it('takes chunks that have already arrived without a flush between them, and indexes every article by the end', async () => {
    const waiting: number[] = [];
    const ready: Preparer = {
      prepare: (requests, options) => {
        waiting.push(unindexed());
        return inlinePreparer.prepare(requests, options);
      },
      close: () => Promise.resolve(),
    };
    const report = await importPaths(archive, [src], { timezone: 'UTC', preparer: ready });
    expect(report.imported).toBe(FILES);
    // Asked for a chunk while more than one chunk's articles waited: no flush at the chunk boundary.
    expect(Math.max(...waiting)).toBeGreaterThan(32);
    expect(unindexed()).toBe(0);
    everyStoryFound();
  });

  it('brings the index up to date before a real wait, so a save during the wait updates an indexed row', async () => {
    let calls = 0;
    let savedDuringWait = false;
    const slowSecond: Preparer = {
      prepare: (requests, options) => {
        calls += 1;
        const prepared = inlinePreparer.prepare(requests, options);
        if (calls !== 2) return prepared;
        // The second chunk arrives only after the first chunk's articles are written and an editor saved one of them.
        return new Promise((resolve) => {
          const poll = () => {
            if ((archive.db.prepare('SELECT count(*) FROM articles').pluck().get() as number) < 32) return void setImmediate(poll);
            // Found by search: the first chunk is indexed while the importer waits.
            const first = archive.search('marker5').hits[0];
            if (first) {
              const article = archive.getArticle(first.id);
              archive.save({ id: article.id, baseVersion: article.version, fields: { headline: 'Changed while importing' } });
              savedDuringWait = true;
            }
            resolve(prepared);
          };
          setImmediate(poll);
        });
      },
      close: () => Promise.resolve(),
    };
    const report = await importPaths(archive, [src], { timezone: 'UTC', preparer: slowSecond });
    expect(savedDuringWait).toBe(true);
    expect(report.imported).toBe(FILES);
    expect(archive.search('"Changed while importing"').total).toBe(1);
    everyStoryFound();
  });
});
