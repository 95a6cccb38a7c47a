import { type Command, EXIT, printJson } from '../command.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check integrity, foreign keys and the search index',
  usage: 'copydesk check',
  run(ctx) {
    const report = ctx.archive().check();
    if (ctx.json) printJson(ctx, report);
    else if (report.ok) ctx.out(`ok: ${ctx.dbPath} passed the integrity, foreign-key and search-index checks`);
    else for (const p of report.problems) ctx.out(`${p.kind}: ${p.message}`);
    return report.ok ? EXIT.ok : EXIT.partial;
  },
};
