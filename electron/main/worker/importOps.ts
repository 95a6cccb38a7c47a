// Worker-side import operations (../ipc/import.ts calls them after a native
// dialog chose where to write). Not contract methods: a path reaches them only
// from main's dialogs, never from the page.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Archive } from '../../archive/archive.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { iterateJobFiles } from '../../archive/import/jobs.ts';
import type { ImportFileValue } from '../../../shared/contract/import.ts';
import { CSV_HEADER, csvLines } from '../import/csv.ts';

/** Rows per write: a 100k-file report is written without ever holding it whole. */
const BATCH = 1000;

export const importOps = {
  /** A job's whole per-file report as CSV, streamed from the archive in report order. */
  saveImportReport(archive: Archive, args: Record<string, unknown>): { path: string; rows: number } {
    const { jobId, path } = args;
    if (typeof path !== 'string' || path === '' || typeof jobId !== 'number') throw new ArchiveError('invalid-input', 'saveImportReport: jobId and path are needed.');
    const fd = openSync(path, 'w');
    let rows = 0;
    try {
      writeSync(fd, CSV_HEADER);
      let batch: ImportFileValue[] = [];
      for (const file of iterateJobFiles(archive.db, jobId)) {
        batch.push(file);
        if (batch.length === BATCH) {
          writeSync(fd, csvLines(batch));
          rows += batch.length;
          batch = [];
        }
      }
      writeSync(fd, csvLines(batch));
      rows += batch.length;
    } finally {
      closeSync(fd);
    }
    return { path, rows };
  },
};
