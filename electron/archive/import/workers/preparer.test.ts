// The worker pipeline must change speed, never results: the same folder
// imported with prepare workers and on one thread gives the same outcomes,
// encodings and stored content, including when a worker dies.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../archive.ts';
import { importPaths } from '../importer.ts';
import type { ImportOptions, ImportReport } from '../types.ts';
import { walkPaths } from '../walk.ts';
import { STOPPED, WorkerPreparer } from './preparer.ts';
import { sourcePrepareWorkers } from './spawn.ts';

let dir: string;
let src: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-prepare-'));
  src = join(dir, 'src');
  mkdirSync(src);
  const write = (name: string, content: string | Buffer) => writeFileSync(join(src, name), content);
  for (let i = 0; i < 240; i += 1) {
    const n = String(i).padStart(3, '0');
    if (i % 10 === 0) write(`${n}.md`, `---\ntitle: Markdown ${i}\ntags: [a, b]\n---\n\nSome *text* ${i}.\n`);
    else if (i % 10 === 1) write(`${n}.txt`, iconv.encode(`Café ${i}\n\nCrème brûlée, naïve façade ${i}.\n`, 'windows-1252'));
    else if (i % 10 === 2) write(`${n}.txt`, iconv.encode(`한국어 기사 ${i}\n\n서울에서 열린 회의 ${i}.\n`, 'euc-kr'));
    else if (i % 10 === 3) write(`${n}.html`, `<html><head><title>Page ${i}</title></head><body><article><h1>Page ${i}</h1><p>Hello <b>${i}</b></p></article></body></html>`);
    else if (i % 10 === 4) write(`${n}.bin`, Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    else if (i % 10 === 5) write(`${n}.txt`, 'Same story\n\nThe same body in many files.\n');
    else write(`${n}.txt`, `Headline ${i}\n\nBody ${i}.\n\nSecond paragraph ${i}.\n`);
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, options: ImportOptions = {}): Promise<{ first: ImportReport; again: ImportReport; stored: unknown[] }> {
  const archive = Archive.open(join(dir, `${name}.sqlite`));
  try {
    const first = await importPaths(archive, [src], { timezone: 'UTC', ...options });
    const again = await importPaths(archive, [src], { timezone: 'UTC', ...options });
    const stored = archive.db
      .prepare(
        `SELECT a.source_path, a.headline, a.content_hash, a.source_encoding, b.hash AS body_hash, length(o.data) > 0 AS original
         FROM articles a JOIN bodies b ON b.id = a.body_id LEFT JOIN originals o ON o.sha256 = a.source_sha256 ORDER BY a.source_path`,
      )
      .all();
    expect(archive.check().ok).toBe(true);
    return { first, again, stored };
  } finally {
    archive.close();
  }
}

const outcomes = (r: ImportReport) => r.files.map((f) => [f.path, f.outcome, f.reason, f.encoding, f.articleId === null]);

describe('prepare workers', () => {
  it('give the same outcomes and stored content as one thread', async () => {
    const inline = await run('inline');
    // Count the workers' answers, so a silent fallback to this thread cannot pass as the worker path.
    let replies = 0;
    const base = sourcePrepareWorkers(2);
    const counted = { count: 2, spawn: () => base.spawn().on('message', () => (replies += 1)) };
    const workers = await run('workers', { prepareWorkers: counted });
    expect(replies).toBe(2 * Math.ceil(240 / 32)); // every chunk, first import and re-import
    expect(inline.first.imported).toBeGreaterThan(150);
    expect(inline.first.failed).toBe(24); // the binary files
    expect(inline.first.duplicates).toBe(23); // 24 copies of one story: the first is imported
    expect(outcomes(workers.first)).toEqual(outcomes(inline.first));
    expect(workers.stored).toEqual(inline.stored);
    expect(workers.again.duplicates).toBe(inline.again.duplicates);
    expect(workers.again.imported).toBe(0);
  }, 60_000);

  it('fall back to this thread when a worker dies, losing nothing', async () => {
    const inline = await run('inline');
    // A "worker" that exits at once: every batch sent to it is rejected and redone here.
    const dying = { count: 2, spawn: () => new Worker('process.exit(3)', { eval: true }) };
    const fallback = await run('dying', { prepareWorkers: dying });
    expect(outcomes(fallback.first)).toEqual(outcomes(inline.first));
    expect(fallback.stored).toEqual(inline.stored);
  }, 60_000);

  it('stop between files when closed and exit on their own, never terminated in the middle of a file', async () => {
    // terminate() part way through a file can abort the whole process (a half-made Brotli stream).
    // A worker that heard "stop" answers its chunk with STOPPED and then exits cleanly; a terminated
    // one never answers, and its chunk fails with "prepare worker exited".
    const codes: number[] = [];
    const base = sourcePrepareWorkers(1);
    const preparer = new WorkerPreparer({ count: 1, spawn: () => base.spawn().on('exit', (code) => codes.push(code)) });
    const requests = walkPaths([src]).map((entry) => ({ entry, knownSha256: null }));
    const chunk = preparer.prepare(requests, { timezone: 'UTC', encoding: null, maxSizeBytes: 1 << 20, keepOriginals: true });
    const settled = chunk.then(
      () => 'prepared',
      (error: Error) => error.message,
    );
    await preparer.close();
    expect(codes).toEqual([0]);
    // Closed before the worker could prepare 240 files: the chunk ends early, and says why.
    expect(await settled).toBe(STOPPED);
  }, 60_000);

  it('terminate a worker that is still busy after the grace period', async () => {
    const codes: number[] = [];
    // A thread stuck in one file: it never reads another message.
    const stuck = `require('node:worker_threads').parentPort.on('message', () => { const end = Date.now() + 60000; while (Date.now() < end); });`;
    const preparer = new WorkerPreparer({ count: 1, spawn: () => new Worker(stuck, { eval: true }).on('exit', (code) => codes.push(code)) }, 300);
    const started = Date.now();
    await preparer.close();
    expect(codes).toEqual([1]);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
