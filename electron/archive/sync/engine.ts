// One sync with one remote: push what the server lacks, pull what arrived
// since the cursor, push again the merges that pulling made. Batches of
// `batchSize` revisions, each one transaction on each side. Thin I/O around
// the pure protocol (protocol.ts, reconcile.ts).
import type { Archive } from '../archive.ts';
import { ArchiveError, isArchiveError } from '../errors.ts';
import { connectServer, isConnectionError, offlineError, type ServerClient } from '../server/connect.ts';
import { assertServerSchema } from '../server/runner.ts';
import { applyPulled } from './apply.ts';
import { preparePull } from './prepare.ts';
import { bodyBlobs, haveBodies, localIds, markKnown, pendingBatch } from './local.ts';
import { planPull, planPush } from './protocol.ts';
import { fetchBodies, inSnapshot, missingBodies, pullRevisions, pushBatch, serverArticleDesks, whoAmI } from './remote.ts';
import { getRemote, recordSyncOutcome, type Remote } from './remotes.ts';
import type { Me, PendingRevision, SyncCounts } from './types.ts';

export interface SyncOptions {
  /** The user's password (the app's keychain); without it pg reads PGPASSWORD or ~/.pgpass. */
  password?: string;
  batchSize?: number;
  /** Tests and the fault suite: called between steps, to kill or cut the network mid-sync. */
  onStep?: (step: 'pushed-batch' | 'pulled-batch') => void | Promise<void>;
  /** An open connection to reuse (the app's background sync keeps one). */
  client?: ServerClient;
  /** One direction only (the benchmark times them apart). */
  only?: 'push' | 'pull';
}

export interface SyncResult extends SyncCounts {
  remote: string;
  /** Revisions the server's rules refuse from this user (they stay here, listed by `copydesk remote status`). */
  refused: number;
  /** Pulled revisions whose content did not match their hash (put on the server by hand): skipped. */
  rejected: number;
}

export const DEFAULT_BATCH = 500;

export async function sync(archive: Archive, remoteName: string | undefined, options: SyncOptions = {}): Promise<SyncResult> {
  const remote = getRemote(archive, remoteName);
  let client = options.client;
  try {
    client ??= await connectServer(remote.url, { ...(options.password !== undefined ? { password: options.password } : {}) });
    await assertServerSchema(client);
    const me = await whoAmI(client);
    recordSyncOutcome(archive, remote.id, { at: archive.now(), error: null, user: me.name, role: me.role });
    const counts: SyncResult = { remote: remote.name, pushed: 0, pulled: 0, conflicts: 0, merged: 0, refused: 0, rejected: 0 };
    if (options.only !== 'pull') await push(archive, client, remote, me, counts, options);
    if (options.only !== 'push') await pull(archive, client, remote, counts, options);
    if (counts.merged > 0 && options.only !== 'pull') await push(archive, client, remote, me, counts, options);
    recordSyncOutcome(archive, remote.id, { at: archive.now(), error: null });
    return counts;
  } catch (error) {
    const mapped = mapError(remote, error);
    try {
      recordSyncOutcome(archive, remote.id, { at: archive.now(), error: mapped.message });
    } catch {
      // the archive itself failed: the original error says why
    }
    throw mapped;
  } finally {
    if (client && !options.client) await client.end().catch(() => undefined);
  }
}

function mapError(remote: Remote, error: unknown): Error {
  if (isArchiveError(error)) return error;
  if (isConnectionError(error)) return offlineError(remote.url, error);
  const e = error as { code?: string; message?: string };
  if (e.code === '42501') return new ArchiveError('forbidden', `The shared archive refused this: ${e.message ?? 'permission denied'}.`, { pgCode: e.code });
  return error as Error;
}

async function push(archive: Archive, client: ServerClient, remote: Remote, me: Me, counts: SyncResult, options: SyncOptions): Promise<void> {
  const size = options.batchSize ?? DEFAULT_BATCH;
  const refused = new Set<string>();
  let afterId = 0;
  for (;;) {
    const batch = pendingBatch(archive.db, remote.id, afterId, size);
    if (batch.length === 0) break;
    afterId = (batch[batch.length - 1] as PendingRevision).localId;
    const articleDesks = await serverArticleDesks(client, [...new Set(batch.map((r) => r.articleId))]);
    const missing = await missingBodies(client, [...new Set(batch.map((r) => r.bodyHash))]);
    const plan = planPush(me, batch, { articleDesks, missingBodies: missing }, refused);
    counts.refused += plan.refused.length;
    if (plan.send.length === 0) continue;
    await pushBatch(client, { bodies: bodyBlobs(archive.db, plan.uploadBodies), articles: plan.createArticles, revisions: plan.send });
    // Killed here, the server holds the batch but this replica does not know: the next push sends it again, and ON CONFLICT makes that a no-op.
    archive.db.transaction(() => markKnown(archive.db, remote.id, plan.send.map((r) => r.localId))).immediate();
    counts.pushed += plan.send.length;
    await options.onStep?.('pushed-batch');
  }
}

async function pull(archive: Archive, client: ServerClient, remote: Remote, counts: SyncResult, options: SyncOptions): Promise<void> {
  const size = options.batchSize ?? DEFAULT_BATCH;
  const desks = remote.subscribe.length > 0 ? remote.subscribe : null;
  let cursor = getRemote(archive, remote.name).pullCursor;
  for (;;) {
    const fetched = await inSnapshot(client, async () => {
      const batch = await pullRevisions(client, cursor, desks, size);
      const all = [...batch.movedIn, ...batch.revisions];
      const known = localIds(archive.db, all.map((r) => r.rid));
      const bodies = haveBodies(archive.db, [...new Set(all.map((r) => r.bodyHash))]);
      const plan = planPull(all, new Set(known.keys()), bodies, cursor);
      return { batch, known, plan, blobs: await fetchBodies(client, plan.fetchBodies) };
    });
    if (fetched.batch.revisions.length === 0 && fetched.batch.movedIn.length === 0) break;
    // Checks and CPU work first (hashes, parsing, compression), then one short write transaction.
    const prepared = preparePull(fetched.plan.apply, fetched.blobs);
    const applied = applyPulled(archive, remote.id, fetched.plan, fetched.known, prepared);
    counts.pulled += applied.pulled;
    counts.rejected += applied.rejected;
    counts.merged += applied.merged;
    counts.conflicts += applied.conflicts;
    cursor = fetched.plan.cursor;
    await options.onStep?.('pulled-batch');
    if (fetched.batch.revisions.length < size) break;
  }
}
