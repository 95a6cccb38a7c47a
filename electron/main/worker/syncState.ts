// The shared archive inside the writer worker: the background sync
// (SyncWatcher: LISTEN/NOTIFY with a poll) and the password main handed over
// (from the OS keychain), kept only in this thread's memory. Lock calls and
// "sync now" use the same password. Electron-free.
import type { ConflictValue, LockValue, ResolvedValue, SyncCountsValue, SyncStatusValue } from '../../../shared/contract/sync.ts';
import type { Archive } from '../../archive/archive.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { connectServer, type ServerClient } from '../../archive/server/connect.ts';
import { conflictCount, conflictView, resolveConflict, type Keep } from '../../archive/sync/conflicts.ts';
import { sync } from '../../archive/sync/engine.ts';
import { pendingCount } from '../../archive/sync/local.ts';
import { breakLock, releaseLock, takeLock, type LockState } from '../../archive/sync/locks.ts';
import { listRemotes } from '../../archive/sync/remotes.ts';
import { SyncWatcher } from '../../archive/sync/watch.ts';
import { pullWorkerWhereItHelps } from '../../archive/sync/pullWorker/preparer.ts';
import { appPullWorker } from './prepareWorkers.ts';

let password: string | undefined;
let watcher: SyncWatcher | null = null;
let online = false;

export function syncStatus(archive: Archive): SyncStatusValue {
  const conflicts = conflictCount(archive);
  return {
    remotes: listRemotes(archive).map((r) => ({
      name: r.name,
      url: r.url,
      desk: r.desk,
      online: online && watcher !== null,
      pending: pendingCount(archive.db, r.id),
      lastSync: r.lastSync,
      lastError: r.lastError,
      user: r.serverUser,
      role: r.serverRole,
    })),
    conflicts,
    running: watcher !== null,
  };
}

/** Runs until stopped: every round reports the status (to main, which tells the window). */
export async function watchSync(archive: Archive, secret: string, report: (status: SyncStatusValue) => void): Promise<void> {
  await stopSync();
  password = secret;
  if (listRemotes(archive).length === 0) return;
  const current = new SyncWatcher(archive, undefined, {
    password: secret,
    pollMs: 15_000,
    // A new replica's first sync brings the whole archive: its batches are prepared in a thread of their own.
    ...pullWorkerWhereItHelps(() => appPullWorker(import.meta.url)),
    onRound: (outcome) => report({ ...syncStatus(archive), ...(outcome.ok ? { received: outcome.result.pulled + outcome.result.merged } : {}) }),
    onOnline: (value) => {
      online = value;
      report(syncStatus(archive));
    },
  });
  watcher = current;
  await current.done;
}

export async function stopSync(): Promise<void> {
  const current = watcher;
  watcher = null;
  online = false;
  await current?.stop();
}

/** A local save: push it soon. */
export function nudgeSync(): void {
  watcher?.nudge();
}

export async function syncNow(archive: Archive): Promise<SyncCountsValue> {
  const r = await sync(archive, undefined, { ...(password !== undefined ? { password } : {}), ...pullWorkerWhereItHelps(() => appPullWorker(import.meta.url)) });
  return { pushed: r.pushed, pulled: r.pulled, conflicts: r.conflicts, merged: r.merged };
}

export function conflictOf(archive: Archive, id: string): ConflictValue | null {
  const row = archive.requireRow(id);
  if (row.conflict !== 1) return null;
  return conflictView(archive, id);
}

export function resolve(archive: Archive, id: string, keep: Keep): ResolvedValue {
  const resolved = resolveConflict(archive, id, keep);
  nudgeSync();
  return resolved;
}

async function withServer<T>(archive: Archive, work: (client: ServerClient) => Promise<T>): Promise<T> {
  const remote = listRemotes(archive)[0];
  if (!remote) throw new ArchiveError('not-found', 'This archive has no shared archive to lock on.');
  const client = await connectServer(remote.url, { ...(password !== undefined ? { password } : {}), timeoutMs: 5000 });
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function lockValue(archive: Archive, state: LockState): LockValue {
  const role = listRemotes(archive)[0]?.serverRole ?? null;
  return { ...state, canBreak: role === 'chief' || role === 'admin' };
}

const noLock = (id: string): LockValue => ({ articleId: id, holder: null, since: null, mine: false, shared: false, canBreak: false });

/** Offline (or no remote) a lock is never needed: offline edits meet the conflict rules instead. */
export async function lock(archive: Archive, id: string, action: 'take' | 'release' | 'break'): Promise<LockValue> {
  if (listRemotes(archive).length === 0) return noLock(id);
  try {
    const state = await withServer(archive, (client) => (action === 'take' ? takeLock(client, id) : action === 'release' ? releaseLock(client, id) : breakLock(client, id)));
    return lockValue(archive, state);
  } catch (error) {
    if ((error as { code?: string }).code === 'offline') return noLock(id);
    throw error;
  }
}
