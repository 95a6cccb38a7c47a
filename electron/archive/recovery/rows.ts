// Reading every row SQLite can still read from one table of a damaged file.
// Rows are walked in rowid order; when a page fails, the reader probes the
// rowids after the last good one one by one (rows on sound pages come back),
// then jumps ahead in growing steps until a range scan works again.
import type Database from 'better-sqlite3';

export interface ReadStats {
  read: number;
  /** Read errors met (each one a damaged page or row). */
  errors: number;
  firstError: string | null;
}

const WINDOW = 256;
const MAX_PROBE_WINDOW = 65_536;
const MAX_ROWID = 2 ** 53;

export function* readableRows(db: Database.Database, table: string, columns: readonly string[], stats: ReadStats): Generator<Record<string, unknown>> {
  const list = ['rowid AS _rowid_', ...columns.map((c) => `"${c.replace(/"/g, '""')}"`)].join(', ');
  const name = `"${table.replace(/"/g, '""')}"`;
  const range = db.prepare(`SELECT ${list} FROM ${name} WHERE rowid > ? ORDER BY rowid`);
  const point = db.prepare(`SELECT ${list} FROM ${name} WHERE rowid = ?`);
  let after = -MAX_ROWID;
  let window = WINDOW;
  for (;;) {
    let failed = false;
    try {
      for (const row of range.iterate(after) as Iterable<Record<string, unknown>>) {
        stats.read += 1;
        after = row._rowid_ as number;
        window = WINDOW;
        yield row;
      }
    } catch (error) {
      failed = true;
      stats.errors += 1;
      stats.firstError ??= (error as Error).message;
    }
    if (!failed) return;
    if (after === -MAX_ROWID) after = 0;
    if (window <= MAX_PROBE_WINDOW) {
      for (let id = after + 1; id <= after + window; id += 1) {
        let row: Record<string, unknown> | undefined;
        try {
          row = point.get(id) as Record<string, unknown> | undefined;
        } catch {
          continue;
        }
        if (row) {
          stats.read += 1;
          yield row;
        }
      }
    }
    after += window;
    window *= 2;
    if (after > MAX_ROWID / 2) return;
  }
}
