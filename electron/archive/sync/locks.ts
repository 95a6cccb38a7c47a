// Soft locks while online: opening an article for editing takes its lock on
// the shared archive, so the desk sees "Kim is editing since 10:42"; others
// open it read-only, or a chief breaks the lock (recorded in lock_events).
// Only the lock columns of copydesk.articles change, and the server's policy
// decides who may change them. Offline edits are never blocked: they meet the
// conflict rules instead.
import { ArchiveError } from '../errors.ts';
import type { ServerClient } from '../server/connect.ts';

export interface LockState {
  articleId: string;
  /** Who holds it (a server user), or null. */
  holder: string | null;
  since: string | null;
  /** True when the caller holds it. */
  mine: boolean;
  /** False when the article is not on the shared archive (yet): nothing to lock. */
  shared: boolean;
}

/** Locks older than this are stale (a replica that vanished): anyone may take them. Matches the server's policy. */
export const STALE_LOCK_MS = 60 * 60 * 1000;

async function state(client: ServerClient, articleId: string): Promise<LockState> {
  const { rows } = await client.query<{ holder: string | null; since: Date | null; me: string }>(
    'SELECT lock_user AS holder, lock_since AS since, current_user AS me FROM copydesk.articles WHERE id = $1',
    [articleId],
  );
  const row = rows[0];
  if (!row) return { articleId, holder: null, since: null, mine: false, shared: false };
  return { articleId, holder: row.holder, since: row.since?.toISOString() ?? null, mine: row.holder !== null && row.holder === row.me, shared: true };
}

export async function lockState(client: ServerClient, articleId: string): Promise<LockState> {
  return state(client, articleId);
}

/** Take the lock if it is free, ours or stale; otherwise answer who holds it (mine: false). */
export async function takeLock(client: ServerClient, articleId: string): Promise<LockState> {
  const taken = await client.query(
    `UPDATE copydesk.articles SET lock_user = current_user, lock_since = now()
     WHERE id = $1 AND (lock_user IS NULL OR lock_user = current_user OR lock_since < now() - interval '1 hour')`,
    [articleId],
  );
  if (taken.rowCount === 1) await client.query("INSERT INTO copydesk.lock_events (article_id, event, holder) VALUES ($1, 'take', current_user)", [articleId]);
  return state(client, articleId);
}

export async function releaseLock(client: ServerClient, articleId: string): Promise<LockState> {
  const released = await client.query('UPDATE copydesk.articles SET lock_user = NULL, lock_since = NULL WHERE id = $1 AND lock_user = current_user', [articleId]);
  if (released.rowCount === 1) await client.query("INSERT INTO copydesk.lock_events (article_id, event, holder) VALUES ($1, 'release', current_user)", [articleId]);
  return state(client, articleId);
}

/** A chief takes someone else's lock; the break is recorded with the holder it displaced. */
export async function breakLock(client: ServerClient, articleId: string): Promise<LockState> {
  const before = await state(client, articleId);
  if (!before.shared) return before;
  await client.query('BEGIN');
  try {
    const broke = await client.query('UPDATE copydesk.articles SET lock_user = current_user, lock_since = now() WHERE id = $1', [articleId]);
    if (broke.rowCount !== 1) throw new ArchiveError('forbidden', 'Only a chief may break a lock.');
    await client.query("INSERT INTO copydesk.lock_events (article_id, event, holder) VALUES ($1, 'break', $2)", [articleId, before.holder]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '42501') throw new ArchiveError('forbidden', 'Only a chief may break a lock.');
    throw error;
  }
  return state(client, articleId);
}
