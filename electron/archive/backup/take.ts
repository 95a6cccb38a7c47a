// Taking a backup: SQLite's online backup API copies a consistent snapshot
// while other connections keep reading and writing. The copy is written under
// a temporary name, synced, checked and only then renamed into place, so a
// backup file that exists is a whole one.
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Archive } from '../archive.ts';
import type { Db } from '../db/open.ts';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import { type BackupEntry, type BackupKind, defaultBackupDir, listBackups, newBackupPath, removeStalePartials } from './location.ts';
import { readBackupSettings } from './settings.ts';

/** The folder this archive's backups go to (its setting, else `backups/` beside it). */
export function backupDirFor(archive: Archive): string {
  return readBackupSettings(archive.db).dir ?? defaultBackupDir(archive.path);
}

/** Copy the open database to `destination` (which must not exist) through the backup API. */
export async function backupDbTo(db: Db, destination: string, label = destination): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  const temporary = `${destination}.partial-${process.pid}`;
  try {
    await db.backup(temporary);
    syncFile(temporary);
    assertReadable(temporary);
    renameSync(temporary, destination);
    syncDir(dirname(destination));
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof ArchiveError) throw error;
    throw fromSqliteError(error, label) ?? fsError(error, label) ?? error;
  }
}

export async function takeBackup(archive: Archive, kind: BackupKind, dir: string = backupDirFor(archive), now = new Date()): Promise<BackupEntry> {
  removeStalePartials(dir);
  const file = newBackupPath(archive.path, dir, kind, now);
  await backupDbTo(archive.db, file);
  const entry = listBackups(archive.path, dir).find((b) => b.file === file);
  if (!entry) throw new ArchiveError('io-error', `The backup ${file} vanished right after it was written.`);
  return entry;
}

/** The copy must open and show our schema before it may carry a backup's name. */
function assertReadable(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) throw new ArchiveError('io-error', `The backup copy ${file} came out without a schema.`);
  } finally {
    db.close();
  }
}

export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename is durable only once its folder is synced (POSIX); some systems refuse, which is harmless. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; its renames are durable on their own.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Node's file-system errors as the core's codes, so the CLI prints one clear line. */
export function fsError(error: unknown, path: string): ArchiveError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new ArchiveError('disk-full', `The disk holding ${path} is full.`, undefined, { cause: error });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new ArchiveError('read-only', `${path} cannot be written (${code}).`, undefined, { cause: error });
  if (code === 'ENOENT') return new ArchiveError('io-error', `${path}: the folder is missing.`, undefined, { cause: error });
  if (code === 'EIO') return new ArchiveError('io-error', `I/O error on ${path}.`, undefined, { cause: error });
  return undefined;
}
