// Opening an archive: refuse what we must not touch (a newer schema, a file
// that is not ours) before writing a single byte, then set the durability
// pragmas and bring the schema up to date.
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupBeforeMigration } from '../backup/beforeMigration.ts';
import { ArchiveError, corruptMessage, fromSqliteError } from '../errors.ts';
import { LATEST_VERSION, MIGRATIONS } from '../migrations/index.ts';
import type { Migration } from '../migrations/types.ts';
import { migrate, newerVersionError, schemaVersion } from '../migrations/runner.ts';
import { readHeader, truncation } from '../recovery/header.ts';
import { readOnlySnapshot } from '../recovery/snapshot.ts';
import { createAtomically } from './create.ts';
import { registerFunctions } from './functions.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without writing anything: no WAL switch, no migration. */
  readonly?: boolean;
  /** Path of a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string;
  /** Milliseconds to wait on another writer's lock. */
  busyTimeoutMs?: number;
  /** The schema steps to apply (default: all of them). Tests pass a shorter or failing list. */
  migrations?: readonly Migration[];
}

export function openArchiveDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && existsSync(path) && !folderWritable(path)) {
    if (!options.readonly)
      throw new ArchiveError(
        'read-only',
        `The folder of ${path} cannot be written (read-only disk or share): Copydesk writes its -wal and -shm files beside the archive. Nothing was changed; use --read-only to read it.`,
      );
    return openSnapshot(path, options);
  }
  if (path !== ':memory:' && existsSync(path)) {
    if (statSync(path).size > 0) probeExisting(path, options);
    else refuseEmpty(path);
  } else if (path !== ':memory:' && !options.readonly) {
    createAtomically(path, (temp) => connect(temp, options, path).close());
  }
  return connect(path, options);
}

/** Open the file and configure it (pragmas, functions, migrations); the checks above have passed. */
function connect(path: string, options: OpenOptions, shownPath = path): Db {
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw fromSqliteError(error, shownPath) ?? error;
  }
  try {
    configure(db, options);
    return db;
  } catch (error) {
    db.close();
    throw fromSqliteError(error, shownPath) ?? error;
  }
}

function configure(db: Db, options: OpenOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  registerFunctions(db);
  assertFts5(db);
  if (options.readonly) {
    // 32 MB per reader (default 2 MB): a search on a large archive walks the
    // same FTS and article pages again and again while someone types.
    db.pragma('cache_size = -32768');
    return;
  }
  // WAL lets searches read while an import writes; FULL syncs the WAL on every
  // commit, so a committed article survives power loss, not just a crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // better-sqlite3 turns foreign keys on by default; they stay off while the
  // schema steps run (see below) and come on once the schema is current.
  db.pragma('foreign_keys = OFF');
  // 64 MB of page cache (the default is 2 MB): the hash indexes that catch
  // duplicates are random-access, and an import touches them on every file.
  db.pragma('cache_size = -65536');
  const steps = options.migrations ?? MIGRATIONS;
  const latest = steps.length === 0 ? 0 : (steps[steps.length - 1] as Migration).version;
  const from = schemaVersion(db);
  if (from >= 1 && from < latest) backupBeforeMigration(db, db.name, from, latest);
  // All steps in one transaction (each step a savepoint inside it): a failure at any
  // step leaves the file exactly at the version it had, not half way up.
  db.transaction(() => migrate(db, db.name, steps)).immediate();
  // On only now: a migration that rebuilds a referenced table must not cascade
  // (the pragma cannot change inside a transaction; migrate() checks references).
  db.pragma('foreign_keys = ON');
}

function folderWritable(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM';
  }
}

/** Read-only opening where the folder cannot be written: read a private copy (see recovery/snapshot.ts). */
function openSnapshot(path: string, options: OpenOptions): Db {
  if (statSync(path).size === 0) refuseEmpty(path);
  else checkHeader(path);
  let snapshot;
  try {
    snapshot = readOnlySnapshot(path);
  } catch (error) {
    throw fromSqliteError(error, path) ?? error;
  }
  try {
    return openArchiveDb(snapshot.path, options);
  } finally {
    // The open handle keeps the unlinked copy readable on POSIX; elsewhere the OS temp folder holds it.
    try {
      snapshot.dispose();
    } catch {
      // Windows: in use until closed
    }
  }
}

/**
 * An existing 0-byte file where an archive should be is a loss to explain, not
 * a place to start a new archive silently: the user may have backups of it.
 * (A WAL beside it may still hold the whole archive: SQLite reads that.)
 */
function refuseEmpty(path: string): void {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  throw new ArchiveError('corrupt', `${corruptMessage(path, 'the file is empty: 0 bytes')} To start a new archive there instead, delete the empty file.`, {
    reason: 'empty',
  });
}

/** Problems visible in the header itself, described before SQLite is asked anything. */
function checkHeader(path: string): void {
  const header = readHeader(path);
  // Most of the signature intact: an archive that was damaged. Little of it: some other kind of file.
  if (header.magicMatches < 12)
    throw new ArchiveError('not-an-archive', `${path} is not an SQLite file, so not a Copydesk archive; it was not changed.`, { reason: 'not-sqlite' });
  const problem = header.problems[0] ?? truncation(path, header);
  if (problem) throw new ArchiveError('corrupt', corruptMessage(path, problem), { reason: 'header' });
}

/** Read the existing file's header with a read-only handle and refuse what we must not touch. */
function probeExisting(path: string, options: OpenOptions): void {
  checkHeader(path);
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
