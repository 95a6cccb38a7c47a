// Online backup through SQLite's backup API: a consistent copy taken while the
// archive stays open for reading and writing. Written to a temporary name and
// renamed, so a failed backup never leaves a half file under the real name.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import type { Db } from '../db/open.ts';

export async function backupTo(db: Db, destination: string): Promise<void> {
  if (existsSync(destination)) throw new ArchiveError('invalid-input', `${destination} already exists; choose a new file name.`);
  const temporary = `${destination}.partial-${process.pid}`;
  try {
    await db.backup(temporary);
    renameSync(temporary, destination);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw fromSqliteError(error, destination) ?? error;
  }
}
