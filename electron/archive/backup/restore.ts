// Restoring a backup: the current archive file (with its -wal and -shm) is
// renamed aside — never deleted, never overwritten — and a fresh copy of the
// backup takes its name. Any failure before the final rename puts the
// current file back, so the archive path always holds one whole archive.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Archive } from '../archive.ts';
import type { CheckReport } from '../maintenance/check.ts';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import { archiveStem } from './location.ts';
import { inspectBackup } from './inspect.ts';
import { fsError, syncDir, syncFile } from './take.ts';

export interface RestoreResult {
  restored: string;
  from: string;
  /** Where the archive that was replaced now lives (null when there was none). */
  keptAside: string | null;
  articles: number;
  check: CheckReport;
}

const COMPANIONS = ['-wal', '-shm'] as const;

export async function restoreBackup(archivePath: string, backupFile: string, now = new Date()): Promise<RestoreResult> {
  if (!existsSync(backupFile)) throw new ArchiveError('not-found', `No backup file ${backupFile}.`);
  const info = inspectBackup(backupFile);
  if (!info.ok) throw new ArchiveError('invalid-input', `${backupFile} cannot be restored: ${info.problem ?? 'unknown problem'}.`);
  assertNotInUse(archivePath);
  mkdirSync(dirname(archivePath), { recursive: true });

  const incoming = `${archivePath}.restoring-${process.pid}`;
  rmSync(incoming, { force: true });
  try {
    // A fresh copy through the backup API: the backup itself is only read.
    const source = new Database(backupFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(incoming);
    } finally {
      source.close();
    }
    syncFile(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw fromSqliteError(error, archivePath) ?? fsError(error, archivePath) ?? error;
  }

  let keptAside: string | null = null;
  try {
    keptAside = moveAside(archivePath, now);
    renameSync(incoming, archivePath);
    syncDir(dirname(archivePath));
  } catch (error) {
    if (keptAside && !existsSync(archivePath)) putBack(keptAside, archivePath);
    rmSync(incoming, { force: true });
    throw fsError(error, archivePath) ?? error;
  }

  // Opening migrates an older backup (after its own pre-migration backup).
  const archive = Archive.open(archivePath);
  try {
    return { restored: archivePath, from: backupFile, keptAside, articles: archive.stats().articles, check: archive.check() };
  } finally {
    archive.close();
  }
}

/** Refuse while another process (the app, another CLI) has the archive open: it would keep writing to the file set aside. */
function assertNotInUse(archivePath: string): void {
  if (!existsSync(archivePath) || statSync(archivePath).size === 0) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(archivePath, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    // Fold the WAL into the file so what is set aside is one self-contained file.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new ArchiveError('busy', `${archivePath} is open in another Copydesk window or command; close it, then restore.`);
    // A damaged or foreign file cannot be open elsewhere as an archive: restoring over it is the point.
  } finally {
    db?.close();
  }
}

/** Rename the archive and its companions to `<stem>.before-restore-<time>.sqlite`; returns the new main path. */
function moveAside(archivePath: string, now: Date): string | null {
  if (!existsSync(archivePath)) {
    // A -wal without its database must never meet the restored file: SQLite would replay it into the wrong database.
    for (const suffix of COMPANIONS)
      if (existsSync(archivePath + suffix))
        throw new ArchiveError('invalid-input', `${archivePath + suffix} is left from an earlier archive; move it away, then restore.`);
    return null;
  }
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const name = (n: number) => join(dirname(archivePath), `${archiveStem(archivePath)}.before-restore-${stamp}${n > 1 ? `-${n}` : ''}.sqlite`);
  let n = 1;
  while (existsSync(name(n))) n += 1;
  const aside = name(n);
  renameSync(archivePath, aside);
  for (const suffix of COMPANIONS) if (existsSync(archivePath + suffix)) renameSync(archivePath + suffix, aside + suffix);
  return aside;
}

function putBack(aside: string, archivePath: string): void {
  renameSync(aside, archivePath);
  for (const suffix of COMPANIONS) if (existsSync(aside + suffix)) renameSync(aside + suffix, archivePath + suffix);
}
