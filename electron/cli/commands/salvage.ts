import { resolve } from 'node:path';
import { salvageArchive } from '../../archive/recovery/salvage.ts';
import { type Command, EXIT, printJson, UsageError } from '../command.ts';

export const salvageCommand: Command = {
  name: 'salvage',
  summary: 'Copy every readable article of a damaged archive into a NEW archive file',
  usage: 'copydesk salvage <new-file>',
  run(ctx) {
    const dest = ctx.args[0];
    if (!dest || ctx.args.length > 1) throw new UsageError('salvage needs the name of a new archive file to write.');
    // The damaged archive is only read, through a private copy: never opened here.
    const report = salvageArchive(ctx.dbPath, resolve(dest));
    const lost = report.tables.reduce((n, t) => n + t.errors + t.rejected, 0) + report.emptiedBodies;
    if (ctx.json) printJson(ctx, { ok: report.check.ok, complete: lost === 0, ...report });
    else {
      for (const r of report.repairs) ctx.out(`repaired in the working copy: ${r}`);
      for (const t of report.tables)
        ctx.out(`${t.table.padEnd(13)} ${t.copied} copied${t.errors ? `, ${t.errors} unreadable regions` : ''}${t.rejected ? `, ${t.rejected} rows refused` : ''}`);
      if (report.emptiedBodies > 0) ctx.out(`${report.emptiedBodies} articles kept with an empty body (theirs could not be read)`);
      ctx.out(`salvaged ${report.articles} articles into ${report.destination}; the original ${report.source} was not changed`);
      if (!report.check.ok) for (const p of report.check.problems) ctx.err(`check: ${p.kind}: ${p.message}`);
    }
    return report.check.ok && lost === 0 ? EXIT.ok : EXIT.partial;
  },
};
