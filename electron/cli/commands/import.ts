import { resolve } from 'node:path';
import { importPaths } from '../../archive/import/importer.ts';
import type { ImportOptions, ImportProgress } from '../../archive/import/types.ts';
import { defaultPrepareCount, sourcePrepareWorkers } from '../../archive/import/workers/spawn.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';
import { assertReportPath, writeReport } from '../report.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import text files and folders; every file gets an outcome',
  createsArchive: true,
  usage: 'copydesk import <file|dir>... [--timezone ZONE] [--encoding NAME] [--on-duplicate skip|keep-both] [--report FILE] [--workers N]',
  options: {
    timezone: { type: 'string', description: 'zone for source times that name none (IANA name or ±HH:MM); default: this machine' },
    encoding: { type: 'string', description: 'force one encoding instead of detecting it' },
    'on-duplicate': { type: 'string', description: 'skip (default) or keep-both' },
    'max-size': { type: 'string', description: 'largest file to import, in bytes (default 20 MB)' },
    'no-originals': { type: 'boolean', description: 'do not keep the original bytes in the archive' },
    report: { type: 'string', description: 'write the per-file report to FILE.csv or FILE.json' },
    workers: { type: 'string', description: 'threads that read and parse files while one writes (default: cores - 1, at most 3; 0 = none)' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('import needs at least one file or folder.');
    const onDuplicate = stringOption(ctx, 'on-duplicate') ?? 'skip';
    if (onDuplicate !== 'skip' && onDuplicate !== 'keep-both') throw new UsageError('--on-duplicate must be skip or keep-both.');
    const maxSize = stringOption(ctx, 'max-size');
    if (maxSize !== undefined && !/^\d+$/.test(maxSize)) throw new UsageError('--max-size takes a number of bytes.');
    const reportPath = stringOption(ctx, 'report');
    if (reportPath) assertReportPath(reportPath);
    const workers = stringOption(ctx, 'workers');
    if (workers !== undefined && !/^\d+$/.test(workers)) throw new UsageError('--workers takes a number (0 = read and parse on the writing thread).');
    const timezone = stringOption(ctx, 'timezone');
    const encoding = stringOption(ctx, 'encoding');
    const options: ImportOptions = {
      onDuplicate,
      keepOriginals: ctx.options['no-originals'] !== true,
      ...(timezone ? { timezone } : {}),
      ...(encoding ? { encoding } : {}),
      ...(maxSize ? { maxSizeBytes: Number(maxSize) } : {}),
      prepareWorkers: sourcePrepareWorkers(workers === undefined ? defaultPrepareCount() : Math.min(Number(workers), 16)),
      ...(ctx.interactive ? { onProgress: (p: ImportProgress) => drawProgress(ctx.err, p) } : {}),
    };
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    let report;
    try {
      report = await importPaths(ctx.archive(), ctx.args.map((p) => resolve(p)), { ...options, signal: controller.signal });
    } finally {
      process.off('SIGINT', onSigint);
      if (ctx.interactive) ctx.err('');
    }
    if (reportPath) writeReport(resolve(reportPath), report.files);
    if (ctx.json) {
      printJson(ctx, report);
    } else {
      for (const f of report.files) if (f.outcome === 'failed') ctx.err(`failed: ${f.path}: ${f.reason ?? 'unknown reason'}`);
      const unsure = report.files.filter((f) => f.flags?.includes('low-confidence-encoding'));
      for (const f of unsure.slice(0, 20)) ctx.err(`check encoding: ${f.path}: read as ${f.encoding ?? '?'} (confidence ${f.confidence ?? '?'}); --encoding NAME forces one`);
      if (unsure.length > 20) ctx.err(`… and ${unsure.length - 20} more files with an uncertain encoding (see --report)`);
      ctx.out(
        `${report.imported} imported, ${report.updated} updated, ${report.duplicates} duplicates, ${report.failed} failed${skippedNote(report.skipped)}${report.cancelled ? ' (cancelled; run again to finish)' : ''} — job ${report.jobId}`,
      );
    }
    // Skipped (hidden) files are not failures: a folder from a Mac always holds a .DS_Store.
    return report.failed > 0 ? EXIT.partial : EXIT.ok;
  },
};

/** Said only when something was skipped, so the usual summary line reads as it always has. */
export function skippedNote(skipped: number): string {
  return skipped > 0 ? `, ${skipped} skipped (hidden)` : '';
}

function drawProgress(_write: (text: string) => void, p: ImportProgress): void {
  const width = 30;
  const ratio = p.filesTotal === 0 ? 1 : p.filesDone / p.filesTotal;
  const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
  const eta = p.etaSeconds == null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const file = p.currentFile ? ` ${p.currentFile.length > 40 ? `…${p.currentFile.slice(-39)}` : p.currentFile}` : '';
  // \r redraws in place; \x1b[K clears what a longer previous line left behind.
  process.stderr.write(`\r[${bar}] ${p.filesDone}/${p.filesTotal} ${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB ${p.rate.toFixed(0)}/s${eta}${file}\x1b[K`);
}
