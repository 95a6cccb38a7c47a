// import_jobs / import_files: every run is a job, every file's outcome a row
// written in the same transaction as the article it produced. That is what
// makes a killed import resumable: a row exists exactly when its work does.
import { readFileSync } from 'node:fs';
import type { Db } from '../db/open.ts';
import type { ImportFileResult, ImportOutcome } from './types.ts';

export type JobState = 'running' | 'done' | 'cancelled' | 'interrupted';

export interface JobOptions {
  timezone: string;
  encoding: string | null;
  onDuplicate: 'skip' | 'keep-both';
  maxSizeBytes: number;
  keepOriginals: boolean;
}

export interface JobSummary {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  state: JobState;
  roots: string[];
  options: JobOptions;
  imported: number;
  updated: number;
  duplicates: number;
  failed: number;
  skipped: number;
  files: number;
}

interface JobRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  state: JobState;
  roots: string;
  options: string;
}

interface FileRow {
  path: string;
  outcome: ImportOutcome;
  article_id: string | null;
  encoding: string | null;
  confidence: number | null;
  reason: string | null;
  flags: string;
}

/** Jobs left 'running' by a process that no longer exists were interrupted (killed, crashed). */
export function markInterrupted(db: Db): void {
  const rows = db.prepare("SELECT id, options FROM import_jobs WHERE state = 'running'").all() as Array<{ id: number; options: string }>;
  for (const row of rows) {
    const pid = (JSON.parse(row.options) as { pid?: number }).pid;
    if (pid !== undefined && pid !== process.pid && processAlive(pid)) continue;
    db.prepare("UPDATE import_jobs SET state = 'interrupted' WHERE id = ? AND state = 'running'").run(row.id);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process its parent has not reaped yet still answers kill(0): a zombie is not running.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /su.test(stat);
  } catch {
    return true; // no /proc (macOS, Windows): trust kill(0)
  }
}

/** The unfinished job with the same roots and options, if any: running the same import again finishes it. */
export function findResumable(db: Db, roots: readonly string[], options: JobOptions): number | undefined {
  const row = db
    .prepare(
      `SELECT id FROM import_jobs WHERE state IN ('interrupted', 'cancelled') AND roots = ? AND json_extract(options, '$.key') = ?
       ORDER BY id DESC LIMIT 1`,
    )
    .get(JSON.stringify(roots), optionsKey(options)) as { id: number } | undefined;
  return row?.id;
}

export function createJob(db: Db, roots: readonly string[], options: JobOptions, now: string): number {
  const stored = { ...options, key: optionsKey(options), pid: process.pid };
  const result = db
    .prepare("INSERT INTO import_jobs (started_at, state, roots, options) VALUES (?, 'running', ?, ?)")
    .run(now, JSON.stringify(roots), JSON.stringify(stored));
  return Number(result.lastInsertRowid);
}

export function reopenJob(db: Db, id: number): void {
  db.prepare("UPDATE import_jobs SET state = 'running', finished_at = NULL, options = json_set(options, '$.pid', CAST(? AS INTEGER)) WHERE id = ?").run(
    process.pid,
    id,
  );
}

export function finishJob(db: Db, id: number, state: JobState, now: string): void {
  db.prepare('UPDATE import_jobs SET state = ?, finished_at = ? WHERE id = ?').run(state, now, id);
}

function optionsKey(o: JobOptions): string {
  return JSON.stringify([o.timezone, o.encoding, o.onDuplicate, o.maxSizeBytes, o.keepOriginals]);
}

/**
 * Paths this job already settled (any outcome but failed: failures are retried).
 * Container records (`file#key`) settle their file.
 */
export function settledPaths(db: Db, jobId: number): Set<string> {
  const rows = db.prepare("SELECT path, flags FROM import_files WHERE job_id = ? AND outcome != 'failed'").all(jobId) as Array<{
    path: string;
    flags: string;
  }>;
  const out = new Set<string>();
  for (const row of rows) {
    const record = row.flags.includes('"record"');
    out.add(record ? row.path.slice(0, row.path.lastIndexOf('#')) : row.path);
  }
  return out;
}

export class FileRecorder {
  private readonly insert;
  private readonly removeFailed;

  constructor(db: Db, private readonly jobId: number) {
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO import_files (job_id, path, outcome, article_id, sha256, encoding, confidence, reason, flags, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A retried container file may now yield records instead of one failure row.
    this.removeFailed = db.prepare("DELETE FROM import_files WHERE job_id = ? AND path = ? AND outcome = 'failed'");
  }

  record(result: ImportFileResult, sha256: string | null, now: string, containerPath?: string): void {
    if (containerPath !== undefined) this.removeFailed.run(this.jobId, containerPath);
    this.insert.run(
      this.jobId,
      result.path,
      result.outcome,
      result.articleId,
      sha256,
      result.encoding ?? null,
      result.confidence ?? null,
      result.reason,
      JSON.stringify(result.flags ?? []),
      now,
    );
  }
}

const FILE_COLUMNS = 'path, outcome, article_id, encoding, confidence, reason, flags';
/**
 * A job's rows in report order. Walking the table in rowid order over the
 * job's rowid span (`+job_id` keeps the planner off the (job_id, path) index,
 * which would sort every row of the job for each page) reads only the rows a
 * page needs: 1-8 ms a page of a 100k-file job instead of 40-120.
 */
const JOB_ROWS = 'FROM import_files WHERE rowid BETWEEN ? AND ? AND +job_id = ? AND (? IS NULL OR outcome = ?)';

export function jobFiles(db: Db, jobId: number): ImportFileResult[] {
  return Array.from(iterateJobFiles(db, jobId));
}

/** Every file of a job in report order, one at a time (the statement steps: nothing is held whole). */
export function* iterateJobFiles(db: Db, jobId: number): Generator<ImportFileResult> {
  const [lo, hi] = rowidSpan(db, jobId);
  const rows = db.prepare(`SELECT ${FILE_COLUMNS} ${JOB_ROWS} ORDER BY rowid`).iterate(lo, hi, jobId, null, null) as IterableIterator<FileRow>;
  for (const row of rows) yield fileFromRow(row);
}

export interface FilesPageOptions {
  /** Only files with this outcome; absent: all. */
  outcome?: ImportOutcome | undefined;
  offset: number;
  limit: number;
}

/**
 * One page of a job's files in report order, and how many match in all: the
 * app shows a 100k-file report a page at a time instead of holding every row.
 */
export function jobFilesPage(db: Db, jobId: number, options: FilesPageOptions): { rows: ImportFileResult[]; total: number } {
  const [lo, hi] = rowidSpan(db, jobId);
  const outcome = options.outcome ?? null;
  const rows = db
    .prepare(`SELECT ${FILE_COLUMNS} ${JOB_ROWS} ORDER BY rowid LIMIT ? OFFSET ?`)
    .all(lo, hi, jobId, outcome, outcome, options.limit, options.offset) as FileRow[];
  const { n } = db.prepare(`SELECT count(*) AS n ${JOB_ROWS}`).get(lo, hi, jobId, outcome, outcome) as { n: number };
  return { rows: rows.map(fileFromRow), total: n };
}

/** The first and last rowid of a job's files (a resumed job's rows may interleave with others': the job_id test stays). */
function rowidSpan(db: Db, jobId: number): [number, number] {
  const span = db.prepare('SELECT min(rowid) AS lo, max(rowid) AS hi FROM import_files WHERE job_id = ?').get(jobId) as { lo: number | null; hi: number | null };
  return span.lo === null || span.hi === null ? [1, 0] : [span.lo, span.hi];
}

/** Files of a job per outcome (every outcome present, zero when none). */
export function jobCounts(db: Db, jobId: number): Record<ImportOutcome, number> {
  const counts = db.prepare('SELECT outcome, count(*) AS n FROM import_files WHERE job_id = ? GROUP BY outcome').all(jobId) as Array<{
    outcome: ImportOutcome;
    n: number;
  }>;
  const out: Record<ImportOutcome, number> = { imported: 0, updated: 0, duplicate: 0, failed: 0, skipped: 0 };
  for (const c of counts) out[c.outcome] = c.n;
  return out;
}

function fileFromRow(r: FileRow): ImportFileResult {
  return {
    path: r.path,
    outcome: r.outcome,
    articleId: r.article_id,
    reason: r.reason,
    encoding: r.encoding,
    confidence: r.confidence,
    flags: JSON.parse(r.flags) as string[],
  };
}

export function listJobs(db: Db, limit = 50): JobSummary[] {
  const rows = db.prepare('SELECT * FROM import_jobs ORDER BY id DESC LIMIT ?').all(limit) as JobRow[];
  return rows.map((row) => summarize(db, row));
}

export function getJob(db: Db, id: number): JobSummary | undefined {
  const row = db.prepare('SELECT * FROM import_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row ? summarize(db, row) : undefined;
}

function summarize(db: Db, row: JobRow): JobSummary {
  const n = jobCounts(db, row.id);
  const { key: _key, pid: _pid, ...options } = JSON.parse(row.options) as JobOptions & { key?: string; pid?: number };
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    state: row.state,
    roots: JSON.parse(row.roots) as string[],
    options,
    imported: n.imported,
    updated: n.updated,
    duplicates: n.duplicate,
    failed: n.failed,
    skipped: n.skipped,
    files: Object.values(n).reduce((s, c) => s + c, 0),
  };
}
