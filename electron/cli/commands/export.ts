import { resolve } from 'node:path';
import { exportArticles } from '../../archive/export/exporter.ts';
import { allHits } from '../../archive/search/allHits.ts';
import type { ExportProgress } from '../../archive/export/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/types.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';


export const exportCommand: Command = {
  name: 'export',
  summary: 'Export articles as clean HTML, an HTML fragment, Markdown or text, with a manifest',
  usage: 'copydesk export <id>... | --query QUERY  --out DIR [--format html|fragment|md|txt] [--overwrite] [--no-stylesheet] [--ignore-embargo]',
  options: {
    query: { type: 'string', description: 'export every article this search finds (same syntax as copydesk search)' },
    out: { type: 'string', description: 'the folder to write into (created if missing)' },
    format: { type: 'string', description: 'html (standalone page, default), fragment (body only), md or txt' },
    overwrite: { type: 'boolean', description: 'replace files and manifest.json that already exist' },
    'no-stylesheet': { type: 'boolean', description: 'leave the small print stylesheet out of html pages' },
    'no-revision': { type: 'boolean', description: 'do not record an export revision on each article' },
    'ignore-embargo': {
      type: 'boolean',
      description: 'export articles still under embargo too (killed and withheld articles are refused regardless)',
    },
  },
  run(ctx) {
    const out = stringOption(ctx, 'out');
    if (!out) throw new UsageError('export needs --out DIR.');
    const format = stringOption(ctx, 'format') ?? 'html';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    const query = stringOption(ctx, 'query');
    if (query !== undefined && ctx.args.length > 0) throw new UsageError('give article ids or --query, not both.');
    if (query === undefined && ctx.args.length === 0) throw new UsageError('export needs article ids or --query QUERY.');
    const archive = ctx.archive();
    const ids = query !== undefined ? allHits(archive, query) : ctx.args;
    const report = exportArticles(archive, ids, {
      outDir: resolve(out),
      format: format as ExportFormat,
      overwrite: ctx.options.overwrite === true,
      printStylesheet: ctx.options['no-stylesheet'] !== true,
      recordRevisions: ctx.options['no-revision'] !== true,
      ignoreEmbargo: ctx.options['ignore-embargo'] === true,
      ...(ctx.interactive ? { onProgress: (p: ExportProgress) => drawProgress(p) } : {}),
    });
    if (ctx.interactive) process.stderr.write('\n');
    if (ctx.json) {
      printJson(ctx, report);
    } else {
      for (const f of report.files) {
        if (f.outcome === 'failed') ctx.err(`failed: ${f.id}: ${f.reason ?? f.code ?? 'unknown reason'}`);
        else ctx.out(`${f.file}  ${f.headline ?? ''}`);
      }
      ctx.out(`${report.exported} exported, ${report.failed} failed → ${report.outDir} (manifest.json)`);
      const embargoed = report.files.filter((f) => f.code === 'embargoed').length;
      if (embargoed > 0)
        ctx.err(`note: ${embargoed} article${embargoed === 1 ? ' is' : 's are'} under embargo and ${embargoed === 1 ? 'was' : 'were'} not exported; pass --ignore-embargo to export ${embargoed === 1 ? 'it' : 'them'} anyway.`);
    }
    return report.failed > 0 ? EXIT.partial : EXIT.ok;
  },
};

function drawProgress(p: ExportProgress): void {
  const width = 30;
  const ratio = p.total === 0 ? 1 : p.done / p.total;
  const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
  const eta = p.etaSeconds == null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  process.stderr.write(`\r[${bar}] ${p.done}/${p.total} ${p.rate.toFixed(0)}/s${eta}   `);
}
