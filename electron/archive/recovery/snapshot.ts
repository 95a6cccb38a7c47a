// Reading an archive whose folder cannot be written (a read-only mount, a
// locked share): SQLite cannot read a WAL database there without creating its
// -shm file, so read-only opening reads a private standalone copy instead.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Snapshot {
  path: string;
  /** Remove the copy (safe once it is open on POSIX systems; else at exit). */
  dispose(): void;
}

export function readOnlySnapshot(source: string): Snapshot {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-readonly-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const path = join(dir, 'archive.sqlite');
    copyFileSync(source, path);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${path}-wal`);
    // Fold the WAL in and leave WAL mode, so the copy is one file that opens read-only anywhere.
    const db = new Database(path);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return { path, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
