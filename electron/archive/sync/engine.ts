// One sync with one remote: push what the server lacks, pull what arrived
// since the cursor, push again the merges that pulling made. Batches of
// `batchSize` revisions, each one transaction on each side. Thin I/O around
// the pure protocol (protocol.ts, reconcile.ts).
import type { Archive } from '../archive.ts';
import { ArchiveError, isArchiveError } from '../errors.ts';
import { connectServer, isConnectionError, offlineError, type ServerClient } from '../server/connect.ts';
import { assertServerSchema } from '../server/runner.ts';
import { applyPulled } from './apply.ts';
import { preparePull, preparePullInSteps, type PreparedParts, type PreparedPull } from './prepare.ts';
import { PullPreparer, type PullWorkerSpec } from './pullWorker/preparer.ts';
import { bodyBlobs, haveBodies, localIds, markKnown, pendingBatch } from './local.ts';
import { cursorAfter, planPull, planPush } from './protocol.ts';
import { ReadAhead } from './readAhead.ts';
import { fetchBodies, inSnapshot, missingBodies, pullRevisions, pushBatch, serverArticleDesks, whoAmI, type PulledBatch } from './remote.ts';
import { getRemote, recordSyncOutcome, type Remote } from './remotes.ts';
import type { Me, PendingRevision, PulledRevision, SyncCounts } from './types.ts';

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
  /** How to start a worker thread that prepares pulled batches while this thread writes (pullWorker/); without it, all on this thread. */
  pullWorker?: PullWorkerSpec;
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
  const preparer = new PullPreparer(options.pullWorker);
  // The next batches are read from the server while this one is checked and written (read-ahead, two deep:
  // the server answers one while this thread writes); with a worker, each is prepared there as soon as it
  // arrives, while this thread writes the one before.
  const reader = new ReadAhead<Fetched>(
    (after) =>
      fetchBatch(archive, client, after, desks, size).then((fetched) => {
        const all = [...fetched.batch.movedIn, ...fetched.batch.revisions];
        return { ...fetched, parts: preparer.begin(all, fetched.bodies, fetched.batch.revisions.length >= size) };
      }),
    (fetched, after) => (fetched.batch.revisions.length >= size ? cursorAfter([...fetched.batch.movedIn, ...fetched.batch.revisions], after) : null),
    cursor,
    READ_AHEAD,
  );
  try {
    for (let next = reader.take(); next; next = reader.take()) {
      const fetched: Fetched = await next;
      if (fetched.batch.revisions.length === 0 && fetched.batch.movedIn.length === 0) break;
      // Planned against this replica as it is now: the batch before may have brought some of these.
      const all = [...fetched.batch.movedIn, ...fetched.batch.revisions];
      const known = localIds(archive.db, all.map((r) => r.rid));
      const plan = planPull(all, new Set(known.keys()), haveBodies(archive.db, [...new Set(all.map((r) => r.bodyHash))]), cursor);
      const unread = plan.fetchBodies.filter((hash) => !fetched.bodies.has(hash));
      const bodies = unread.length === 0 ? fetched.bodies : new Map([...fetched.bodies, ...(await fetchBodies(client, unread))]);
      // Checks and CPU work first (hashes, parsing, compression), then one short write transaction.
      const prepared = fetched.parts ? await fromWorker(fetched.parts, reader.peek(), plan.apply, bodies) : await preparePullInSteps(plan.apply, bodies);
      const applied = applyPulled(archive, remote.id, plan, known, prepared);
      counts.pulled += applied.pulled;
      counts.rejected += applied.rejected;
      counts.merged += applied.merged;
      counts.conflicts += applied.conflicts;
      cursor = plan.cursor;
      await options.onStep?.('pulled-batch');
    }
  } finally {
    // Leave the connection idle for whoever uses it next (a read-ahead still running is rolled back by its own error path).
    await reader.close();
    await preparer.close();
  }
}

/** Batches read ahead of the one being written. */
const READ_AHEAD = 2;

/**
 * A batch prepared in the worker, assembled for the revisions the plan
 * applies (anything the worker did not do — a body fetched late, a revision
 * whose newest sibling was already here — is done on this thread). Waits for
 * the next batch to be read first, so that the worker prepares it while this
 * thread writes (the reads only move forward while this thread is free).
 */
async function fromWorker(parts: Promise<PreparedParts | null>, next: Promise<Fetched> | null, apply: PulledRevision[], bodies: ReadonlyMap<string, Uint8Array>): Promise<PreparedPull> {
  const [ready] = await Promise.all([parts, next?.catch(() => undefined)]);
  return ready ? preparePull(apply, bodies, ready) : preparePullInSteps(apply, bodies);
}

interface Fetched {
  batch: PulledBatch;
  /** The bodies of the batch's revisions this replica did not hold when the batch was read. */
  bodies: Map<string, Buffer>;
  /** The batch's CPU work, started in the pull's worker when it arrived; null: done on this thread. */
  parts?: Promise<PreparedParts | null> | null;
}

/** One batch after `cursor`, with its missing bodies, read in one snapshot so they match. */
function fetchBatch(archive: Archive, client: ServerClient, cursor: number, desks: readonly string[] | null, size: number): Promise<Fetched> {
  return inSnapshot(client, async () => {
    const batch = await pullRevisions(client, cursor, desks, size);
    const hashes = [...new Set([...batch.movedIn, ...batch.revisions].map((r) => r.bodyHash))];
    const held = haveBodies(archive.db, hashes);
    return { batch, bodies: await fetchBodies(client, hashes.filter((h) => !held.has(h))) };
  });
}
