// Recovery never works on the user's file: it copies the file (and its WAL)
// into a private temporary folder first, so not even SQLite's -shm or a
// header repair can touch the original.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHeader, SQLITE_MAGIC, truncation } from './header.ts';

export interface WorkingCopy {
  path: string;
  /** What was repaired in the copy's header, if anything. */
  repairs: string[];
  dispose(): void;
}

export function makeWorkingCopy(source: string): WorkingCopy {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-recovery-'));
  const path = join(dir, 'source.sqlite');
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    copyFileSync(source, path);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${path}-wal`);
    const repairs = repairHeader(path);
    return { path, repairs, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

const PAGE_SIZES = [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512];

/** Rewrite the fixed parts of a damaged header, then find the page size that makes the schema readable. */
function repairHeader(path: string): string[] {
  const header = readHeader(path);
  if (header.fileBytes < 100) return [];
  const cut = truncation(path, header);
  if (cut && header.pageSize) {
    // Make the header match the pages that are there; rows on missing pages are lost, the rest readable.
    const pages = Math.floor(header.fileBytes / header.pageSize);
    truncateSync(path, pages * header.pageSize);
    const fd = openSync(path, 'r+');
    try {
      const count = Buffer.alloc(4);
      count.writeUInt32BE(pages);
      writeSync(fd, count, 0, 4, 28);
    } finally {
      closeSync(fd);
    }
    return [`${cut}; the header now says ${pages} pages`];
  }
  if (header.problems.length === 0) return [];
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, SQLITE_MAGIC, 0, 16, 0);
    // 2 = WAL mode: keep it when a WAL came along, or SQLite would ignore the WAL's commits.
    const mode = existsSync(`${path}-wal`) ? 2 : 1;
    writeSync(fd, Buffer.from([mode, mode]), 0, 2, 18);
    writeSync(fd, Buffer.from([64, 32, 32]), 0, 3, 21);
    const candidates = header.pageSize ? [header.pageSize, ...PAGE_SIZES.filter((p) => p !== header.pageSize)] : PAGE_SIZES;
    for (const size of candidates) {
      const raw = Buffer.alloc(2);
      raw.writeUInt16BE(size === 65536 ? 1 : size);
      writeSync(fd, raw, 0, 2, 16);
      if (schemaReadable(path)) return [`header rewritten (${header.problems.join('; ')}); page size ${size}`];
    }
  } finally {
    closeSync(fd);
  }
  return [`header rewritten, but no page size made the schema readable (${header.problems.join('; ')})`];
}

function schemaReadable(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get() as { n: number }).n === 1;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
