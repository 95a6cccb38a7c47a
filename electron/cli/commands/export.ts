import { resolve } from 'node:path';
import { exportArticles } from '../../archive/export/exporter.ts';
import { allHits } from '../../archive/search/allHits.ts';
import type { ExportProgress } from '../../archive/export/types.ts';
import { EXPORT_FORMATS, type ExportFormat, type NinjsVersion } from '../../../shared/export/types.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';


export const exportCommand: Command = {
  name: 'export',
  summary: 'Export articles as clean HTML, an HTML fragment, Markdown, text, NITF, NewsML-G2 or ninjs, with a manifest',
  usage:
    'copydesk export <id>... | --query QUERY  --out DIR [--format html|fragment|md|txt|nitf|newsml-g2|ninjs] [--ninjs-version 1|2|3] [--provider NAME] [--overwrite] [--no-stylesheet] [--ignore-embargo]',
  options: {
    query: { type: 'string', description: 'export every article this search finds (same syntax as copydesk search)' },
    out: { type: 'string', description: 'the folder to write into (created if missing)' },
    format: { type: 'string', description: 'html (standalone page, default), fragment (body only), md, txt, nitf (NITF 3.6), newsml-g2 (NewsML-G2 2.35) or ninjs' },
    'ninjs-version': { type: 'string', description: 'ninjs major version to write: 1 (1.6), 2 (2.2, default) or 3 (3.1)' },
    provider: { type: 'string', description: 'the provider NITF, NewsML-G2 and ninjs files name (default Copydesk)' },
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
    const ninjsOption = stringOption(ctx, 'ninjs-version');
    if (ninjsOption !== undefined && !['1', '2', '3'].includes(ninjsOption)) throw new UsageError('--ninjs-version must be 1, 2 or 3.');
    if (ninjsOption !== undefined && format !== 'ninjs') throw new UsageError('--ninjs-version goes with --format ninjs.');
    const provider = stringOption(ctx, 'provider');
    if (provider !== undefined && provider.trim() === '') throw new UsageError('--provider needs a name.');
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
      ...(ninjsOption ? { ninjsVersion: Number(ninjsOption) as NinjsVersion } : {}),
      ...(provider ? { provider: provider.trim() } : {}),
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
