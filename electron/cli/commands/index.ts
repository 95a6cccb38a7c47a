import type { Command } from '../command.ts';
import { backupCommand } from './backup.ts';
import { checkCommand } from './check.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { searchCommand } from './search.ts';
import { showCommand } from './show.ts';
import { statsCommand } from './stats.ts';

/** Every command, in the order `copydesk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  importCommand,
  searchCommand,
  showCommand,
  historyCommand,
  statsCommand,
  checkCommand,
  backupCommand,
];
