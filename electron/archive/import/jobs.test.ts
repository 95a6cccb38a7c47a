// A job's report read a page at a time (the app's report table and its CSV):
// order, offset/limit, the outcome filter and the matching total.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { createJob, FileRecorder, jobCounts, jobFiles, jobFilesPage, type JobOptions } from './jobs.ts';
import type { ImportOutcome } from './types.ts';

const OPTIONS: JobOptions = { timezone: 'UTC', encoding: null, onDuplicate: 'skip', maxSizeBytes: 1024, keepOriginals: true };
const CYCLE: ImportOutcome[] = ['imported', 'imported', 'failed', 'duplicate', 'skipped'];

let t: TempArchive;
let job: number;

/** Files `from`..`to` named so their report order is not their alphabetical order (rowid order must win). */
function record(jobId: number, n: number, from = 0): void {
  const db = t.archive.db;
  const recorder = new FileRecorder(db, jobId);
  db.transaction(() => {
    for (let i = from; i < n; i++) {
      const outcome = CYCLE[i % CYCLE.length] as ImportOutcome;
      const path = `/in/${999_999 - i}.txt`;
      recorder.record({ path, outcome, articleId: outcome === 'imported' ? `a${i}` : null, reason: outcome === 'failed' ? 'bad' : null, flags: [] }, null, '2026-01-01T00:00:00Z');
    }
  })();
}

beforeEach(() => {
  t = tempArchive();
  job = createJob(t.archive.db, ['/in'], OPTIONS, '2026-01-01T00:00:00Z');
  record(job, 13);
  // Another job's rows, written between this one's (a resumed job), must never leak into its pages.
  record(createJob(t.archive.db, ['/other'], OPTIONS, '2026-01-01T00:00:00Z'), 7);
  record(job, 23, 13);
});
afterEach(() => t.cleanup());

describe('jobFilesPage', () => {
  it('pages through every file in report order with the total', () => {
    const all = jobFiles(t.archive.db, job);
    expect(all).toHaveLength(23);
    const first = jobFilesPage(t.archive.db, job, { offset: 0, limit: 10 });
    expect(first.total).toBe(23);
    expect(first.rows).toEqual(all.slice(0, 10));
    expect(first.rows[0]?.path).toBe('/in/999999.txt');
    expect(jobFilesPage(t.archive.db, job, { offset: 10, limit: 10 }).rows).toEqual(all.slice(10, 20));
    const last = jobFilesPage(t.archive.db, job, { offset: 20, limit: 10 });
    expect(last.rows).toEqual(all.slice(20));
    expect(last.total).toBe(23);
    expect(jobFilesPage(t.archive.db, job, { offset: 50, limit: 10 })).toEqual({ rows: [], total: 23 });
  });

  it('filters by outcome and counts only the matching files', () => {
    const failed = jobFilesPage(t.archive.db, job, { outcome: 'failed', offset: 0, limit: 100 });
    expect(failed.total).toBe(5);
    expect(failed.rows.map((r) => r.outcome)).toEqual(Array(5).fill('failed'));
    expect(failed.rows.map((r) => r.reason)).toEqual(Array(5).fill('bad'));
    const imported = jobFilesPage(t.archive.db, job, { outcome: 'imported', offset: 3, limit: 2 });
    expect(imported.total).toBe(10);
    expect(imported.rows).toEqual(jobFiles(t.archive.db, job).filter((f) => f.outcome === 'imported').slice(3, 5));
    expect(jobFilesPage(t.archive.db, job, { outcome: 'updated', offset: 0, limit: 10 })).toEqual({ rows: [], total: 0 });
    expect(jobCounts(t.archive.db, job)).toEqual({ imported: 10, updated: 0, duplicate: 4, failed: 5, skipped: 4 });
  });

  it('answers a page of a 100k-file report quickly', () => {
    const big = createJob(t.archive.db, ['/big'], OPTIONS, '2026-01-01T00:00:00Z');
    record(big, 100_000);
    const started = performance.now();
    const page = jobFilesPage(t.archive.db, big, { outcome: 'failed', offset: 19_000, limit: 1000 });
    const ms = performance.now() - started;
    expect(page.total).toBe(20_000);
    expect(page.rows).toHaveLength(1000);
    expect(jobFilesPage(t.archive.db, big, { offset: 99_000, limit: 1000 }).rows.at(-1)?.path).toBe('/in/900000.txt');
    console.log(`jobFilesPage: failed rows 19000-20000 of a 100k-file job in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
  });
});
