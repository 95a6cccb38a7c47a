// Crash safety end to end: SIGKILL the real CLI at random points of a
// 2,000-file import, then run the same import again. The archive must pass
// `check`, and hold exactly one article per source file, in one finished job.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const bin = join(repoRoot, 'bin/copydesk.mjs');
const FILES = 2000;
const WORDS = 'the council budget vote mayor city school road water power rate bank market court police storm health'.split(' ');

let dir: string;
let src: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-kill-'));
  src = join(dir, 'src');
  for (let i = 0; i < FILES; i += 1) {
    const folder = join(src, `d${Math.floor(i / 200)}`);
    if (i % 200 === 0) mkdirSync(folder, { recursive: true });
    const words = Array.from({ length: 120 }, (_, j) => WORDS[(i * 7 + j * 13) % WORDS.length]).join(' ');
    writeFileSync(join(folder, `story-${i}.txt`), `Story ${i} headline\n\nToken k${i}x ${words}.\n\nSecond paragraph ${i}.\n`);
  }
  db = join(dir, 'archive.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settledCount(): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM import_files').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being made
  }
}

/** Start an import and SIGKILL it once at least `after` files are recorded. Resolves with the count at the kill. */
function importAndKill(after: number): Promise<{ killed: boolean; at: number }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [bin, 'import', '--db', db, src, '--json'], { stdio: 'ignore' });
    let done = false;
    const timer = setInterval(() => {
      const n = settledCount();
      if (n >= after && !done) {
        done = true;
        clearInterval(timer);
        child.kill('SIGKILL');
        resolveRun({ killed: true, at: n });
      }
    }, 15);
    child.on('exit', () => {
      clearInterval(timer);
      if (!done) {
        done = true;
        resolveRun({ killed: false, at: settledCount() });
      }
    });
    child.on('error', reject);
  });
}

describe('kill -9 during an import, then resume', () => {
  it('leaves a sound archive and finishes with exactly one article per source', async () => {
    const kills: number[] = [];
    let floor = 0;
    for (let round = 0; round < 3; round += 1) {
      const target = floor + 100 + Math.floor(Math.random() * 450);
      const run = await importAndKill(target);
      if (!run.killed) break;
      kills.push(run.at);
      floor = run.at;
      // Between kills the archive must already be sound.
      expect(spawnSync(process.execPath, [bin, 'check', '--db', db, '--json'], { encoding: 'utf8' }).status, `after kill at ${run.at}`).toBe(0);
    }
    console.log(`killed at ${kills.join(', ')} settled files`);
    expect(kills.length).toBeGreaterThan(0);

    const final = spawnSync(process.execPath, [bin, 'import', '--db', db, src, '--json'], { encoding: 'utf8' });
    expect(final.status, final.stderr).toBe(0);
    const report = JSON.parse(final.stdout) as { jobId: number; imported: number; duplicates: number; failed: number; files: unknown[] };
    expect(report).toMatchObject({ imported: FILES, duplicates: 0, failed: 0 });
    expect(report.files).toHaveLength(FILES);

    const conn = new Database(db, { readonly: true });
    const one = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    expect(one('SELECT count(*) AS n FROM articles')).toBe(FILES);
    expect(one('SELECT count(DISTINCT source_path) AS n FROM articles')).toBe(FILES);
    expect(one('SELECT count(*) AS n FROM revisions')).toBe(FILES);
    expect(one('SELECT count(*) AS n FROM import_jobs')).toBe(1);
    expect(one("SELECT count(*) AS n FROM import_jobs WHERE state = 'done'")).toBe(1);
    conn.close();
    expect(spawnSync(process.execPath, [bin, 'check', '--db', db], { encoding: 'utf8' }).status).toBe(0);
  });
});
