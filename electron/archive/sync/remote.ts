// The server's side of the wire: the statements a replica runs on the shared
// archive. Each push batch is one transaction; each pull batch reads in one
// REPEATABLE READ transaction, so its revisions and bodies agree.
import type { ServerClient } from '../server/connect.ts';
import type { Me, PendingRevision, PulledRevision, WireRevision } from './types.ts';

export async function whoAmI(client: ServerClient): Promise<Me> {
  const { rows } = await client.query<{ name: string; role: Me['role']; desks: string[] }>('SELECT name, role, desks FROM copydesk.me');
  const row = rows[0];
  return { name: row?.name ?? '', role: row?.role ?? null, desks: row?.desks ?? [] };
}

export async function serverArticleDesks(client: ServerClient, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; desk: string }>('SELECT id, desk FROM copydesk.articles WHERE id = ANY ($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.desk]));
}

export async function missingBodies(client: ServerClient, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const { rows } = await client.query<{ h: string }>('SELECT h FROM copydesk.missing_bodies($1::text[]) AS h', [hashes]);
  return new Set(rows.map((r) => r.h));
}

export interface PushBatch {
  bodies: Array<{ hash: string; data: Buffer }>;
  articles: Array<{ id: string; desk: string; source: string }>;
  revisions: readonly PendingRevision[];
}

/** Send one batch in one transaction; answers the rids the server now holds (all of them, or the transaction failed). */
export async function pushBatch(client: ServerClient, batch: PushBatch): Promise<void> {
  await client.query('BEGIN');
  try {
    if (batch.bodies.length > 0)
      await client.query('INSERT INTO copydesk.bodies (hash, data) SELECT * FROM unnest ($1::text[], $2::bytea[]) ON CONFLICT (hash) DO NOTHING', [
        batch.bodies.map((b) => b.hash),
        batch.bodies.map((b) => b.data),
      ]);
    if (batch.articles.length > 0)
      await client.query('INSERT INTO copydesk.articles (id, desk, source) SELECT * FROM unnest ($1::text[], $2::text[], $3::text[]) ON CONFLICT (id) DO NOTHING', [
        batch.articles.map((a) => a.id),
        batch.articles.map((a) => a.desk),
        batch.articles.map((a) => a.source),
      ]);
    if (batch.revisions.length > 0) await insertRevisions(client, batch.revisions);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function insertRevisions(client: ServerClient, revs: readonly WireRevision[]): Promise<void> {
  const col = <K extends keyof WireRevision>(k: K) => revs.map((r) => r[k]);
  await client.query(
    `INSERT INTO copydesk.revisions (rid, article_id, parents, made_at, author, reason, name, hash, fields, body_hash, word_count, desk, status)
     SELECT rid, article_id, ARRAY(SELECT json_array_elements_text(parents::json)), made_at, author, reason, name, hash, fields, body_hash, word_count, desk, status
     FROM unnest ($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::text[])
       WITH ORDINALITY AS x (rid, article_id, parents, made_at, author, reason, name, hash, fields, body_hash, word_count, desk, status, n)
     ORDER BY n
     ON CONFLICT (rid) DO NOTHING`,
    [
      col('rid'),
      col('articleId'),
      revs.map((r) => JSON.stringify(r.parents)),
      col('madeAt'),
      col('author'),
      col('reason'),
      // Names travel as JSON strings: exact for any text, even a lone surrogate.
      revs.map((r) => (r.name === null ? null : JSON.stringify(r.name))),
      col('hash'),
      col('fields'),
      col('bodyHash'),
      col('wordCount'),
      col('desk'),
      col('status'),
    ],
  );
}

interface PulledRow {
  seq: string;
  rid: string;
  article_id: string;
  parents: string[];
  made_at: string;
  author: string;
  reason: string;
  name: string | null;
  hash: string;
  fields: string;
  body_hash: string;
  word_count: number;
  desk: string;
  status: string;
  source: string;
}

const PULL_COLUMNS = `r.seq, r.rid, r.article_id, r.parents, r.made_at, r.author, r.reason, r.name, r.hash, r.fields, r.body_hash, r.word_count, r.desk, r.status, a.source`;

function fromRow(r: PulledRow): PulledRevision {
  return {
    seq: Number(r.seq),
    rid: r.rid,
    articleId: r.article_id,
    parents: r.parents,
    madeAt: r.made_at,
    author: r.author,
    reason: r.reason,
    name: r.name === null ? null : (JSON.parse(r.name) as string),
    hash: r.hash,
    fields: r.fields,
    bodyHash: r.body_hash,
    wordCount: r.word_count,
    desk: r.desk,
    status: r.status,
    source: r.source,
  };
}

export interface PulledBatch {
  revisions: PulledRevision[];
  /** Articles that came to a subscribed desk after the cursor: their older revisions, never seen here. */
  movedIn: PulledRevision[];
}

/**
 * Revisions after `cursor` (at most `limit`), of the subscribed desks (null:
 * every desk the user may see), in arrival order, plus the whole history of
 * articles moved into those desks since the cursor.
 */
export async function pullRevisions(client: ServerClient, cursor: number, desks: readonly string[] | null, limit: number): Promise<PulledBatch> {
  const { rows } = await client.query<PulledRow>(
    `SELECT ${PULL_COLUMNS} FROM copydesk.revisions r JOIN copydesk.articles a ON a.id = r.article_id
     WHERE r.seq > $1 AND ($2::text[] IS NULL OR a.desk = ANY ($2::text[]))
     ORDER BY r.seq LIMIT $3`,
    [cursor, desks, limit],
  );
  const moved = await client.query<PulledRow>(
    `SELECT ${PULL_COLUMNS} FROM copydesk.articles a JOIN copydesk.revisions r ON r.article_id = a.id
     WHERE a.moved_seq > $1 AND r.seq <= $1 AND ($2::text[] IS NULL OR a.desk = ANY ($2::text[]))
     ORDER BY r.seq`,
    [cursor, desks],
  );
  return { revisions: rows.map(fromRow), movedIn: moved.rows.map(fromRow) };
}

export async function fetchBodies(client: ServerClient, hashes: readonly string[]): Promise<Map<string, Buffer>> {
  if (hashes.length === 0) return new Map();
  const { rows } = await client.query<{ hash: string; data: Buffer }>('SELECT hash, data FROM copydesk.bodies WHERE hash = ANY ($1::text[])', [hashes]);
  return new Map(rows.map((r) => [r.hash, r.data]));
}

/** Run reads in one snapshot, so the bodies match the revisions read with them. */
export async function inSnapshot<T>(client: ServerClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const value = await work();
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
