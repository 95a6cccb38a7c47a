import type { Migration } from './types.ts';

// import_files gains the outcome 'skipped' (hidden files and folders such as
// .DS_Store and .git: accounted for in the report, never read, never a
// failure). SQLite cannot alter a CHECK constraint, so the table is rebuilt:
// new table, copy every row, drop, rename. The runner wraps the step in its
// transaction, so a failure leaves the old table as it was. Nothing refers to
// import_files (no foreign keys, indexes or triggers point at it), so the
// rename needs no further fix-up; its own foreign key to import_jobs stays.
export const importSkipped: Migration = {
  version: 3,
  name: 'import-skipped',
  up: `
CREATE TABLE import_files_next (
  job_id INTEGER NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'updated', 'failed', 'skipped')),
  article_id TEXT,
  sha256 TEXT,
  encoding TEXT,
  confidence REAL,
  reason TEXT,
  flags TEXT NOT NULL DEFAULT '[]',
  finished_at TEXT NOT NULL,
  PRIMARY KEY (job_id, path)
) STRICT;
-- rowid kept: a job's report lists its files in rowid order.
INSERT INTO import_files_next (rowid, job_id, path, outcome, article_id, sha256, encoding, confidence, reason, flags, finished_at)
  SELECT rowid, job_id, path, outcome, article_id, sha256, encoding, confidence, reason, flags, finished_at FROM import_files;
DROP TABLE import_files;
ALTER TABLE import_files_next RENAME TO import_files;
`,
};
