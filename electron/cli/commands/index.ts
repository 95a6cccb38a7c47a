import type { Command } from '../command.ts';
import { backupCommand } from './backup.ts';
import { backupsCommand } from './backups.ts';
import { checkCommand } from './check.ts';
import { diffCommand } from './diff.ts';
import { exportCommand } from './export.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { importsCommand } from './imports.ts';
import { restoreCommand } from './restore.ts';
import { restoreBackupCommand } from './restoreBackup.ts';
import { salvageCommand } from './salvage.ts';
import { searchCommand } from './search.ts';
import { showCommand } from './show.ts';
import { statsCommand } from './stats.ts';
import { statusCommand } from './status.ts';
import { readyRulesCommand } from './readyRules.ts';
import { conflictsCommand, resolveCommand } from './conflicts.ts';
import { editCommand } from './edit.ts';
import { remoteCommand } from './remote.ts';
import { serverCommand } from './server.ts';
import { syncCommand } from './sync.ts';

/** Every command, in the order `copydesk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  importCommand,
  importsCommand,
  searchCommand,
  showCommand,
  exportCommand,
  historyCommand,
  diffCommand,
  restoreCommand,
  statusCommand,
  readyRulesCommand,
  editCommand,
  remoteCommand,
  syncCommand,
  conflictsCommand,
  resolveCommand,
  serverCommand,
  statsCommand,
  checkCommand,
  backupCommand,
  backupsCommand,
  restoreBackupCommand,
  salvageCommand,
];
