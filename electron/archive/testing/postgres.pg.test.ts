// The throwaway server never outlives its process: stopped on exit and on
// SIGTERM/SIGINT, and an orphan left by kill -9 is reaped by the next start.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPostgres } from './postgres.ts';

const HOLDER = resolve(import.meta.dirname, 'postgresHolder.ts');

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Start the holder; answers its process and the server folder it printed. */
async function holder(mode = 'wait'): Promise<{ child: ReturnType<typeof spawn>; dir: string; postmaster: number; done: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((r) => child.on('close', () => r()));
  const line = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(out.trim());
    });
    child.on('close', () => fail(new Error(`holder ended before printing its folder: ${out}`)));
  });
  const [dir, pid] = line.split(' ');
  const postmaster = Number(pid);
  expect(postmaster).toBeGreaterThan(0);
  return { child, dir: dir as string, postmaster, done };
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && running(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
  return !running(pid);
}

describe('throwaway PostgreSQL servers', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`are stopped and removed when the process gets ${signal}`, async () => {
      const h = await holder();
      expect(running(h.postmaster)).toBe(true);
      h.child.kill(signal);
      await h.done;
      expect(await gone(h.postmaster)).toBe(true);
      expect(existsSync(h.dir)).toBe(false);
    });
  }

  it('are stopped and removed when the process exits', async () => {
    const h = await holder('exit');
    await h.done;
    expect(await gone(h.postmaster)).toBe(true);
    expect(existsSync(h.dir)).toBe(false);
  });

  it('left running by a process killed with SIGKILL are reaped by the next start', async () => {
    const h = await holder();
    h.child.kill('SIGKILL');
    await h.done;
    expect(running(h.postmaster)).toBe(true);
    const next = await startPostgres();
    try {
      expect(await gone(h.postmaster)).toBe(true);
      expect(existsSync(h.dir)).toBe(false);
    } finally {
      next.stop();
    }
  });
});
