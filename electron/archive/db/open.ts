// Opening an archive: refuse what we must not touch (a newer schema, a file
// that is not ours) before writing a single byte, then set the durability
// pragmas and bring the schema up to date.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import { LATEST_VERSION } from '../migrations/index.ts';
import { migrate, newerVersionError } from '../migrations/runner.ts';
import { registerFunctions } from './functions.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without writing anything: no WAL switch, no migration. */
  readonly?: boolean;
  /** Path of a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string;
  /** Milliseconds to wait on another writer's lock. */
  busyTimeoutMs?: number;
}

export function openArchiveDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && existsSync(path) && statSync(path).size > 0) probeExisting(path, options);
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw fromSqliteError(error, path) ?? error;
  }
  try {
    configure(db, options);
    return db;
  } catch (error) {
    db.close();
    throw fromSqliteError(error, path) ?? error;
  }
}

function configure(db: Db, options: OpenOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  registerFunctions(db);
  assertFts5(db);
  if (options.readonly) return;
  // WAL lets searches read while an import writes; FULL syncs the WAL on every
  // commit, so a committed article survives power loss, not just a crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, db.name);
}

/** Read the existing file's header with a read-only handle and refuse what we must not touch. */
function probeExisting(path: string, options: OpenOptions): void {
  let probe: Db | undefined;
  try {
    probe = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw newerVersionError(path, version);
    if (version === 0) {
      const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0)
        throw new ArchiveError('not-an-archive', `${path} is an SQLite database but not a Copydesk archive; it was not changed.`);
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw fromSqliteError(error, path) ?? error;
  } finally {
    probe?.close();
  }
}

function assertFts5(db: Db): void {
  const options = db.pragma('compile_options', { simple: false }) as Array<{ compile_options: string }>;
  if (!options.some((o) => o.compile_options === 'ENABLE_FTS5'))
    throw new ArchiveError('fts5-missing', 'This SQLite build has no FTS5; Copydesk cannot search without it.');
}
