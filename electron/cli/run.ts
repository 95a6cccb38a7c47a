// The CLI runner: parse global options, dispatch to a command, map errors to
// exit codes. User errors print one line on stderr; only bugs print a stack.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Archive } from '../archive/archive.ts';
import { fromSqliteError, isArchiveError } from '../archive/errors.ts';
import { defaultArchivePath } from '../archive/paths.ts';
import { backupIfChanged } from './autoBackup.ts';
import { type Command, type CommandContext, EXIT, UsageError } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { describeFsError } from './fsErrors.ts';

export interface CliIo {
  out: (text: string) => void;
  /** Raw bytes to stdout; without it, commands that print bytes ask for --out FILE. */
  outBytes?: (bytes: Uint8Array) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  /** Standard input, read whole (--password-stdin); without it such commands say they need one. */
  stdin?: () => Promise<string>;
}

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  'read-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const nameIndex = commandIndex(argv);
  const name = nameIndex === -1 ? undefined : argv[nameIndex];
  const command = COMMANDS.find((c) => c.name === name);
  let archive: Archive | undefined;
  try {
    if (!command) {
      if (name !== undefined) throw new UsageError(`Unknown command "${name}". Run copydesk --help for the list.`);
      if (argv.includes('--version')) {
        io.out('copydesk 0.1.0');
        return EXIT.ok;
      }
      io.out(helpText());
      return argv.length === 0 || argv.includes('--help') || argv.includes('-h') ? EXIT.ok : EXIT.userError;
    }
    const rest = argv.filter((_a, i) => i !== nameIndex);
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    const dbPath = resolve(typeof parsed.values.db === 'string' ? parsed.values.db : defaultArchivePath(io.env));
    const ctx: CommandContext = {
      args: parsed.positionals,
      options: parsed.values as CommandContext['options'],
      json: parsed.values.json === true,
      dbPath,
      archive: () => {
        if (!archive && parsed.values['read-only'] === true) archive = Archive.open(dbPath, { readonly: true });
        if (!archive) {
          if (!command.createsArchive && !existsSync(dbPath))
            throw new UsageError(`No archive at ${dbPath}. Import something first, or point --db or $COPYDESK_DB at an archive.`);
          mkdirSync(dirname(dbPath), { recursive: true });
          archive = Archive.open(dbPath);
        }
        return archive;
      },
      out: io.out,
      outBytes:
        io.outBytes ??
        (() => {
          throw new UsageError('this output cannot take raw bytes; write them to a file with --out FILE.');
        }),
      err: io.err,
      interactive: io.interactive,
      env: io.env,
      readStdin:
        io.stdin ??
        (() => {
          throw new UsageError('this command reads standard input, and none was given.');
        }),
    };
    const code = await command.run(ctx);
    await backupIfChanged(archive, io.err, io.env);
    return code;
  } catch (caught) {
    // SQLite errors met mid-command (a damaged page, a full disk) are the user's to act on, not bugs.
    const error = fromSqliteError(caught, archive?.path ?? 'the archive') ?? caught;
    if (error instanceof UsageError || isArchiveError(error)) {
      io.err(`copydesk: ${error.message}`);
      return EXIT.userError;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|ERR_PARSE_ARGS_\w+)$/.test(code)) {
      io.err(`copydesk: ${describeFsError(error) ?? (error as Error).message}`);
      return EXIT.userError;
    }
    throw error;
  } finally {
    archive?.close();
  }
}

/** Global options that take a value, so `copydesk --db FILE import …` finds `import`. */
const VALUE_OPTIONS = new Set(['--db']);

function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (VALUE_OPTIONS.has(a)) {
      i += 1;
      continue;
    }
    if (!a.startsWith('-')) return i;
  }
  return -1;
}

function parseCommandArgs(command: Command, args: string[]) {
  const options: ParseArgsConfig['options'] = { ...GLOBAL_OPTIONS };
  for (const [key, spec] of Object.entries(command.options ?? {}))
    options[key] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) };
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see copydesk ${command.name} --help)`);
  }
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'copydesk — the Copydesk newsroom archive from the command line',
    '',
    'Usage: copydesk <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --db FILE   the archive file (default: $COPYDESK_DB, else the desktop app\'s archive)',
    '  --json      machine-readable output on stdout',
    '  --read-only open the archive without writing anything (for a damaged archive)',
    '  --help      help for a command: copydesk <command> --help',
    '',
    'Exit codes: 0 success, 1 usage or user error, 2 partial failure.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const lines = [`Usage: ${command.usage}`, '', command.summary];
  const opts = Object.entries(command.options ?? {});
  if (opts.length > 0) {
    lines.push('', 'Options:');
    for (const [key, spec] of opts) lines.push(`  --${key.padEnd(16)} ${spec.description}`);
  }
  lines.push('  --db FILE          the archive file', '  --json             machine-readable output');
  return lines.join('\n');
}
