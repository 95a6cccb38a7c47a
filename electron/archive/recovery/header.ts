// Reading the 100-byte SQLite header ourselves, with plain file reads, so a
// damaged file can be described precisely without SQLite touching it.
// Layout: https://www.sqlite.org/fileformat.html#the_database_header
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface HeaderReport {
  fileBytes: number;
  /** Bytes of the first 16 that match the magic string (16 = intact). */
  magicMatches: number;
  pageSize: number | null;
  /** Pages the header says the file has (when the header says it is valid). */
  headerPages: number | null;
  /** Human descriptions of what is wrong; empty when the header is sound. */
  problems: string[];
}

export function readHeader(path: string): HeaderReport {
  const fileBytes = statSync(path).size;
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let got = 0;
  try {
    got = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const problems: string[] = [];
  let magicMatches = 0;
  for (let i = 0; i < 16; i += 1) if (i < got && head[i] === SQLITE_MAGIC[i]) magicMatches += 1;
  if (got < 100) {
    problems.push(got === 0 ? 'the file is empty (0 bytes)' : `the file is ${got} bytes, shorter than an SQLite header`);
    return { fileBytes, magicMatches, pageSize: null, headerPages: null, problems };
  }
  if (magicMatches < 16) problems.push('the SQLite signature at the start of the file is damaged');
  const rawPage = head.readUInt16BE(16);
  const pageSize = rawPage === 1 ? 65536 : rawPage;
  const pageOk = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (!pageOk) problems.push(`the page size in the header (${rawPage}) is impossible`);
  if (![1, 2].includes(head[18] as number) || ![1, 2].includes(head[19] as number)) problems.push('the file-format bytes of the header are damaged');
  if (head[21] !== 64 || head[22] !== 32 || head[23] !== 32) problems.push('the payload-fraction bytes of the header are damaged');
  const changeCounter = head.readUInt32BE(24);
  const validFor = head.readUInt32BE(92);
  const headerPages = changeCounter === validFor ? head.readUInt32BE(28) : null;
  return { fileBytes, magicMatches, pageSize: pageOk ? pageSize : null, headerPages, problems };
}

/**
 * A file shorter than its header says is truncated — unless a WAL is beside
 * it, because a checkpoint interrupted by a crash is finished from the WAL.
 */
export function truncation(path: string, header: HeaderReport): string | null {
  if (header.pageSize === null || header.headerPages === null || header.headerPages === 0) return null;
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return null;
  const expected = header.headerPages * header.pageSize;
  if (header.fileBytes < expected)
    return `the file is truncated: its header says ${header.headerPages} pages (${expected} bytes), but it holds ${header.fileBytes} bytes`;
  return null;
}
