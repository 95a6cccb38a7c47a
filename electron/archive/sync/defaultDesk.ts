// The desk new articles and imports get: the first remote's `--desk` ('' when
// the archive has no remote). A leaf, so the core's write paths can ask
// without loading the network half of sync.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';

export function defaultDesk(db: Db): string {
  return (stmt(db, "SELECT desk FROM remotes WHERE desk <> '' ORDER BY id LIMIT 1").pluck().get() as string | undefined) ?? '';
}

/** True once the archive syncs with a shared archive: imports then get ids every replica computes alike. */
export function hasRemote(db: Db): boolean {
  return stmt(db, 'SELECT 1 FROM remotes LIMIT 1').pluck().get() !== undefined;
}
