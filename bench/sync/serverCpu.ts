// CPU time the PostgreSQL server spent (postmaster and every backend it
// forked), read from /proc: the benchmark's clients run on the same machine,
// so wall time alone could not tell the server's share.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the command: state ppid … utime(14th overall → index 11 here) stime(12) cutime(13) cstime(14)
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** Milliseconds of CPU used so far by the server whose data folder is `dataDir` (live backends included). */
export function serverCpuMs(dataDir: string): number {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return 0;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let ticks = stat(postmaster)?.ticks ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s && s.ppid === postmaster) ticks += s.ticks;
  }
  return ticks * TICK_MS;
}
