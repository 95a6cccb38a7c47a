// The copy taken before a schema upgrade touches an existing archive. Opening
// is synchronous, so this uses VACUUM INTO (one consistent read transaction,
// written to a temporary name, synced, renamed) rather than the asynchronous
// backup API. If the copy cannot be made, the upgrade does not start.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/open.ts';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import { defaultBackupDir, newBackupPath } from './location.ts';
import { readBackupSettings } from './settings.ts';
import { fsError, syncDir, syncFile } from './take.ts';

export function backupBeforeMigration(db: Db, archivePath: string, from: number, to: number, now = new Date()): string {
  let dir = defaultBackupDir(archivePath);
  try {
    dir = readBackupSettings(db).dir ?? dir;
  } catch {
    // settings unreadable: the default folder is still a safe place
  }
  const file = newBackupPath(archivePath, dir, 'pre-migration', now);
  const temporary = `${file}.partial-${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db.prepare('VACUUM INTO ?').run(temporary);
    syncFile(temporary);
    renameSync(temporary, file);
    syncDir(dirname(file));
    return file;
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself is unusable (that may be the failure): nothing was written there
    }
    const cause = fromSqliteError(error, file) ?? fsError(error, file);
    throw new ArchiveError(
      cause?.code ?? 'io-error',
      `${archivePath} needs an upgrade (schema ${from} → ${to}), but the backup that must come first failed: ${cause?.message ?? (error as Error).message} The archive was not changed.`,
      { from, to },
      { cause: error },
    );
  }
}
