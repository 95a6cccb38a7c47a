// Online backup through SQLite's backup API: a consistent copy taken while the
// archive stays open for reading and writing. Written to a temporary name and
// renamed, so a failed backup never leaves a half file under the real name.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import type { Db } from '../db/open.ts';

export async function backupTo(db: Db, destination: string): Promise<void> {
  if (existsSync(destination)) throw new ArchiveError('invalid-input', `${destination} already exists; choose a new file name.`);
  const temporary = `${destination}.partial-${process.pid}`;
  try {
    await db.backup(temporary);
    renameSync(temporary, destination);
    moveSidecars(temporary, destination);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw fromSqliteError(error, destination) ?? error;
  }
}

/**
 * The copy keeps the archive's WAL mode, so SQLite may leave -wal/-shm files
 * under the temporary name. An empty WAL and the shared-memory index carry no
 * data and go; a WAL with frames goes with the file, so nothing is lost.
 */
function moveSidecars(temporary: string, destination: string): void {
  const wal = `${temporary}-wal`;
  if (existsSync(wal)) {
    if (statSync(wal).size === 0) rmSync(wal, { force: true });
    else renameSync(wal, `${destination}-wal`);
  }
  rmSync(`${temporary}-shm`, { force: true });
}
