import { type Command, printJson, UsageError } from '../command.ts';
import { exportRefusal } from '../../archive/export/refusal.ts';
import { showOriginal } from './showOriginal.ts';
import { wireLines } from './wireLines.ts';

export const showCommand: Command = {
  name: 'show',
  summary: 'Print one article',
  usage: 'copydesk show <id> [--original [--out FILE]]',
  options: {
    original: { type: 'boolean', description: 'the file it was imported from, byte for byte (with --json: its fields and decoded text)' },
    out: { type: 'string', description: 'with --original: write the bytes to FILE (atomically) instead of stdout' },
  },
  run(ctx) {
    const id = ctx.args[0];
    if (!id) throw new UsageError('show needs an article id.');
    if (ctx.options.original === true) return showOriginal(ctx, id);
    if (ctx.options.out !== undefined) throw new UsageError('--out goes with --original (show <id> --original --out FILE).');
    const article = ctx.archive().getArticle(id);
    if (ctx.json) {
      printJson(ctx, article);
      return 0;
    }
    ctx.out(article.headline);
    if (article.dek) ctx.out(article.dek);
    const meta = [article.byline, article.dateline, article.section, article.postedAt && `posted ${article.postedAt}`, article.updatedAt && `updated ${article.updatedAt}`]
      .filter(Boolean)
      .join(' · ');
    if (meta) ctx.out(meta);
    ctx.out(`id ${article.id} · version ${article.version} · ${article.status} · ${article.wordCount} words`);
    if (article.source.path) ctx.out(`source ${article.source.path} (${article.source.encoding ?? 'unknown encoding'})`);
    for (const line of wireLines(article)) ctx.out(line);
    const refused = exportRefusal(article, new Date(ctx.archive().now()));
    if (refused) ctx.out(`export refuses it: ${refused.reason}`);
    ctx.out('');
    ctx.out(article.bodyText);
    return 0;
  },
};
