// The replica's side of the wire: SQLite reads and writes for pushing and
// pulling. Parameters only; callers hold the transaction.
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import type { ArticleSource } from '../../../shared/model/article.ts';
import { decompressText } from '../db/compress.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { StoredBody } from '../articles/repository.ts';
import type { PendingRevision, PulledRevision } from './types.ts';

const SOURCE_JSON = `json_object('path', a.source_path, 'sha256', a.source_sha256, 'encoding', a.source_encoding,
  'encodingConfidence', a.source_confidence, 'format', a.source_format, 'importedAt', a.imported_at,
  'timezoneAssumed', a.timezone_assumed, 'itemId', a.item_id, 'itemProvider', a.item_provider, 'itemVersion', a.item_version)`;

const PARENTS = `(SELECT json_group_array(parent_rid) FROM (SELECT parent_rid FROM revision_parents WHERE revision_id = r.id ORDER BY position))`;

interface PendingRow {
  localId: number;
  rid: string;
  articleId: string;
  parents: string;
  madeAt: string;
  author: string;
  reason: string;
  name: string | null;
  hash: string;
  fields: string;
  bodyHash: string;
  wordCount: number;
  desk: string | null;
  status: string | null;
  parentStatus: string | null;
  source: string;
}

/** Local revisions the remote does not hold, after `afterId`, oldest first (parents before children). */
export function pendingBatch(db: Db, remoteId: number, afterId: number, limit: number): PendingRevision[] {
  const rows = stmt(db,
    `SELECT r.id AS localId, r.rid, a.id AS articleId, ${PARENTS} AS parents, r.created_at AS madeAt, r.author, r.reason, r.name,
       r.hash, s.fields, b.hash AS bodyHash, r.word_count AS wordCount,
       json_extract(s.fields, '$.desk') AS desk, json_extract(s.fields, '$.status') AS status,
       (SELECT json_extract(ps.fields, '$.status') FROM revision_parents rp JOIN revisions p ON p.rid = rp.parent_rid
          JOIN snapshots ps ON ps.id = p.snapshot_id WHERE rp.revision_id = r.id AND rp.position = 0) AS parentStatus,
       ${SOURCE_JSON} AS source
     FROM revisions r JOIN articles a ON a.seq = r.article_seq JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id
     WHERE r.id > ? AND NOT EXISTS (SELECT 1 FROM remote_revisions k WHERE k.remote_id = ? AND k.revision_id = r.id)
     ORDER BY r.id LIMIT ?`,
  ).all(afterId, remoteId, limit) as PendingRow[];
  return rows.map((r) => ({ ...r, parents: JSON.parse(r.parents) as string[], desk: r.desk ?? '', status: r.status ?? 'draft' }));
}

/** How many local revisions the remote does not hold yet (of articles that have a desk). */
export function pendingCount(db: Db, remoteId: number): number {
  return stmt(db,
    `SELECT count(*) FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id
     WHERE NOT EXISTS (SELECT 1 FROM remote_revisions k WHERE k.remote_id = ? AND k.revision_id = r.id)
       AND coalesce(json_extract(s.fields, '$.desk'), '') <> ''`,
  ).pluck().get(remoteId) as number;
}

export function markKnown(db: Db, remoteId: number, localIds: readonly number[]): void {
  const insert = stmt(db, 'INSERT OR IGNORE INTO remote_revisions (remote_id, revision_id) VALUES (?, ?)');
  for (const id of localIds) insert.run(remoteId, id);
}

/** Local ids of the revisions among `rids` that this replica holds. */
export function localIds(db: Db, rids: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const get = stmt(db, 'SELECT id FROM revisions WHERE rid = ?').pluck();
  for (const rid of rids) {
    const id = get.get(rid) as number | undefined;
    if (id !== undefined) out.set(rid, id);
  }
  return out;
}

export function haveBodies(db: Db, hashes: readonly string[]): Set<string> {
  const get = stmt(db, 'SELECT 1 FROM bodies WHERE hash = ?').pluck();
  return new Set(hashes.filter((h) => get.get(h) !== undefined));
}

/** Bodies as they travel: the Lexical JSON's UTF-8 bytes (the server checks them against the hash). */
export function bodyBlobs(db: Db, hashes: readonly string[]): Array<{ hash: string; data: Buffer }> {
  const get = stmt(db, 'SELECT data FROM bodies WHERE hash = ?').pluck();
  return hashes.map((hash) => ({ hash, data: Buffer.from(decompressText(get.get(hash) as Buffer), 'utf8') }));
}

/** A body already stored here, with its text. */
export function storedBody(db: Db, hash: string): StoredBody | undefined {
  const row = stmt(db, 'SELECT id, hash, data FROM bodies WHERE hash = ?').get(hash) as { id: number; hash: string; data: Buffer } | undefined;
  if (!row) return undefined;
  const text = bodyToPlainText(JSON.parse(decompressText(row.data)) as BodyState);
  return { id: row.id, hash: row.hash, text, wordCount: countWords(text) };
}

/** Insert a pulled revision (fields text kept byte for byte) whose body is stored as `bodyId`. Returns its local id. */
export function insertPulledRevision(db: Db, articleSeq: number, version: number, rev: PulledRevision, bodyId: number): number {
  const existing = stmt(db, 'SELECT id FROM snapshots WHERE hash = ?').pluck().get(rev.hash) as number | undefined;
  const snapshotId =
    existing ?? Number(stmt(db, 'INSERT INTO snapshots (hash, fields, body_id) VALUES (?, ?, ?)').run(rev.hash, rev.fields, bodyId).lastInsertRowid);
  const id = Number(
    stmt(db,
      'INSERT INTO revisions (article_seq, created_at, reason, name, version, word_count, hash, snapshot_id, rid, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(articleSeq, rev.madeAt, rev.reason, rev.name, version, rev.wordCount, rev.hash, snapshotId, rev.rid, rev.author).lastInsertRowid,
  );
  const link = stmt(db, 'INSERT INTO revision_parents (revision_id, position, parent_rid) VALUES (?, ?, ?)');
  rev.parents.forEach((parent, position) => link.run(id, position, parent));
  return id;
}

export function parseSource(text: string): ArticleSource {
  const s = (JSON.parse(text || '{}') ?? {}) as Partial<ArticleSource>;
  return {
    path: s.path ?? null,
    sha256: s.sha256 ?? null,
    encoding: s.encoding ?? null,
    encodingConfidence: s.encodingConfidence ?? null,
    format: s.format ?? null,
    importedAt: s.importedAt ?? null,
    timezoneAssumed: s.timezoneAssumed ?? null,
    itemId: s.itemId ?? null,
    itemProvider: s.itemProvider ?? null,
    itemVersion: s.itemVersion ?? null,
  };
}
