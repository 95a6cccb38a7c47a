import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reapOrphans, SERVER_DIR_PREFIX, writeOwner } from './postgresCleanup.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'copydesk-reap-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function serverDir(name: string, options: { owner?: string; running?: boolean; ageMs?: number } = {}): string {
  const dir = join(root, `${SERVER_DIR_PREFIX}${name}`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  if (options.owner !== undefined) writeFileSync(join(dir, 'owner'), options.owner);
  if (options.running) writeFileSync(join(dir, 'data', 'postmaster.pid'), '1\n');
  if (options.ageMs) {
    const then = (Date.now() - options.ageMs) / 1000;
    utimesSync(dir, then, then);
  }
  return dir;
}

/** A pid that belonged to a process which has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('reapOrphans', () => {
  it('stops and removes a server whose owner process is gone, and keeps one whose owner runs', () => {
    const orphan = serverDir('orphan', { owner: `${deadPid()} 123\n`, running: true });
    const mine = serverDir('mine', { running: true });
    writeOwner(mine);
    const stopped: string[] = [];
    const reaped = reapOrphans(root, (data) => stopped.push(data));
    expect(reaped).toEqual([orphan]);
    expect(stopped).toEqual([join(orphan, 'data')]);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(mine)).toBe(true);
  });

  it('treats a reused pid (same pid, another start time) as gone', () => {
    const reused = serverDir('reused', { owner: `${process.pid} 1\n`, running: false });
    expect(reapOrphans(root, () => undefined)).toEqual([reused]);
  });

  it('leaves a folder of older code (no owner) alone while a server runs in it or while it is recent', () => {
    const runningLegacy = serverDir('legacy-running', { running: true, ageMs: 5 * 60 * 60 * 1000 });
    const recentLegacy = serverDir('legacy-recent');
    const oldLegacy = serverDir('legacy-old', { ageMs: 2 * 60 * 60 * 1000 });
    expect(reapOrphans(root, () => undefined)).toEqual([oldLegacy]);
    expect(existsSync(runningLegacy) && existsSync(recentLegacy)).toBe(true);
  });

  it('ignores folders that are not test servers', () => {
    const other = join(root, 'something-else');
    mkdirSync(other);
    writeFileSync(join(other, 'owner'), `${deadPid()} 1\n`);
    expect(reapOrphans(root, () => undefined)).toEqual([]);
    expect(existsSync(other)).toBe(true);
  });
});
