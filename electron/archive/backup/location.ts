// Where backups of an archive live and how they are named. The folder is
// derivable from the archive's path alone (beside it, in `backups/`), so the
// backups can be found even when the archive itself cannot be opened. The
// name carries the archive's name, the time and the kind, so listing needs no
// database and several archives can share one folder.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const BACKUP_KINDS = ['auto', 'manual', 'pre-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupEntry {
  file: string;
  kind: BackupKind;
  /** ISO time the backup was taken (from its name). */
  takenAt: string;
  bytes: number;
}

export const BACKUP_FOLDER = 'backups';

export function defaultBackupDir(archivePath: string): string {
  return join(dirname(archivePath), BACKUP_FOLDER);
}

/** `archive.copydesk.sqlite` → `archive.copydesk`: the prefix of every backup of that archive. */
export function archiveStem(archivePath: string): string {
  return basename(archivePath).replace(/\.(sqlite3?|db)$/i, '');
}

/** 2026-01-02T03:04:05.678Z → 20260102T030405678Z: sortable and safe in every file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function unstamp(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** A free file name for a new backup; never an existing file. */
export function newBackupPath(archivePath: string, dir: string, kind: BackupKind, date: Date): string {
  const base = `${archiveStem(archivePath)}.${stamp(date)}.${kind}`;
  let candidate = join(dir, `${base}.sqlite`);
  for (let n = 2; existsSync(candidate); n += 1) candidate = join(dir, `${base}-${n}.sqlite`);
  return candidate;
}

export function parseBackupName(archivePath: string, name: string): { kind: BackupKind; takenAt: string } | undefined {
  const prefix = `${archiveStem(archivePath)}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.sqlite')) return undefined;
  const m = /^(\d{8}T\d{9}Z)\.([a-z-]+?)(?:-\d+)?\.sqlite$/.exec(name.slice(prefix.length));
  if (!m) return undefined;
  const takenAt = unstamp(m[1] as string);
  const kind = BACKUP_KINDS.find((k) => k === m[2]);
  return takenAt && kind ? { kind, takenAt } : undefined;
}

/** The backups of one archive in a folder, newest first. A missing folder has none. */
export function listBackups(archivePath: string, dir: string = defaultBackupDir(archivePath)): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(archivePath, name);
    if (!parsed) continue;
    const file = join(dir, name);
    try {
      out.push({ file, ...parsed, bytes: statSync(file).size });
    } catch {
      // vanished between readdir and stat: not a backup any more
    }
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.file < b.file ? 1 : -1));
}

/** Half-written backups (`….partial-PID`) left by a process that died; ours to remove. */
export function removeStalePartials(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /\.partial-(\d+)$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && !processAlive(pid)) rmSync(join(dir, name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
