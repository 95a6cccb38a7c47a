import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { sha256Hex } from '../db/hash.ts';
import { tempDir } from '../testing/tempArchive.ts';
import { readHeader } from './header.ts';
import { salvageArchive } from './salvage.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function sample(n: number): { dir: string; path: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'archive.sqlite');
  const archive = Archive.open(path);
  for (let i = 0; i < n; i += 1) archive.createArticle({ headline: `Story ${i}`, body: bodyFromParagraphs([`Body of story ${i} `.repeat(40)]) });
  archive.close();
  return { dir: t.dir, path };
}

function patch(path: string, offset: number, bytes: number[]): void {
  const buf = readFileSync(path);
  Buffer.from(bytes).copy(buf, offset);
  writeFileSync(path, buf);
}

describe('opening damaged files', () => {
  it('explains a damaged header as corrupt, offers the ways out, and changes nothing', () => {
    const { path } = sample(5);
    patch(path, 2, [0x00]);
    const before = sha256Hex(readFileSync(path));
    expect(() => Archive.open(path)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/restore-backup.*salvage.*read-only/s) }));
    expect(sha256Hex(readFileSync(path))).toBe(before);
  });

  it('refuses a 0-byte file instead of starting a new archive over it', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'archive.sqlite');
    writeFileSync(path, '');
    expect(() => Archive.open(path)).toThrow(expect.objectContaining({ code: 'corrupt' }));
    expect(readFileSync(path).length).toBe(0);
  });

  it('sees a truncated file from its header', () => {
    const { path } = sample(30);
    const buf = readFileSync(path);
    writeFileSync(path, buf.subarray(0, 4096 * 2));
    expect(readHeader(path).headerPages).toBeGreaterThan(2);
    expect(() => Archive.open(path)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/truncated/) }));
  });
});

describe('salvage', () => {
  it('copies every article of a file with a damaged header into a new archive, leaving the original as it was', () => {
    const { dir, path } = sample(40);
    patch(path, 0, [0x73, 0x71]);
    const before = sha256Hex(readFileSync(path));
    const dest = join(dir, 'salvaged.sqlite');
    const report = salvageArchive(path, dest);
    expect(report.articles).toBe(40);
    expect(report.check.ok).toBe(true);
    expect(report.repairs.join(' ')).toMatch(/header rewritten/);
    expect(sha256Hex(readFileSync(path))).toBe(before);
    const salvaged = Archive.open(dest);
    expect(salvaged.search('story').total).toBe(40);
    salvaged.close();
  });

  it('skips an unreadable page and keeps the rest', () => {
    const { dir, path } = sample(200);
    const buf = readFileSync(path);
    const pages = buf.length / 4096;
    // Wipe a run of pages in the middle of the file.
    buf.fill(0xa5, Math.floor(pages / 2) * 4096, (Math.floor(pages / 2) + 3) * 4096);
    writeFileSync(path, buf);
    const report = salvageArchive(path, join(dir, 'out.sqlite'));
    expect(report.check.ok).toBe(true);
    expect(report.articles).toBeGreaterThan(100);
    expect(report.articles).toBeLessThanOrEqual(200);
  });

  it('never writes over an existing file', () => {
    const { dir, path } = sample(1);
    const dest = join(dir, 'taken.sqlite');
    writeFileSync(dest, 'mine');
    expect(() => salvageArchive(path, dest)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(readFileSync(dest, 'utf8')).toBe('mine');
  });
});
