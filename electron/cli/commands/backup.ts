import { resolve } from 'node:path';
import { type Command, printJson, UsageError } from '../command.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy the archive to a new file while it stays in use',
  usage: 'copydesk backup <dest-file>',
  async run(ctx) {
    const dest = ctx.args[0];
    if (!dest) throw new UsageError('backup needs a destination file.');
    const target = resolve(dest);
    await ctx.archive().backup(target);
    if (ctx.json) printJson(ctx, { ok: true, file: target });
    else ctx.out(`backed up to ${target}`);
    return 0;
  },
};
