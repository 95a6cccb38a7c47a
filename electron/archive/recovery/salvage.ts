// Salvage: copy every row that can still be read from a damaged archive into
// a NEW archive file, table by table, then let the new file's triggers build
// the search index afresh. The damaged file is only ever read, through a
// private working copy; the new file appears under its name only when whole.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Archive } from '../archive.ts';
import { storeBody } from '../articles/repository.ts';
import { bodyTextFromBlob } from '../db/functions.ts';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import type { CheckReport } from '../maintenance/check.ts';
import { emptyBody } from '../../../shared/editor/build.ts';
import { fsError, syncFile } from '../backup/take.ts';
import { readHeader } from './header.ts';
import { readableRows, type ReadStats } from './rows.ts';
import { makeWorkingCopy } from './workingCopy.ts';

export interface TableSalvage extends ReadStats {
  table: string;
  copied: number;
  /** Rows read but refused by the new archive (a broken reference or value). */
  rejected: number;
}

export interface SalvageReport {
  source: string;
  destination: string;
  repairs: string[];
  tables: TableSalvage[];
  articles: number;
  /** Articles whose body could not be read: kept with an empty body so their fields survive. */
  emptiedBodies: number;
  check: CheckReport;
}

/** Parents before children, so foreign keys can be checked row by row. */
const TABLES = ['bodies', 'articles', 'snapshots', 'revisions', 'revision_items', 'originals', 'import_jobs', 'import_files', 'settings'] as const;

export function salvageArchive(sourcePath: string, destinationPath: string): SalvageReport {
  const source = resolve(sourcePath);
  const destination = resolve(destinationPath);
  if (!existsSync(source)) throw new ArchiveError('not-found', `No file ${source} to salvage.`);
  if (source === destination) throw new ArchiveError('invalid-input', 'Salvage writes a NEW archive: give another file name.');
  if (existsSync(destination)) throw new ArchiveError('invalid-input', `${destination} already exists; salvage writes only to a new file.`);

  if (statSync(source).size > 0 && readHeader(source).magicMatches < 12)
    throw new ArchiveError('not-an-archive', `${source} is not an SQLite file, so there is no archive in it to salvage; it was not changed.`);
  const copy = makeWorkingCopy(source);
  const partial = `${destination}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  let src: Database.Database | undefined;
  let dest: Archive | undefined;
  try {
    try {
      src = new Database(copy.path, { readonly: true, fileMustExist: true });
      src.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      throw new ArchiveError('corrupt', `${source} is too damaged to salvage: its table list cannot be read (${(error as Error).message}).`, undefined, {
        cause: error,
      });
    }
    dest = Archive.open(partial);
    const tables: TableSalvage[] = [];
    let emptiedBodies = 0;
    const goodBodies = new Set<number>();
    for (const table of TABLES) {
      const result = copyTable(src, dest, table, goodBodies);
      emptiedBodies += result.emptiedBodies;
      if (result.salvage) tables.push(result.salvage);
    }
    dest.db.prepare("UPDATE import_jobs SET state = 'interrupted' WHERE state = 'running'").run();
    const check = dest.check();
    const articles = dest.stats().articles;
    dest.close();
    dest = undefined;
    syncFile(partial);
    renameSync(partial, destination);
    return { source, destination, repairs: copy.repairs, tables, articles, emptiedBodies, check };
  } catch (error) {
    dest?.close();
    rmSync(partial, { force: true });
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
    if (error instanceof ArchiveError) throw error;
    throw fromSqliteError(error, destination) ?? fsError(error, destination) ?? error;
  } finally {
    src?.close();
    copy.dispose();
  }
}

function columnsOf(db: Database.Database, table: string): string[] {
  try {
    return (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((c) => c.name);
  } catch {
    return [];
  }
}

function copyTable(
  src: Database.Database,
  dest: Archive,
  table: (typeof TABLES)[number],
  goodBodies: Set<number>,
): { salvage: TableSalvage | null; emptiedBodies: number } {
  const destColumns = columnsOf(dest.db, table);
  const columns = columnsOf(src, table).filter((c) => destColumns.includes(c));
  if (columns.length === 0) return { salvage: null, emptiedBodies: 0 };
  const stats: TableSalvage = { table, read: 0, errors: 0, firstError: null, copied: 0, rejected: 0 };
  const insert = dest.db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  let emptiedBodies = 0;
  let emptyBodyId: number | undefined;
  const db = dest.db;
  db.exec('BEGIN');
  try {
    for (const row of readableRows(src, table, columns, stats)) {
      if (table === 'bodies' && !bodyReadable(row.data)) continue;
      if (table === 'articles' && !goodBodies.has(row.body_id as number)) {
        // The fields are worth more than nothing: keep the article with an empty body.
        emptyBodyId ??= storeBody(db, emptyBody()).id;
        row.body_id = emptyBodyId;
        emptiedBodies += 1;
      }
      try {
        insert.run(...columns.map((c) => row[c]));
        stats.copied += 1;
        if (table === 'bodies') goodBodies.add(row.id as number);
      } catch {
        stats.rejected += 1;
      }
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  // The damaged bodies are not copied: the count read includes them.
  if (table === 'bodies') stats.rejected = stats.read - stats.copied;
  return { salvage: stats, emptiedBodies };
}

function bodyReadable(data: unknown): boolean {
  if (!(data instanceof Uint8Array)) return false;
  try {
    bodyTextFromBlob(data);
    return true;
  } catch {
    return false;
  }
}
