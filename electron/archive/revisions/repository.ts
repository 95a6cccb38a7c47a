// Revisions are append-only full snapshots. The snapshot content lives once per
// hash in `snapshots`, so restoring an old version or saving twice costs a row,
// not another copy of the text.
import { type ArticleFields, withFieldDefaults } from '../../../shared/model/article.ts';
import type { Revision, RevisionReason, RevisionSummary } from '../../../shared/model/revision.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText } from '../../../shared/editor/plainText.ts';
import { decompressText } from '../db/compress.ts';
import { type StoredBody, storeBody } from '../articles/repository.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { uuidv7 } from '../db/uuid.ts';
import { foldHistoryOf, foldPendingHistory, historyPending, unmarkHistoryPending } from '../search/historyText.ts';

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
  rid: string;
  author: string;
  parents: string | null;
}

const SUMMARY_COLUMNS = `r.id, a.id AS article_id, r.created_at, r.reason, r.name, r.version, r.word_count, r.hash, r.rid, r.author,
  (SELECT json_group_array(parent_rid) FROM (SELECT parent_rid FROM revision_parents WHERE revision_id = r.id ORDER BY position)) AS parents`;

/** Content identity of a snapshot: equal fields and an equal body give an equal hash. */
export function snapshotHash(snapshot: SnapshotFields, bodyHash = sha256Hex(JSON.stringify(snapshot.body))): string {
  return sha256Hex(`${canonicalJson(snapshot.fields)}\n${bodyHash}`);
}

/** A snapshot whose body may be known only as stored (its hash), not as a tree. */
type SnapshotFields = Pick<Snapshot, 'fields'> & Partial<Pick<Snapshot, 'body'>>;

type RevisionContent =
  | { snapshot: Snapshot; /** The body as already stored by the caller, to skip storing it again. */ storedBody?: StoredBody }
  | { snapshot: SnapshotFields; storedBody: StoredBody };

export type AppendRevision = RevisionContent & {
  articleSeq: number;
  reason: RevisionReason;
  name: string | null;
  version: number;
  wordCount: number;
  now: string;
  /** The global id (see ../sync/README.md); a new UUIDv7 unless given (pulled revisions, merges, imports). */
  rid?: string;
  /** Parent revisions by rid; by default the one the working copy shows (articles.head_rid). */
  parents?: readonly string[];
  /** Who made it (the server user); by default this replica's user, '' before any remote. */
  author?: string;
  /** Point articles.head_rid at the new revision (default). Pulls and merges manage the head themselves. */
  moveHead?: boolean;
  /** Fold the article's earlier text for history: search now (default); a pull folds once per article after its batch. */
  foldHistory?: boolean;
  /**
   * The snapshot is the article's current version and the article row does not
   * change (an export's mark). When the history already holds that snapshot,
   * the text `history:` searches cannot change, so it is not folded again.
   */
  snapshotsCurrent?: boolean;
  /** `snapshotHash(snapshot, body hash)`, when the caller already made it (an export hashes the article once). */
  snapshotHash?: string;
};

/**
 * Append a revision. A plain save or autosave whose content equals the latest
 * revision's adds nothing (de-duplicated by hash) and returns that revision's id.
 * The snapshot's fields are stored once per hash and its body once per body hash.
 */
export function appendRevision(db: Db, input: AppendRevision): { id: number; created: boolean; rid: string } {
  const body = input.storedBody ?? storeBody(db, (input.snapshot as Snapshot).body);
  const hash = input.snapshotHash ?? snapshotHash(input.snapshot, body.hash);
  const head = input.parents === undefined ? headRevision(db, input.articleSeq) : undefined;
  if ((input.reason === 'save' || input.reason === 'autosave') && input.name == null && head?.hash === hash)
    return { id: head.id, created: false, rid: head.rid };
  const snapshotId = storeSnapshot(db, hash, input.snapshot.fields, body.id);
  const historyUnchanged =
    input.snapshotsCurrent === true &&
    !historyPending(db, input.articleSeq) &&
    stmt(db, 'SELECT 1 FROM revisions WHERE article_seq = ? AND snapshot_id = ? LIMIT 1').get(input.articleSeq, snapshotId) !== undefined;
  const rid = input.rid ?? uuidv7();
  const parents = input.parents ?? (head ? [head.rid] : []);
  const result = stmt(db,
      'INSERT INTO revisions (article_seq, created_at, reason, name, version, word_count, hash, snapshot_id, rid, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(input.articleSeq, input.now, input.reason, input.name, input.version, input.wordCount, hash, snapshotId, rid, input.author ?? localAuthor(db));
  const id = Number(result.lastInsertRowid);
  const link = stmt(db, 'INSERT INTO revision_parents (revision_id, position, parent_rid) VALUES (?, ?, ?)');
  parents.forEach((parent, position) => link.run(id, position, parent));
  if (input.moveHead !== false) stmt(db, 'UPDATE articles SET head_rid = ? WHERE seq = ?').run(rid, input.articleSeq);
  // A second or later revision marks the article for history: search (migration 8); fold it now, in this transaction.
  if (historyUnchanged) unmarkHistoryPending(db, input.articleSeq);
  else if (input.foldHistory !== false) foldHistoryOf(db, input.articleSeq);
  return { id, created: true, rid };
}

/** The snapshot row of a hash, inserted when new. */
export function storeSnapshot(db: Db, hash: string, fields: unknown, bodyId: number): number {
  const existing = stmt(db, 'SELECT id FROM snapshots WHERE hash = ?').pluck().get(hash) as number | undefined;
  return existing ?? Number(stmt(db, 'INSERT INTO snapshots (hash, fields, body_id) VALUES (?, ?, ?)').run(hash, JSON.stringify(fields), bodyId).lastInsertRowid);
}

/** The revision the working copy shows (falling back to the newest for an archive that predates heads). */
export function headRevision(db: Db, articleSeq: number): { id: number; hash: string; rid: string; version: number; createdAt: string } | undefined {
  return stmt(db,
    `SELECT r.id, r.hash, r.rid, r.version, r.created_at AS createdAt FROM revisions r
     WHERE r.rid = (SELECT head_rid FROM articles WHERE seq = ?)
     UNION ALL SELECT * FROM (SELECT id, hash, rid, version, created_at FROM revisions WHERE article_seq = ? ORDER BY id DESC LIMIT 1)
     LIMIT 1`,
  ).get(articleSeq, articleSeq) as { id: number; hash: string; rid: string; version: number; createdAt: string } | undefined;
}

/** This replica's user on the shared archive (the first remote's), '' when it has none. */
export function localAuthor(db: Db): string {
  return (stmt(db, 'SELECT server_user FROM remotes WHERE server_user IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as string | undefined) ?? '';
}

export function listRevisions(db: Db, articleSeq: number): RevisionSummary[] {
  const rows = stmt(db, 
      `SELECT ${SUMMARY_COLUMNS} FROM revisions r JOIN articles a ON a.seq = r.article_seq WHERE r.article_seq = ? ORDER BY r.id`,
    )
    .all(articleSeq) as RevisionRow[];
  return rows.map(summaryFromRow);
}

export function getRevision(db: Db, articleSeq: number, revisionId: number): Revision | undefined {
  const row = stmt(db, 
      `SELECT ${SUMMARY_COLUMNS}, s.fields, b.data FROM revisions r JOIN articles a ON a.seq = r.article_seq
       JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id WHERE r.article_seq = ? AND r.id = ?`,
    )
    .get(articleSeq, revisionId) as (RevisionRow & { fields: string; data: Buffer }) | undefined;
  if (!row) return undefined;
  const body = JSON.parse(decompressText(row.data)) as BodyState;
  return { ...summaryFromRow(row), fields: withFieldDefaults(JSON.parse(row.fields) as Partial<ArticleFields>), body, bodyText: bodyToPlainText(body) };
}

export function latestRevisionId(db: Db, articleSeq: number): number | undefined {
  const row = stmt(db, 'SELECT max(id) AS id FROM revisions WHERE article_seq = ?').get(articleSeq) as { id: number | null };
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
    rid: row.rid,
    author: row.author,
    parents: row.parents ? (JSON.parse(row.parents) as string[]) : [],
  };
}

export interface LatestRevision {
  id: number;
  createdAt: string;
  version: number;
  hash: string;
}

export function latestRevision(db: Db, articleSeq: number): LatestRevision | undefined {
  return stmt(db, 
      'SELECT id, created_at AS createdAt, version, hash FROM revisions WHERE article_seq = ? ORDER BY id DESC LIMIT 1',
    )
    .get(articleSeq) as LatestRevision | undefined;
}

/** Name (or un-name with null) an existing revision. Metadata only: the snapshot never changes. */
export function setRevisionName(db: Db, articleSeq: number, revisionId: number, name: string | null): boolean {
  return stmt(db, 'UPDATE revisions SET name = ? WHERE article_seq = ? AND id = ?').run(name, articleSeq, revisionId).changes > 0;
}

export interface RetentionRow {
  id: number;
  createdAt: string;
  reason: RevisionReason;
  name: string | null;
  hash: string;
  /** Known to a shared archive (pushed or pulled): every replica holds it, so it is never pruned. */
  shared?: boolean;
}

export function revisionsForRetention(db: Db, articleSeq: number): RetentionRow[] {
  const rows = stmt(db,
    `SELECT id, created_at AS createdAt, reason, name, hash,
       EXISTS (SELECT 1 FROM remote_revisions k WHERE k.revision_id = revisions.id) AS shared
     FROM revisions WHERE article_seq = ? ORDER BY id`,
  ).all(articleSeq) as Array<Omit<RetentionRow, 'shared'> & { shared: number }>;
  return rows.map((r) => ({ ...r, shared: r.shared === 1 }));
}

/** Articles that have at least one revision of the given reason, for an archive-wide prune. */
export function articlesWithReason(db: Db, reason: RevisionReason): number[] {
  return (stmt(db, 'SELECT DISTINCT article_seq AS seq FROM revisions WHERE reason = ?').all(reason) as Array<{ seq: number }>).map(
    (r) => r.seq,
  );
}

/** Delete revisions, then any snapshot no revision references any more. Caller holds the transaction. */
export function deleteRevisions(db: Db, rows: ReadonlyArray<{ id: number; hash: string }>): number {
  const del = stmt(db, 'DELETE FROM revisions WHERE id = ?');
  for (const row of rows) reparentChildren(db, row.id);
  const orphan = stmt(db, 'DELETE FROM snapshots WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM revisions WHERE hash = ?)');
  let deleted = 0;
  for (const row of rows) deleted += del.run(row.id).changes;
  for (const hash of new Set(rows.map((r) => r.hash))) orphan.run(hash, hash);
  // Text only the deleted revisions held leaves history: search with them.
  foldPendingHistory(db);
  // Bodies no snapshot and no article uses any more go too.
  stmt(db, 
    'DELETE FROM bodies WHERE NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.body_id = bodies.id) AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.body_id = bodies.id)',
  ).run();
  return deleted;
}

/**
 * Before a revision goes, its children (never shared: a shared child implies a
 * shared parent) take its parent, so the graph keeps its shape; the working
 * copy's head pointer moves the same way.
 */
function reparentChildren(db: Db, revisionId: number): void {
  const gone = stmt(db, 'SELECT rid, article_seq AS seq FROM revisions WHERE id = ?').get(revisionId) as { rid: string; seq: number } | undefined;
  if (!gone) return;
  const parent = stmt(db, 'SELECT parent_rid FROM revision_parents WHERE revision_id = ? ORDER BY position LIMIT 1').pluck().get(revisionId) as string | undefined;
  if (parent === undefined) stmt(db, 'DELETE FROM revision_parents WHERE parent_rid = ?').run(gone.rid);
  else stmt(db, 'UPDATE revision_parents SET parent_rid = ? WHERE parent_rid = ?').run(parent, gone.rid);
  stmt(db, 'UPDATE articles SET head_rid = ? WHERE seq = ? AND head_rid = ?').run(parent ?? null, gone.seq, gone.rid);
}
