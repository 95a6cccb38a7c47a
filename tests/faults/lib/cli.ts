// Running the real `copydesk` CLI: as a separate process (for kills, hangs
// and crashes, exactly as a user runs it) or in-process through the same
// runCli the binary calls (for the many quick calls of the fixture families).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { runCli } from '../../../electron/cli/run.ts';

export const REPO = resolve(import.meta.dirname, '../../..');
export const BIN = resolve(REPO, 'bin/copydesk.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface SpawnOptions {
  timeoutMs?: number;
  /** Send SIGKILL this many ms after the start (the crash families). */
  killAfterMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, COPYDESK_AUTO_BACKUP: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    if (options.timeoutMs !== undefined)
      timers.push(
        setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs),
      );
    if (options.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      done({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

export interface InProcessRun {
  code: number;
  out: string;
  err: string;
  /** An exception escaped runCli: the binary would print a stack and exit 70. */
  crash: string | null;
}

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { ...process.env, COPYDESK_AUTO_BACKUP: '0', ...env },
      interactive: false,
    });
    return { code, out: out.join('\n'), err: err.join('\n'), crash: null };
  } catch (error) {
    return { code: 70, out: out.join('\n'), err: err.join('\n'), crash: (error as Error).stack ?? String(error) };
  }
}

/** A user-facing error: one line, prefixed, no stack frames. */
export function isCleanError(stderr: string): boolean {
  const lines = stderr.trim().split('\n').filter((l) => l !== '');
  return lines.length >= 1 && lines.every((l) => l.startsWith('copydesk:') && !/\n\s+at /.test(l)) && !/internal error/.test(stderr);
}
