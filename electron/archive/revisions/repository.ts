// Revisions are append-only full snapshots. The snapshot content lives once per
// hash in `snapshots`, so restoring an old version or saving twice costs a row,
// not another copy of the text.
import type { ArticleFields } from '../../../shared/model/article.ts';
import type { Revision, RevisionReason, RevisionSummary } from '../../../shared/model/revision.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText } from '../../../shared/editor/plainText.ts';
import { compressText, decompressText } from '../db/compress.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import type { Db } from '../db/open.ts';

export interface Snapshot {
  fields: ArticleFields;
  body: BodyState;
}

interface RevisionRow {
  id: number;
  article_id: string;
  created_at: string;
  reason: string;
  name: string | null;
  version: number;
  word_count: number;
  hash: string;
}

const SUMMARY_COLUMNS = `r.id, a.id AS article_id, r.created_at, r.reason, r.name, r.version, r.word_count, r.hash`;

export function snapshotHash(snapshot: Snapshot): string {
  return sha256Hex(canonicalJson(snapshot));
}

export interface AppendRevision {
  articleSeq: number;
  snapshot: Snapshot;
  reason: RevisionReason;
  name: string | null;
  version: number;
  wordCount: number;
  now: string;
}

/**
 * Append a revision. A plain save or autosave whose content equals the latest
 * revision's adds nothing (de-duplicated by hash) and returns that revision's id.
 */
export function appendRevision(db: Db, input: AppendRevision): { id: number; created: boolean } {
  const hash = snapshotHash(input.snapshot);
  if ((input.reason === 'save' || input.reason === 'autosave') && input.name == null) {
    const latest = db
      .prepare('SELECT id, hash FROM revisions WHERE article_seq = ? ORDER BY id DESC LIMIT 1')
      .get(input.articleSeq) as { id: number; hash: string } | undefined;
    if (latest?.hash === hash) return { id: latest.id, created: false };
  }
  db.prepare('INSERT OR IGNORE INTO snapshots (hash, data) VALUES (?, ?)').run(
    hash,
    compressText(JSON.stringify(input.snapshot)),
  );
  const result = db
    .prepare(
      'INSERT INTO revisions (article_seq, created_at, reason, name, version, word_count, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(input.articleSeq, input.now, input.reason, input.name, input.version, input.wordCount, hash);
  return { id: Number(result.lastInsertRowid), created: true };
}

export function listRevisions(db: Db, articleSeq: number): RevisionSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM revisions r JOIN articles a ON a.seq = r.article_seq WHERE r.article_seq = ? ORDER BY r.id`,
    )
    .all(articleSeq) as RevisionRow[];
  return rows.map(summaryFromRow);
}

export function getRevision(db: Db, articleSeq: number, revisionId: number): Revision | undefined {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, s.data FROM revisions r JOIN articles a ON a.seq = r.article_seq
       JOIN snapshots s ON s.hash = r.hash WHERE r.article_seq = ? AND r.id = ?`,
    )
    .get(articleSeq, revisionId) as (RevisionRow & { data: Buffer }) | undefined;
  if (!row) return undefined;
  const snapshot = JSON.parse(decompressText(row.data)) as Snapshot;
  return { ...summaryFromRow(row), fields: snapshot.fields, body: snapshot.body, bodyText: bodyToPlainText(snapshot.body) };
}

export function latestRevisionId(db: Db, articleSeq: number): number | undefined {
  const row = db.prepare('SELECT max(id) AS id FROM revisions WHERE article_seq = ?').get(articleSeq) as { id: number | null };
  return row.id ?? undefined;
}

function summaryFromRow(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    createdAt: row.created_at,
    reason: row.reason as RevisionReason,
    name: row.name,
    wordCount: row.word_count,
    hash: row.hash,
    version: row.version,
  };
}
