// One call that answers "is this archive sound?": SQLite's page-level
// integrity check, foreign keys, FTS5's check of the index against the
// article text it was built from, and the subject counts against the articles.
import { forgetBodyTexts } from '../db/functions.ts';
import type { Db } from '../db/open.ts';
import { hasSubjectCounts, subjectCountDrift } from '../articles/subjectCounts.ts';

export interface CheckProblem {
  kind: 'integrity' | 'foreign-key' | 'search-index' | 'schema';
  message: string;
}

export interface CheckReport {
  ok: boolean;
  problems: CheckProblem[];
}

export function checkArchive(db: Db): CheckReport {
  const problems: CheckProblem[] = [];
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    for (const row of rows) if (row.integrity_check !== 'ok') problems.push({ kind: 'integrity', message: row.integrity_check });
  } catch (error) {
    problems.push({ kind: 'integrity', message: (error as Error).message });
  }
  try {
    const rows = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
    for (const row of rows)
      problems.push({ kind: 'foreign-key', message: `${row.table} row ${row.rowid} points to a missing ${row.parent} row` });
  } catch (error) {
    problems.push({ kind: 'foreign-key', message: (error as Error).message });
  }
  try {
    // rank = 1 makes FTS5 compare the index with the content table, not only its own structure.
    // FTS5 runs it as a write statement, which a read-only connection refuses: skip it there.
    // The texts remembered from writing must not stand in for what is on disk: a garbled body blob would pass.
    forgetBodyTexts();
    if (!db.readonly) db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run();
  } catch (error) {
    problems.push({ kind: 'search-index', message: `search index: ${(error as Error).message}` });
  }
  try {
    // The index of earlier versions (history: searches), checked the same way.
    forgetBodyTexts();
    if (!db.readonly) db.prepare("INSERT INTO history_index (history_index, rank) VALUES ('integrity-check', 1)").run();
  } catch (error) {
    problems.push({ kind: 'search-index', message: `history index: ${(error as Error).message}` });
  }
  try {
    // The subject picker's counts (migration 9, kept by triggers) against a recount of the articles.
    const differ = hasSubjectCounts(db) ? subjectCountDrift(db) : 0;
    if (differ > 0) problems.push({ kind: 'search-index', message: `subject counts: ${differ} subject(s) counted differently from the articles that carry them` });
  } catch (error) {
    problems.push({ kind: 'search-index', message: `subject counts: ${(error as Error).message}` });
  }
  return { ok: problems.length === 0, problems };
}
