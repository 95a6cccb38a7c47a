import type { Database } from 'better-sqlite3';
import { ArchiveError } from '../errors.ts';
import { LATEST_VERSION, MIGRATIONS } from './index.ts';
import type { Migration } from './types.ts';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema to the newest version, one transaction per step, so a step
 * that fails leaves the file exactly at the previous version.
 */
export function migrate(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
  if (current > latest) throw newerVersionError(path, current, latest);
  const applied: number[] = [];
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      if (typeof step.up === 'string') db.exec(step.up);
      else step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
    applied.push(step.version);
  }
  return applied;
}

export function newerVersionError(path: string, found: number, supported = LATEST_VERSION): ArchiveError {
  return new ArchiveError(
    'newer-version',
    `${path} was written by a newer Copydesk (schema ${found}; this version reads up to ${supported}). Update Copydesk to open it; the file was not changed.`,
    { found, supported },
  );
}
