// Batched indexing must leave exactly the index the per-article trigger
// would have: nothing missing, nothing twice, nothing left deferred.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { contentHash } from '../articles/repository.ts';
import { prepareBody } from '../articles/preparedBody.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { DeferredIndex } from './deferredIndex.ts';

let t: TempArchive;
beforeEach(() => {
  t = tempArchive();
});
afterEach(() => t.cleanup());

const insert = (archive: Archive, headline: string, text: string) => {
  const body = prepareBody(bodyFromParagraphs([text]));
  return archive.insertPrepared({ fields: { headline }, body, contentHash: contentHash(headline, body.text) }, 'import');
};
const hits = (archive: Archive, q: string) => archive.search(q, { limit: 10 }).hits.map((h) => h.headline).sort();
const indexed = (archive: Archive) => (archive.db.prepare('SELECT count(*) FROM search_index').pluck().get() as number);

describe('DeferredIndex', () => {
  it('holds new articles back until flush, then indexes each once', () => {
    const { archive } = t;
    insert(archive, 'Before harbour', 'indexed by the trigger');
    const index = new DeferredIndex(archive.db);
    archive.db.transaction(() => {
      index.begin();
      insert(archive, 'Harbour one', 'ferry timetable');
      insert(archive, 'Harbour two', 'ferry strike');
      expect(hits(archive, 'ferry')).toEqual([]); // not yet: the trigger skipped them
      index.flush();
      expect(hits(archive, 'ferry')).toEqual(['Harbour one', 'Harbour two']);
      insert(archive, 'Harbour three', 'ferry fares');
      index.end();
    })();
    expect(hits(archive, 'ferry')).toEqual(['Harbour one', 'Harbour three', 'Harbour two']);
    expect(hits(archive, 'harbour')).toHaveLength(4);
    expect(indexed(archive)).toBe(4);
    expect(archive.check().ok).toBe(true);
    // Deferral is off again: an ordinary insert is indexed at once.
    insert(archive, 'After', 'lighthouse keeper');
    expect(hits(archive, 'lighthouse')).toEqual(['After']);
  });

  it('an article updated after a flush keeps a consistent index', () => {
    const { archive } = t;
    const index = new DeferredIndex(archive.db);
    archive.db.transaction(() => {
      index.begin();
      const { id } = insert(archive, 'Draft', 'first words');
      index.flush(); // what the importer does before updating
      archive.saveInTransaction({ id, baseVersion: 1, fields: { headline: 'Final' }, reason: 'import' });
      index.end();
    })();
    expect(hits(archive, 'final')).toEqual(['Final']);
    expect(hits(archive, 'draft')).toEqual([]);
    expect(archive.check().ok).toBe(true);
  });

  it('abandon() on rollback indexes nothing and leaves deferral off', () => {
    const { archive } = t;
    const index = new DeferredIndex(archive.db);
    expect(() =>
      archive.db.transaction(() => {
        index.begin();
        insert(archive, 'Lost', 'rolled back');
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    index.abandon();
    expect(indexed(archive)).toBe(0);
    insert(archive, 'Kept', 'indexed now');
    expect(hits(archive, 'kept')).toEqual(['Kept']);
    expect(archive.check().ok).toBe(true);
  });

  it('is per connection: only the importing connection defers', () => {
    const { archive, path } = t;
    const other = Archive.open(path);
    const deferred = (a: Archive) => a.db.prepare('SELECT cd_index_deferred()').pluck().get();
    try {
      const index = new DeferredIndex(archive.db);
      archive.db.transaction(() => {
        index.begin();
        expect(deferred(archive)).toBe(1);
        expect(deferred(other)).toBe(0);
        insert(archive, 'Mine', 'batched');
        index.end();
        expect(deferred(archive)).toBe(0);
      }).immediate();
      insert(other, 'Elsewhere', 'written by the other connection');
      expect(hits(other, 'elsewhere mine OR elsewhere')).toEqual(['Elsewhere']);
      expect(indexed(archive)).toBe(2);
      expect(archive.check().ok).toBe(true);
    } finally {
      other.close();
    }
  });

  it('does nothing on a schema older than the batched-index migration (no double rows)', () => {
    t.cleanup();
    t = tempArchive();
    const old = Archive.open(`${t.path}.old`, { migrations: MIGRATIONS.filter((m) => m.name !== 'batched-index') });
    try {
      const index = new DeferredIndex(old.db);
      old.db.transaction(() => {
        index.begin();
        insert(old, 'Old schema', 'trigger indexes it');
        index.end();
      })();
      expect(indexed(old)).toBe(1);
      expect(old.check().ok).toBe(true);
    } finally {
      old.close();
    }
  });
});
