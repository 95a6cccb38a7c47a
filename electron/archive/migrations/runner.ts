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
  // Steps run with foreign keys off (openArchiveDb turns them on after
  // migrating): a step that rebuilds a referenced table (DROP + RENAME) must
  // not fire ON DELETE CASCADE. Every reference is checked here instead, before
  // the caller's transaction commits.
  if (applied.length > 0) {
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0)
      throw new Error(`Schema steps ${applied.join(', ')} would leave ${broken.length} broken references; the file was not changed.`);
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
