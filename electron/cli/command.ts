// What every `copydesk` command looks like. Exit codes are a public interface:
// 0 success, 1 usage or user error, 2 partial failure.
import type { Archive } from '../archive/archive.ts';

export const EXIT = { ok: 0, userError: 1, partial: 2 } as const;

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  description: string;
}

export interface CommandContext {
  args: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  dbPath: string;
  /** Opens (creating if needed) the archive; closed by the runner after `run`. */
  archive(): Archive;
  out: (text: string) => void;
  /** Raw bytes to stdout, nothing added (show --original). */
  outBytes: (bytes: Uint8Array) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  interactive: boolean;
  /** The environment (PGPASSWORD for the shared archive). */
  env: NodeJS.ProcessEnv;
  /** Everything on standard input (--password-stdin). */
  readStdin(): Promise<string>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options?: Record<string, OptionSpec>;
  /** Only commands that add articles may create a missing archive; the rest refuse a wrong --db. */
  createsArchive?: boolean;
  run(ctx: CommandContext): Promise<number> | number;
}

/** A user mistake: printed as one line on stderr, exit code 1, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.out(JSON.stringify(value));
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function intOption(ctx: CommandContext, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = stringOption(ctx, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number, not "${raw}".`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}.`);
  return n;
}
