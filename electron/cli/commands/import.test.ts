import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../run.ts';

let dir: string;
let src: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-import-'));
  src = join(dir, 'src');
  mkdirSync(src);
  db = join(dir, 'a.sqlite');
  writeFileSync(join(src, 'a.txt'), 'Alpha headline\n\nAlpha body.\n');
  writeFileSync(join(src, 'b.txt'), 'Beta headline\n\nBeta body.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('copydesk import', () => {
  it('prints the JSON shape of the foundation issue and exits 0', async () => {
    const r = await cli('import', src, '--db', db, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown> & { files: Array<Record<string, unknown>> };
    expect(json).toMatchObject({ imported: 2, updated: 0, duplicates: 0, failed: 0 });
    expect(json.files[0]).toEqual(expect.objectContaining({ path: join(src, 'a.txt'), outcome: 'imported', articleId: expect.any(String), reason: null }));
  });

  it('--workers: N prepare threads or 0 give the same report; a bad value is a usage error', async () => {
    for (let i = 0; i < 250; i += 1) writeFileSync(join(src, `n${i}.txt`), `Story ${i}\n\nBody ${i}.\n`);
    const threaded = await cli('import', src, '--db', db, '--json', '--workers', '2');
    const single = await cli('import', src, '--db', join(dir, 'single.sqlite'), '--json', '--workers', '0');
    expect(threaded.code).toBe(0);
    const outcomes = (r: { out: string }) => (JSON.parse(r.out) as { files: Array<{ path: string; outcome: string }> }).files.map((f) => `${f.path}:${f.outcome}`);
    expect(outcomes(threaded)).toHaveLength(252);
    expect(outcomes(threaded)).toEqual(outcomes(single));
    const bad = await cli('import', src, '--db', db, '--workers', 'many');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--workers takes a number/u);
  }, 60_000);

  it('exits 2 when a file failed, and says why on stderr', async () => {
    writeFileSync(join(src, 'empty.txt'), '');
    const r = await cli('import', src, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`failed: ${join(src, 'empty.txt')}: empty file`);
    expect(r.out).toMatch(/^2 imported, 0 updated, 0 duplicates, 1 failed — job 1$/u);
  });

  it('writes the report as CSV or JSON and refuses other extensions before importing', async () => {
    writeFileSync(join(src, 'q.txt'), '=SUM(A1)\n\nformula-looking headline\n');
    const csv = join(dir, 'r.csv');
    expect((await cli('import', src, '--db', db, '--report', csv)).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('path,outcome,articleId,encoding,confidence,reason,flags');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/a\.txt,imported,[0-9a-f-]{36},UTF-8,1,,$/u);
    const json = join(dir, 'r.json');
    expect((await cli('import', src, '--db', db, '--report', json)).code).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as Array<{ outcome: string }>).map((f) => f.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const bad = await cli('import', src, '--db', db, '--report', join(dir, 'r.txt'));
    expect(bad).toMatchObject({ code: 1, err: 'copydesk: --report must end in .csv or .json.' });
  });

  it('hidden files and folders are skipped, counted and listed, and alone never make exit 2', async () => {
    writeFileSync(join(src, '.DS_Store'), 'Bud1');
    mkdirSync(join(src, '.git'));
    writeFileSync(join(src, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const r = await cli('import', src, '--db', db, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { skipped: number; failed: number; files: Array<{ path: string; outcome: string; reason: string }> };
    expect(json).toMatchObject({ imported: 2, failed: 0, skipped: 2 });
    expect(json.files.filter((f) => f.outcome === 'skipped')).toEqual([
      expect.objectContaining({ path: join(src, '.DS_Store'), reason: 'hidden file', articleId: null }),
      expect.objectContaining({ path: join(src, '.git'), reason: 'hidden folder: nothing inside it is imported' }),
    ]);
    const text = await cli('import', src, '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^0 imported, 0 updated, 2 duplicates, 0 failed, 2 skipped \(hidden\) — job 2$/u);
    const jobs = JSON.parse((await cli('imports', '--db', db, '--json')).out) as { jobs: Array<{ skipped: number; files: number }> };
    expect(jobs.jobs.map((j) => [j.skipped, j.files])).toEqual([
      [2, 4],
      [2, 4],
    ]);
    expect((await cli('imports', '1', '--db', db)).out).toContain(`skipped   ${join(src, '.DS_Store')} — hidden file`);
  });

  it('refuses bad options with exit 1 and one line', async () => {
    expect((await cli('import', src, '--db', db, '--timezone', 'Nowhere/City')).code).toBe(1);
    expect((await cli('import', src, '--db', db, '--encoding', 'klingon')).code).toBe(1);
    expect((await cli('import', src, '--db', db, '--on-duplicate', 'merge')).code).toBe(1);
    expect((await cli('import', src, '--db', db, '--max-size', '10MB')).code).toBe(1);
  });
});

describe('copydesk imports', () => {
  it('lists jobs and shows one with its files', async () => {
    await cli('import', src, '--db', db);
    await cli('import', src, '--db', db);
    const list = await cli('imports', '--db', db, '--json');
    const jobs = (JSON.parse(list.out) as { jobs: Array<{ id: number; state: string; imported: number; duplicates: number }> }).jobs;
    expect(jobs.map((j) => [j.id, j.state, j.imported, j.duplicates])).toEqual([
      [2, 'done', 0, 2],
      [1, 'done', 2, 0],
    ]);
    const one = await cli('imports', '1', '--db', db, '--json');
    expect(JSON.parse(one.out)).toMatchObject({ id: 1, roots: [src], files: [{ outcome: 'imported' }, { outcome: 'imported' }] });
    const text = await cli('imports', '1', '--db', db);
    expect(text.out).toContain(`imported  ${join(src, 'a.txt')} [UTF-8]`);
    expect((await cli('imports', '9', '--db', db)).code).toBe(1);
    expect((await cli('imports', 'x', '--db', db)).code).toBe(1);
  });
});
