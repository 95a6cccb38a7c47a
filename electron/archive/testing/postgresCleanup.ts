// Test support: throwaway PostgreSQL servers never outlive the process that
// started them. Each server's folder records its owner (pid and the process's
// start time, so a reused pid is not mistaken for it); this module
//  - stops every live server of this process on exit, on SIGINT, SIGTERM and
//    SIGHUP (Node's default for those signals skips 'exit' handlers), and
//  - before a new server starts, stops and removes servers whose owner is gone
//    (a run killed with SIGKILL, a crashed worker), so an orphan from an
//    earlier run never piles up or gets in the next one's way.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_DIR_PREFIX = 'copydesk-pg-';
const OWNER_FILE = 'owner';
/** A folder without an owner file (older code) is removed only when no server runs in it and it is this old. */
const LEGACY_AGE_MS = 60 * 60 * 1000;

/** The process's start time in clock ticks since boot (Linux /proc), or '' elsewhere. */
function startTicks(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name (which may hold spaces) closed by ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writeOwner(dir: string): void {
  writeFileSync(join(dir, OWNER_FILE), `${process.pid} ${startTicks(process.pid)}\n`);
}

/** True when the folder's owner is known to be gone (the same pid running again with another start time is gone too). */
function ownerGone(dir: string): boolean {
  const owner = join(dir, OWNER_FILE);
  if (!existsSync(owner)) {
    const running = existsSync(join(dir, 'data', 'postmaster.pid'));
    return !running && Date.now() - statSync(dir).mtimeMs > LEGACY_AGE_MS;
  }
  const [pidText, ticks] = readFileSync(owner, 'utf8').trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (!alive(pid)) return true;
  return Boolean(ticks) && startTicks(pid) !== '' && startTicks(pid) !== ticks;
}

/**
 * Stop (immediate) and remove the servers in `root` whose owner is gone.
 * `stopServer(dataDir)` stops one; answers the folders removed.
 */
export function reapOrphans(root: string, stopServer: (dataDir: string) => void): string[] {
  let names: string[];
  try {
    names = readdirSync(root).filter((n) => n.startsWith(SERVER_DIR_PREFIX));
  } catch {
    return [];
  }
  const reaped: string[] = [];
  for (const name of names) {
    const dir = join(root, name);
    try {
      if (!ownerGone(dir)) continue;
      if (existsSync(join(dir, 'data', 'postmaster.pid'))) stopServer(join(dir, 'data'));
      rmSync(dir, { recursive: true, force: true });
      reaped.push(dir);
    } catch {
      // Another process reaping it at the same moment, or not ours to read: leave it.
    }
  }
  return reaped;
}

const live = new Set<() => void>();
let hooked = false;

function stopAll(): void {
  for (const stop of [...live]) {
    try {
      stop();
    } catch {
      // keep stopping the others
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  stopAll();
  // Alone with this signal, end the process as the default handler would; other listeners decide for themselves.
  if (process.listenerCount(signal) === 1) {
    process.off(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

/** Run `stop` when the process ends by exit or by signal; answers the function that unregisters it. */
export function stopOnExit(stop: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', stopAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  }
  live.add(stop);
  return () => live.delete(stop);
}
