import { resolve } from 'node:path';
import { takeBackup } from '../../archive/backup/take.ts';
import { type Command, printJson } from '../command.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy the archive to a new file while it stays in use',
  usage: 'copydesk backup [<dest-file>]   (no file: into the backup folder, listed by copydesk backups)',
  async run(ctx) {
    const dest = ctx.args[0];
    if (!dest) {
      const entry = await takeBackup(ctx.archive(), 'manual');
      if (ctx.json) printJson(ctx, { ok: true, file: entry.file, kind: entry.kind, bytes: entry.bytes });
      else ctx.out(`backed up to ${entry.file}`);
      return 0;
    }
    const target = resolve(dest);
    await ctx.archive().backup(target);
    if (ctx.json) printJson(ctx, { ok: true, file: target });
    else ctx.out(`backed up to ${target}`);
    return 0;
  },
};
