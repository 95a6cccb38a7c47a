// Step 5 rebuilds `articles` (new columns, a wider status CHECK): every article
// of an older archive comes through with its revisions, its search index and
// its history intact, and the duplicate hash becomes case-sensitive.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyState, paragraph } from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { contentFoldHash, contentHash } from '../articles/contentHash.ts';
import { compressText } from '../db/compress.ts';
import { sha256Hex } from '../db/hash.ts';
import { tempDir } from '../testing/tempArchive.ts';
import { MIGRATIONS } from './index.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const VERSION_4 = MIGRATIONS.findIndex((m) => m.name === 'newsroom-metadata');

/** Writes an article the way a version-4 Copydesk did (its columns only), with one revision. */
function insertV4Article(db: Archive['db'], n: number, headline: string, words: string): void {
  const body = bodyState([paragraph(words)]);
  const json = JSON.stringify(body);
  const bodyHash = sha256Hex(json);
  db.prepare('INSERT OR IGNORE INTO bodies (hash, data) VALUES (?, ?)').run(bodyHash, compressText(json));
  const bodyId = db.prepare('SELECT id FROM bodies WHERE hash = ?').pluck().get(bodyHash) as number;
  const foldHash = contentFoldHash(headline, words);
  db.prepare(
    `INSERT INTO articles (id, headline, byline, tags, status, created_at, modified_at, version, body_id, word_count, source_path, content_hash)
     VALUES (?, ?, 'Kim', '["korea"]', ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, ?, 3, ?, ?)`,
  ).run(`id-${n}`, headline, n === 2 ? 'spiked' : 'ready', bodyId, `/old/${n}.txt`, foldHash);
  const seq = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(`id-${n}`) as number;
  const fields = { headline, dek: '', byline: 'Kim', dateline: '', section: '', tags: ['korea'], status: 'ready', language: '', slug: '', targetLength: null, postedAt: null, updatedAt: null };
  const snapHash = sha256Hex(`${n}`);
  db.prepare('INSERT INTO snapshots (hash, fields, body_id) VALUES (?, ?, ?)').run(snapHash, JSON.stringify(fields), bodyId);
  const snapId = db.prepare('SELECT id FROM snapshots WHERE hash = ?').pluck().get(snapHash) as number;
  db.prepare(
    "INSERT INTO revisions (article_seq, created_at, reason, name, version, word_count, hash, snapshot_id) VALUES (?, '2020-01-01T00:00:00Z', 'import', NULL, 1, 3, ?, ?)",
  ).run(seq, snapHash, snapId);
}

describe('migration 5: newsroom-metadata', () => {
  it('carries every article, revision and index entry of a version-4 archive through, and then stores the new fields', () => {
    expect(VERSION_4).toBeGreaterThan(0);
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'v4.sqlite');
    const old = Archive.open(path, { migrations: MIGRATIONS.slice(0, VERSION_4) });
    old.db.transaction(() => {
      insertV4Article(old.db, 1, 'Seoul Talks Resume', 'Negotiators met again');
      insertV4Article(old.db, 2, 'Budget passes', 'The council voted');
    })();
    const articlesBefore = old.db.prepare('SELECT seq, id, headline, status, body_id FROM articles ORDER BY seq').all();
    const revisionsBefore = old.db.prepare('SELECT * FROM revisions ORDER BY id').all();
    old.close();

    // Up to this step only (later steps, such as 6's revision ids, have tests of their own).
    const atFive = Archive.open(path, { migrations: MIGRATIONS.slice(0, VERSION_4 + 1) });
    expect(atFive.db.pragma('user_version', { simple: true })).toBe(5);
    expect(atFive.db.prepare('SELECT seq, id, headline, status, body_id FROM articles ORDER BY seq').all()).toEqual(articlesBefore);
    expect(atFive.db.prepare('SELECT * FROM revisions ORDER BY id').all()).toEqual(revisionsBefore);
    atFive.close();

    const migrated = Archive.open(path);
    expect(migrated.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrated.check()).toMatchObject({ ok: true, problems: [] });
    expect(migrated.search('negotiators').hits.map((h) => h.id)).toEqual(['id-1']);

    const a = migrated.getArticle('id-1');
    expect(a).toMatchObject({ headline: 'Seoul Talks Resume', tags: ['korea'], slugline: '', urgency: null, subjects: [], located: null, desk: '' });
    expect(a.source).toMatchObject({ itemId: null, itemProvider: null, itemVersion: null });
    // An old snapshot lacks the new fields: read with empty values.
    const [rev] = migrated.listRevisions('id-1');
    expect(migrated.getRevision('id-1', rev?.id as number).fields).toMatchObject({ headline: 'Seoul Talks Resume', urgency: null, authors: [] });

    const hashes = migrated.db.prepare("SELECT content_hash, content_fold_hash FROM articles WHERE id = 'id-1'").get();
    expect(hashes).toEqual({
      content_hash: contentHash('Seoul Talks Resume', 'Negotiators met again'),
      content_fold_hash: contentFoldHash('Seoul Talks Resume', 'Negotiators met again'),
    });
    expect(contentHash('Seoul Talks Resume', 'x')).not.toBe(contentHash('Seoul talks resume', 'x'));
    expect(contentFoldHash('Seoul Talks Resume', 'x')).toBe(contentFoldHash('Seoul  talks resume ', 'x'));

    const saved = migrated.save({
      id: 'id-1',
      baseVersion: 1,
      fields: {
        status: 'killed',
        slugline: 'KOREA-TALKS',
        urgency: 3,
        subjects: [{ scheme: 'medtop', code: '20000621', label: 'diplomacy' }],
        located: { name: 'Seoul', countryCode: 'KR' },
        authors: [{ name: 'Kim Min-ji', role: 'Diplomatic Correspondent' }],
        embargoedUntil: '2026-01-02T09:00:00+09:00',
      },
    });
    expect(migrated.getArticle('id-1')).toMatchObject({ status: 'killed', slugline: 'KOREA-TALKS', urgency: 3, located: { name: 'Seoul', countryCode: 'KR' } });
    expect(migrated.getRevision('id-1', saved.revisionId as number).fields.authors).toEqual([{ name: 'Kim Min-ji', role: 'Diplomatic Correspondent' }]);
    expect(() => migrated.save({ id: 'id-1', baseVersion: 2, fields: { urgency: 12 } })).toThrow(/CHECK/u);
    // The revisions still belong to their article: deleting it would cascade.
    migrated.db.prepare("DELETE FROM articles WHERE id = 'id-2'").run();
    expect(migrated.db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(2);
    expect(migrated.check()).toMatchObject({ ok: true });

    // Same schema as a new archive's.
    const fresh = Archive.open(join(t.dir, 'fresh.sqlite'));
    const schema = (x: Archive) => x.db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'search_index_%' ORDER BY name").all();
    expect(schema(migrated)).toEqual(schema(fresh));
    fresh.close();
    migrated.close();
  });
});
