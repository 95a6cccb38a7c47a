// Handlers of shared/contract/import.ts. The import itself runs in the writer
// worker (see ../import/controller.ts); these start, stop and report it. The
// report's rows stay in the archive (import_files): the window pages through
// them with reportRows, and the CSV is written page by page in a reader.
import type { importContract } from '../../../shared/contract/import.ts';
import type { ImportFileResult, ImportProgress, ImportReport } from '../../archive/import/types.ts';
import type { ImportFileValue, ImportProgressValue, ImportReportValue } from '../../../shared/contract/import.ts';
import { jobFilesPage } from '../../archive/import/jobs.ts';
import { IpcError, unwrap } from './errors.ts';
import { type DomainHandlers, inMain, reader } from './types.ts';
import { chooseDestination } from './userChoice.ts';

type Assignable<T extends U, U> = T;
export type ReportAgrees = Assignable<ImportReport, ImportReportValue>;
export type ProgressAgrees = Assignable<ImportProgress, ImportProgressValue>;
export type FileAgrees = Assignable<ImportFileResult, ImportFileValue>;

export const importHandlers = {
  // The paths come from the grant main issued for the user's dialog choice or drop, never from the page.
  start: inMain((ctx, input, caller) => {
    const paths = ctx.grants.redeem(caller.contentsId, input.grant, 'import');
    const started = ctx.imports.start(paths, input.timezone !== undefined ? { timezone: input.timezone } : {});
    if (!started.ok) throw IpcError.from(started.error);
    return started.value;
  }),
  cancel: inMain((ctx) => ctx.imports.cancel()),
  lastReport: inMain((ctx) => ctx.imports.lastReport()),
  reportRows: reader((archive, input) => jobFilesPage(archive.db, input.jobId, { outcome: input.outcome, offset: input.offset, limit: input.limit })),
  saveReport: inMain(async (ctx, _input, caller) => {
    const report = ctx.imports.lastReport();
    if (!report) throw new IpcError('not-found', 'There is no import report to save yet.');
    const path = await chooseDestination(ctx, caller, 'export', (d) => d.saveFile({ title: 'Save import report', defaultName: `import-report-${report.jobId}.csv`, extensions: ['csv'] }));
    if (path === null) return { path: null };
    unwrap(await ctx.workers.op('read', 'saveImportReport', { jobId: report.jobId, path }));
    return { path };
  }),
} satisfies DomainHandlers<typeof importContract>;
