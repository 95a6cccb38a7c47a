// Automatic rotating backups: whoever has the archive open (the app on a
// timer, the CLI after a command) calls `autoBackupIfDue`; it takes a backup
// when the newest automatic one is older than the interval and then removes
// automatic backups beyond the number to keep. Manual and pre-migration
// backups are never removed.
import { rmSync } from 'node:fs';
import type { Archive } from '../archive.ts';
import { ArchiveError, corruptMessage } from '../errors.ts';
import { inspectBackup } from './inspect.ts';
import { type BackupEntry, defaultBackupDir, listBackups } from './location.ts';
import { readBackupSettings } from './settings.ts';
import { takeBackup } from './take.ts';

export interface AutoBackupResult {
  taken: BackupEntry | null;
  removed: string[];
}

export async function autoBackupIfDue(archive: Archive, now = new Date()): Promise<AutoBackupResult> {
  const settings = readBackupSettings(archive.db);
  if (!settings.enabled) return { taken: null, removed: [] };
  const dir = settings.dir ?? defaultBackupDir(archive.path);
  const autos = listBackups(archive.path, dir).filter((b) => b.kind === 'auto');
  const newest = autos[0];
  const due = !newest || now.getTime() - Date.parse(newest.takenAt) >= settings.intervalHours * 3_600_000;
  // An archive with nothing in it has nothing to lose.
  if (!due || !hasContent(archive)) return { taken: null, removed: [] };
  const taken = await takeBackup(archive, 'auto', dir, now);
  // A copy of a damaged archive must never push a good backup out of the rotation.
  const info = inspectBackup(taken.file);
  if (!info.ok) {
    rmSync(taken.file, { force: true });
    throw new ArchiveError('corrupt', corruptMessage(archive.path, `its automatic backup failed the check: ${info.problem ?? 'unknown'}`));
  }
  const removed = pruneAutomatic(archive.path, dir, settings.keep);
  return { taken, removed };
}

/** Keep the newest `keep` automatic backups; returns the files removed. */
export function pruneAutomatic(archivePath: string, dir: string, keep: number): string[] {
  const autos = listBackups(archivePath, dir).filter((b) => b.kind === 'auto');
  const removed: string[] = [];
  for (const old of autos.slice(keep)) {
    rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return removed;
}

function hasContent(archive: Archive): boolean {
  return archive.db.prepare('SELECT 1 FROM articles LIMIT 1').get() !== undefined;
}
