import { type Command, printJson, UsageError } from '../command.ts';

export const historyCommand: Command = {
  name: 'history',
  summary: "List an article's revisions",
  usage: 'copydesk history <id>',
  run(ctx) {
    const id = ctx.args[0];
    if (!id) throw new UsageError('history needs an article id.');
    const revisions = ctx.archive().listRevisions(id);
    if (ctx.json) {
      printJson(ctx, { revisions });
      return 0;
    }
    for (const r of revisions)
      ctx.out(`${String(r.id).padStart(6)}  ${r.createdAt}  ${r.reason.padEnd(8)}  ${String(r.wordCount).padStart(6)} words  ${r.name ?? ''}`);
    return 0;
  },
};
