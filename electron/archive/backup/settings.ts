// The backup schedule of one archive, stored in its `settings` table (schema
// 2) so it travels with the archive. An archive without the table (schema 1,
// or opened read-only before migrating) gets the defaults.
import type { Db } from '../db/open.ts';
import { ArchiveError } from '../errors.ts';

export interface BackupSettings {
  /** Automatic backups on or off. */
  enabled: boolean;
  /** A new automatic backup once the newest is older than this. */
  intervalHours: number;
  /** Automatic backups kept; older ones are removed (other kinds are never removed). */
  keep: number;
  /** Folder for backups; null = `backups/` beside the archive. */
  dir: string | null;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { enabled: true, intervalHours: 24, keep: 7, dir: null };

const KEY = 'backup';

function hasSettingsTable(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined;
}

export function readBackupSettings(db: Db): BackupSettings {
  if (!hasSettingsTable(db)) return { ...DEFAULT_BACKUP_SETTINGS };
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return { ...DEFAULT_BACKUP_SETTINGS };
  const stored = JSON.parse(row.value) as Partial<BackupSettings>;
  return { ...DEFAULT_BACKUP_SETTINGS, ...stored };
}

export function validateBackupSettings(s: BackupSettings): void {
  if (!Number.isFinite(s.intervalHours) || s.intervalHours <= 0)
    throw new ArchiveError('invalid-input', 'The backup interval must be a positive number of hours.');
  if (!Number.isInteger(s.keep) || s.keep < 1 || s.keep > 1000)
    throw new ArchiveError('invalid-input', 'The number of backups to keep must be a whole number from 1 to 1000.');
}

export function writeBackupSettings(db: Db, change: Partial<BackupSettings>): BackupSettings {
  if (!hasSettingsTable(db)) throw new ArchiveError('read-only', 'This archive cannot store settings (opened read-only or not yet upgraded).');
  const next = { ...readBackupSettings(db), ...change };
  validateBackupSettings(next);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(next));
  return next;
}
