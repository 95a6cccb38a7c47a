import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../shared/editor/plainText.ts';
import { Archive } from '../archive.ts';
import { importPaths } from './importer.ts';
import { registerParser } from './parsers/registry.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import type { ImportFileResult } from './types.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const seedDir = resolve(repoRoot, '../shared/corpus/seed');

let dir: string;
let src: string;
let archive: Archive;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-import-'));
  src = join(dir, 'src');
  mkdirSync(src);
  archive = Archive.open(join(dir, 'archive.sqlite'));
});
afterEach(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Buffer) => {
  const path = join(src, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const byName = (files: ImportFileResult[], name: string) => files.find((f) => f.path.endsWith(`/${name}`) || f.path.endsWith(`/${name}#1`));
const count = (sql: string) => (archive.db.prepare(sql).get() as { n: number }).n;

describe('the seed web capture', () => {
  it.skipIf(!existsSync(seedDir))('imports with --timezone Asia/Seoul as the issue specifies', async () => {
    const report = await importPaths(archive, [seedDir], { timezone: 'Asia/Seoul' });
    expect(report).toMatchObject({ imported: 1, failed: 0, duplicates: 0, updated: 0 });
    const a = archive.getArticle(report.files[0]?.articleId as string);
    expect(a.headline).toBe("N. Korea's denuke is the only path available");
    expect(a.postedAt).toBe('2019-01-09T07:31:00+09:00');
    expect(a.updatedAt).toBe('2019-01-09T07:31:00+09:00');
    expect(a.source).toMatchObject({ timezoneAssumed: 'Asia/Seoul', encoding: 'UTF-8', format: 'newsroom' });
    expect(a.bodyText).not.toMatch(/Go to contents|\u00a0/u);
    expect(a.bodyText.startsWith('North Korean leader')).toBe(true);
    // The capture holds five text paragraphs after its Updated line (the issue text says six).
    expect(bodyToParagraphs(a.body).length).toBe(5);
    expect(archive.listRevisions(a.id).map((r) => r.reason)).toEqual(['import']);
    expect(archive.check().ok).toBe(true);
  });
  it.skipIf(existsSync(seedDir))('skipped: ../shared/corpus/seed is absent on this machine', () => {
    expect(existsSync(seedDir)).toBe(false);
  });
});

describe('never lose, never duplicate', () => {
  it('re-importing adds nothing; a changed file is updated with an import revision; originals kept', async () => {
    const a = write('a.txt', 'Alpha headline\n\nAlpha body.\n');
    write('b.txt', 'Beta headline\n\nBeta body.\n');
    const first = await importPaths(archive, [src], {});
    expect(first).toMatchObject({ imported: 2, duplicates: 0 });
    const again = await importPaths(archive, [src], {});
    expect(again).toMatchObject({ imported: 0, duplicates: 2, updated: 0, failed: 0 });
    expect(again.jobId).not.toBe(first.jobId);
    writeFileSync(a, 'Alpha headline, revised\n\nAlpha body, longer now.\n');
    const third = await importPaths(archive, [src], {});
    expect(third).toMatchObject({ imported: 0, updated: 1, duplicates: 1 });
    const id = byName(third.files, 'a.txt')?.articleId as string;
    expect(id).toBe(byName(first.files, 'a.txt')?.articleId);
    expect(archive.getArticle(id).headline).toBe('Alpha headline, revised');
    expect(archive.listRevisions(id).map((r) => r.reason)).toEqual(['import', 'import']);
    expect(count('SELECT count(*) AS n FROM articles')).toBe(2);
    expect(count('SELECT count(*) AS n FROM originals')).toBe(3);
    expect(archive.check().ok).toBe(true);
  });

  it('the same headline and body from another path is a duplicate unless keep-both', async () => {
    write('one/story.txt', 'Same story\n\nSame body.\n');
    write('two/story.txt', 'Same story\n\nSame body.\n');
    write('three/story.md', '# Same story\n\nSame   body.\n');
    const report = await importPaths(archive, [src], {});
    expect(report).toMatchObject({ imported: 1, duplicates: 2 });
    const at = (p: string) => report.files.find((f) => f.path === join(src, p));
    expect(at('two/story.txt')?.reason).toMatch(/identical file already imported/u);
    expect(at('three/story.md')?.reason).toMatch(/same headline and body/u);
    expect(new Set(report.files.map((f) => f.articleId)).size).toBe(1);

    const other = Archive.open(join(dir, 'other.sqlite'));
    const kept = await importPaths(other, [src], { onDuplicate: 'keep-both' });
    expect(kept).toMatchObject({ imported: 2, duplicates: 1 });
    other.close();
  });

  it('--no-originals stores no original bytes', async () => {
    write('a.txt', 'Headline\n\nBody.\n');
    await importPaths(archive, [src], { keepOriginals: false });
    expect(count('SELECT count(*) AS n FROM originals')).toBe(0);
    expect(count('SELECT count(*) AS n FROM articles')).toBe(1);
  });
});

describe('bad inputs fail with a specific reason and the import goes on', () => {
  it('binary, empty, whitespace-only, too large, symlinks out and in loops', async () => {
    write('good.txt', 'Good headline\n\nGood body.\n');
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    write('random.bin', Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 7919) % 256)));
    write('empty.txt', '');
    write('blank.txt', ' \n\t\n');
    write('big.txt', `Big\n\n${'x'.repeat(5000)}\n`);
    writeFileSync(join(dir, 'outside.txt'), 'Outside\n\nnot in the folder\n');
    symlinkSync(join(dir, 'outside.txt'), join(src, 'escape.txt'));
    symlinkSync(join(src, 'loop.txt'), join(src, 'loop.txt'));
    mkdirSync(join(src, 'sub'));
    symlinkSync(src, join(src, 'sub', 'up'));
    symlinkSync(join(src, 'good.txt'), join(src, 'inside-link.txt'));
    const report = await importPaths(archive, [src], { maxSizeBytes: 1000 });
    const reason = (name: string) => report.files.find((f) => f.path === join(src, name))?.reason;
    expect(reason('image.png')).toMatch(/binary.*PNG/u);
    expect(reason('random.bin')).toMatch(/^binary/u);
    expect(reason('empty.txt')).toBe('empty file');
    expect(reason('blank.txt')).toMatch(/only whitespace/u);
    expect(reason('big.txt')).toMatch(/too large: \d+ bytes/u);
    expect(reason('escape.txt')).toMatch(/outside the chosen folder/u);
    expect(reason('loop.txt')).toBe('symlink loop');
    expect(reason('sub/up')).toMatch(/symlink loop/u);
    expect(byName(report.files, 'good.txt')?.outcome).toBe('imported');
    expect(byName(report.files, 'inside-link.txt')?.outcome).toBe('duplicate');
    expect(report.failed).toBe(8);
    expect(archive.check().ok).toBe(true);
  });

  it('unreadable files are failed (EACCES, or EIO where we run as root)', async () => {
    if (process.getuid?.() === 0) {
      const report = await importPaths(archive, ['/proc/self/mem'], {});
      expect(report.files[0]).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^unreadable/u) });
    } else {
      const p = write('locked.txt', 'Locked\n\nbody\n');
      const { chmodSync } = await import('node:fs');
      chmodSync(p, 0o000);
      const report = await importPaths(archive, [src], {});
      expect(report.files[0]).toMatchObject({ outcome: 'failed', reason: 'unreadable: permission denied' });
    }
  });

  it('a file that vanishes mid-import is failed as vanished', async () => {
    // Files are read a chunk ahead of the writer: make b the first file of a later chunk.
    for (let i = 0; i < 40; i += 1) write(`a${String(i).padStart(2, '0')}.txt`, `A${i}\n\nbody a ${i}\n`);
    const b = write('b.txt', 'B\n\nbody b\n');
    const report = await importPaths(archive, [src], { onFile: (f) => (f.path.endsWith('a00.txt') ? unlinkSync(b) : undefined) });
    expect(byName(report.files, 'b.txt')).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^vanished/u) });
    expect(report.imported).toBe(40);
  });

  it('skips the archive file and its WAL when they sit inside the imported folder', async () => {
    write('a.txt', 'A\n\nbody\n');
    const inside = Archive.open(join(src, 'archive.sqlite'));
    const report = await importPaths(inside, [src], {});
    inside.close();
    expect(report.files.map((f) => f.path)).toEqual([join(src, 'a.txt')]);
  });

  it('a file that fails half-way leaves nothing behind (all or nothing per file)', async () => {
    // A container whose second record cannot be stored: the first must be rolled back with it.
    registerParser({
      name: 'half-bad',
      detect: (i) => (i.ext === 'halfbad' ? 1 : 0),
      parse: () => [
        { key: '1', fields: { headline: 'Fine record' }, body: bodyFromParagraphs(['ok']), flags: [], zoneAssumed: false },
        { key: '2', fields: { headline: 'Bad record', status: 'bogus' as never }, body: bodyFromParagraphs(['x']), flags: [], zoneAssumed: false },
      ],
    });
    write('box.halfbad', 'whatever\n');
    write('good.txt', 'Good\n\nbody\n');
    const report = await importPaths(archive, [src], {});
    expect(byName(report.files, 'box.halfbad')).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^internal error: Unknown status/u) });
    expect(report.imported).toBe(1);
    expect(count("SELECT count(*) AS n FROM articles WHERE headline = 'Fine record'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM originals')).toBe(1);
    expect(archive.check().ok).toBe(true);
  });

  it('a path that does not exist is failed as not found', async () => {
    const report = await importPaths(archive, [join(dir, 'no-such-folder')], {});
    expect(report.files).toEqual([expect.objectContaining({ outcome: 'failed', reason: 'not found: no such file or folder' })]);
  });

  it('rejects an unknown --encoding or zone before touching anything', async () => {
    write('a.txt', 'A\n\nbody\n');
    await expect(importPaths(archive, [src], { encoding: 'klingon-8' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(importPaths(archive, [src], { timezone: 'Nowhere/City' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(count('SELECT count(*) AS n FROM import_jobs')).toBe(0);
  });
});

describe('mixed folders, progress, cancel and resume', () => {
  it('imports a folder of mixed formats and encodings, recording encodings and flags', async () => {
    write('euc.txt', iconv.encode('국회 예산안 처리\n\n국회가 오늘 본회의를 열어 새해 예산안을 처리했다. 여야는 막판까지 진통을 겪었다.\n', 'euc-kr'));
    write('sjis.txt', iconv.encode('東京で大雪\n\n東京都心で今季初めての積雪を観測した。交通機関に乱れが出ている。\n', 'shift_jis'));
    write('page.html', '<html><head><title>Page</title></head><body><article><h1>Page headline</h1><p>Para.</p></article></body></html>');
    write('story.md', '---\ntitle: Markdown story\n---\nBody **bold**.\n');
    write('wire.sgm', '<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>ONE</TITLE><BODY>Body one.</BODY></TEXT></REUTERS>\n<REUTERS NEWID="2"><TEXT TYPE="BRIEF"><TITLE>TWO</TITLE></TEXT></REUTERS>');
    const seen: number[] = [];
    const report = await importPaths(archive, [src], { timezone: 'UTC', onProgress: (p) => seen.push(p.filesDone) });
    expect(report).toMatchObject({ imported: 6, failed: 0 });
    expect(byName(report.files, 'euc.txt')).toMatchObject({ encoding: 'EUC-KR' });
    expect(byName(report.files, 'sjis.txt')).toMatchObject({ encoding: 'Shift_JIS' });
    const wire = report.files.filter((f) => f.path.includes('wire.sgm#'));
    expect(wire.map((f) => f.path.split('#')[1])).toEqual(['1', '2']);
    expect(wire[1]?.flags).toContain('no-body');
    expect(archive.getArticle(byName(report.files, 'euc.txt')?.articleId as string).headline).toBe('국회 예산안 처리');
    expect(seen[seen.length - 1]).toBe(5);
    const again = await importPaths(archive, [src], { timezone: 'UTC' });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 6, failed: 0 });
    expect(count('SELECT count(*) AS n FROM articles')).toBe(6);
    expect(count('SELECT count(*) AS n FROM originals')).toBe(5);
  });

  it('cancel keeps what finished; running the same import again finishes the same job', async () => {
    for (let i = 0; i < 40; i += 1) write(`f${String(i).padStart(2, '0')}.txt`, `Headline ${i}\n\nBody number ${i}.\n`);
    const controller = new AbortController();
    let n = 0;
    const first = await importPaths(archive, [src], { signal: controller.signal, onFile: () => (++n === 15 ? controller.abort() : undefined) });
    expect(first.cancelled).toBe(true);
    expect(first.imported).toBeGreaterThanOrEqual(15);
    expect(first.imported).toBeLessThan(40);
    const second = await importPaths(archive, [src], {});
    expect(second.jobId).toBe(first.jobId);
    expect(second).toMatchObject({ imported: 40, duplicates: 0, cancelled: false });
    expect(count('SELECT count(*) AS n FROM articles')).toBe(40);
    expect(count('SELECT count(DISTINCT source_path) AS n FROM articles')).toBe(40);
    expect((archive.db.prepare('SELECT state FROM import_jobs WHERE id = ?').get(first.jobId) as { state: string }).state).toBe('done');
  });
});
