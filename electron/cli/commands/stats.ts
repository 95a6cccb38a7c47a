import { type Command, printJson } from '../command.ts';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Count articles and revisions, and the size on disk',
  usage: 'copydesk stats',
  run(ctx) {
    const stats = ctx.archive().stats();
    if (ctx.json) printJson(ctx, stats);
    else ctx.out(`${stats.articles} articles, ${stats.revisions} revisions, ${stats.bytes} bytes (${ctx.dbPath})`);
    return 0;
  },
};
