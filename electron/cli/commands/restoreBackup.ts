import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defaultBackupDir, listBackups } from '../../archive/backup/location.ts';
import { inspectBackup } from '../../archive/backup/inspect.ts';
import { restoreBackup } from '../../archive/backup/restore.ts';
import { type Command, type CommandContext, EXIT, printJson, UsageError } from '../command.ts';

export const restoreBackupCommand: Command = {
  name: 'restore-backup',
  summary: 'Replace the archive with a backup; the current file is kept aside, never deleted',
  usage: 'copydesk restore-backup <backup-file | latest>',
  async run(ctx) {
    const arg = ctx.args[0];
    if (!arg || ctx.args.length > 1) throw new UsageError('restore-backup needs one backup file (or "latest"); copydesk backups lists them.');
    const file = pickBackup(ctx, arg);
    // The archive is deliberately not opened here: restore needs it closed.
    const result = await restoreBackup(ctx.dbPath, file);
    if (ctx.json) printJson(ctx, { ok: result.check.ok, ...result });
    else {
      ctx.out(`restored ${result.from} → ${result.restored} (${result.articles} articles)`);
      ctx.out(result.keptAside ? `the archive it replaced is kept at ${result.keptAside}` : 'there was no archive to replace');
      if (!result.check.ok) for (const p of result.check.problems) ctx.err(`check: ${p.kind}: ${p.message}`);
    }
    return result.check.ok ? EXIT.ok : EXIT.partial;
  },
};

function pickBackup(ctx: CommandContext, arg: string): string {
  const dir = defaultBackupDir(ctx.dbPath);
  if (arg === 'latest') {
    const good = listBackups(ctx.dbPath, dir).find((b) => inspectBackup(b.file).ok);
    if (!good) throw new UsageError(`No restorable backup in ${dir}.`);
    return good.file;
  }
  const direct = resolve(arg);
  if (existsSync(direct)) return direct;
  const inFolder = join(dir, basename(arg));
  if (existsSync(inFolder)) return inFolder;
  throw new UsageError(`No backup file ${arg} (looked at ${direct} and in ${dir}).`);
}
