import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BackupEntry, defaultBackupDir, listBackups } from '../../archive/backup/location.ts';
import { type BackupInfo, inspectBackup } from '../../archive/backup/inspect.ts';
import { type BackupSettings, DEFAULT_BACKUP_SETTINGS, readBackupSettings, writeBackupSettings } from '../../archive/backup/settings.ts';
import { type Command, type CommandContext, EXIT, printJson, stringOption, UsageError } from '../command.ts';

export const backupsCommand: Command = {
  name: 'backups',
  summary: 'List the archive\'s backups; set the automatic backup schedule',
  usage: 'copydesk backups [--verify] [--auto on|off] [--every HOURS] [--keep N] [--dir DIR]',
  options: {
    verify: { type: 'boolean', description: 'open each backup and check it (schema, counts, quick_check)' },
    auto: { type: 'string', description: 'automatic backups on or off (default on)' },
    every: { type: 'string', description: 'hours between automatic backups (default 24)' },
    keep: { type: 'string', description: 'automatic backups to keep (default 7)' },
    dir: { type: 'string', description: 'folder for backups (default: backups/ beside the archive)' },
  },
  run(ctx) {
    const change = settingsChange(ctx);
    let settings: BackupSettings;
    let note: string | null = null;
    if (Object.keys(change).length > 0) settings = writeBackupSettings(ctx.archive().db, change);
    else {
      // Listing must work when the archive itself cannot be opened: that is when backups matter most.
      try {
        // A missing archive is not created just to list its backups.
        settings = existsSync(ctx.dbPath) ? readBackupSettings(ctx.archive().db) : { ...DEFAULT_BACKUP_SETTINGS };
      } catch (error) {
        settings = { ...DEFAULT_BACKUP_SETTINGS };
        note = `the archive could not be opened (${(error as Error).message.split(';')[0]}); listing the default backup folder`;
      }
    }
    const dir = settings.dir ?? defaultBackupDir(ctx.dbPath);
    const backups: Array<BackupEntry & Partial<BackupInfo>> = listBackups(ctx.dbPath, dir).map((b) =>
      ctx.options.verify === true ? { ...b, ...inspectBackup(b.file) } : b,
    );
    if (ctx.json) {
      printJson(ctx, { dir, settings, backups, ...(note ? { note } : {}) });
      return EXIT.ok;
    }
    if (note) ctx.err(`copydesk: ${note}`);
    const schedule = settings.enabled ? `every ${settings.intervalHours} h, keeping ${settings.keep}` : 'off';
    ctx.out(`Backups of ${ctx.dbPath} in ${dir} (automatic: ${schedule})`);
    if (backups.length === 0) ctx.out('No backups yet. Take one with: copydesk backup');
    for (const b of backups) {
      const checked = b.ok === undefined ? '' : b.ok ? `  ok, ${b.articles} articles` : `  NOT RESTORABLE: ${b.problem}`;
      ctx.out(`${b.takenAt}  ${b.kind.padEnd(13)} ${formatBytes(b.bytes).padStart(9)}  ${b.file}${checked}`);
    }
    return EXIT.ok;
  },
};

function settingsChange(ctx: CommandContext): Partial<BackupSettings> {
  const change: Partial<BackupSettings> = {};
  const auto = stringOption(ctx, 'auto');
  if (auto !== undefined) {
    if (auto !== 'on' && auto !== 'off') throw new UsageError('--auto takes on or off.');
    change.enabled = auto === 'on';
  }
  const every = stringOption(ctx, 'every');
  if (every !== undefined) {
    const hours = Number(every);
    if (!/^\d+(\.\d+)?$/.test(every) || hours <= 0) throw new UsageError('--every takes a positive number of hours.');
    change.intervalHours = hours;
  }
  const keep = stringOption(ctx, 'keep');
  if (keep !== undefined) {
    if (!/^\d+$/.test(keep) || Number(keep) < 1) throw new UsageError('--keep takes a whole number of at least 1.');
    change.keep = Number(keep);
  }
  const dir = stringOption(ctx, 'dir');
  if (dir !== undefined) change.dir = dir === '' ? null : resolve(dir);
  return change;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
