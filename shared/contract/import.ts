// Importing files: start, cancel, progress events, the per-file report.
import { z } from 'zod';
import type { ImportFileResult, ImportOutcome, ImportProgress, ImportReport } from '../model/import.ts';
import { domain, event, method } from './define.ts';
import { grantId } from './grants.ts';

// The report shapes are the importer's own (shared/model/import.ts), not a restatement.
export type ImportOutcomeValue = ImportOutcome;
export const IMPORT_OUTCOMES = ['imported', 'updated', 'duplicate', 'failed', 'skipped'] as const satisfies readonly ImportOutcomeValue[];
export type ImportFileValue = ImportFileResult;
export type ImportProgressValue = ImportProgress;
export type ImportReportValue = ImportReport;
/**
 * What the window gets when an import ends: the counts and only the first
 * REPORT_FIRST_PAGE files (a 100k-file report is ~20 MB: cloning it into the
 * page froze the UI for seconds); `reportRows` pages through the rest.
 */
export type ImportReportSummaryValue = ImportReportValue & { filesTotal: number };
export type ImportRowsValue = { rows: ImportFileValue[]; total: number };

export type ImportFinishedValue = { ok: true; report: ImportReportSummaryValue } | { ok: false; error: { code: string; message: string } };

export const REPORT_FIRST_PAGE = 200;
export const MAX_REPORT_ROWS = 1000;

export const importContract = domain({
  methods: {
    /**
     * Starts an import of what an import grant names (app.choosePaths or a drop) in the
     * background; answers at once. Never a path: a grant that is forged, used, expired,
     * another window's or not an import grant is refused with `forbidden-path`.
     * Refused with `busy` while an import runs (the grant is spent either way).
     */
    start: method<{ started: true }>()(
      z.strictObject({
        grant: grantId,
        timezone: z.string().min(1).max(64).optional(),
      }),
    ),
    cancel: method<{ cancelling: boolean }>()(z.strictObject({})),
    /** The last finished import's report, if any, for a window opened after it ended. */
    lastReport: method<ImportReportSummaryValue | null>()(z.strictObject({})),
    /** A page of a finished import's per-file report, in report order, optionally of one outcome; `total` counts all that match. */
    reportRows: method<ImportRowsValue>()(
      z.strictObject({
        jobId: z.int().min(1),
        outcome: z.enum(IMPORT_OUTCOMES).optional(),
        offset: z.int().min(0).max(10_000_000),
        limit: z.int().min(1).max(MAX_REPORT_ROWS),
      }),
    ),
    /** Saves the last report as CSV through a native save dialog; `path` is null when cancelled. */
    saveReport: method<{ path: string | null }>()(z.strictObject({})),
  },
  events: {
    started: event<{ paths: string[] }>(),
    progress: event<ImportProgressValue>(),
    finished: event<ImportFinishedValue>(),
  },
});
