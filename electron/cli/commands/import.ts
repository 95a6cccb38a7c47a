import { resolve } from 'node:path';
import { importPaths } from '../../archive/import/importer.ts';
import type { ImportOptions, ImportProgress } from '../../archive/import/types.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';
import { writeReport } from '../report.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import text files and folders; every file gets an outcome',
  usage: 'copydesk import <file|dir>... [--timezone ZONE] [--encoding NAME] [--on-duplicate skip|keep-both] [--report FILE]',
  options: {
    timezone: { type: 'string', description: 'zone for source times that name none (IANA name or ±HH:MM); default: this machine' },
    encoding: { type: 'string', description: 'force one encoding instead of detecting it' },
    'on-duplicate': { type: 'string', description: 'skip (default) or keep-both' },
    'max-size': { type: 'string', description: 'largest file to import, in bytes (default 20 MB)' },
    'no-originals': { type: 'boolean', description: 'do not keep the original bytes in the archive' },
    report: { type: 'string', description: 'write the per-file report to FILE.csv or FILE.json' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('import needs at least one file or folder.');
    const onDuplicate = stringOption(ctx, 'on-duplicate') ?? 'skip';
    if (onDuplicate !== 'skip' && onDuplicate !== 'keep-both') throw new UsageError('--on-duplicate must be skip or keep-both.');
    const maxSize = stringOption(ctx, 'max-size');
    if (maxSize !== undefined && !/^\d+$/.test(maxSize)) throw new UsageError('--max-size takes a number of bytes.');
    const timezone = stringOption(ctx, 'timezone');
    const encoding = stringOption(ctx, 'encoding');
    const options: ImportOptions = {
      onDuplicate,
      keepOriginals: ctx.options['no-originals'] !== true,
      ...(timezone ? { timezone } : {}),
      ...(encoding ? { encoding } : {}),
      ...(maxSize ? { maxSizeBytes: Number(maxSize) } : {}),
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
    const reportPath = stringOption(ctx, 'report');
    if (reportPath) writeReport(resolve(reportPath), report.files);
    if (ctx.json) {
      printJson(ctx, report);
    } else {
      for (const f of report.files) if (f.outcome === 'failed') ctx.err(`failed: ${f.path}: ${f.reason ?? 'unknown reason'}`);
      ctx.out(
        `${report.imported} imported, ${report.updated} updated, ${report.duplicates} duplicates, ${report.failed} failed${report.cancelled ? ' (cancelled; run again to finish)' : ''} — job ${report.jobId}`,
      );
    }
    return report.failed > 0 ? EXIT.partial : EXIT.ok;
  },
};

function drawProgress(write: (text: string) => void, p: ImportProgress): void {
  const width = 30;
  const ratio = p.filesTotal === 0 ? 1 : p.filesDone / p.filesTotal;
  const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
  const eta = p.etaSeconds == null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  process.stderr.write(`\r[${bar}] ${p.filesDone}/${p.filesTotal} ${p.rate.toFixed(0)}/s${eta}   `);
  void write;
}
