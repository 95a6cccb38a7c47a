import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as b from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { auditHtml } from './audit.ts';
import { exportArticles } from './exporter.ts';
import { fileStem, pathInside } from './names.ts';
import type { ExportManifest } from './types.ts';

let dir: string;
let archive: Archive;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-export-'));
  archive = Archive.open(join(dir, 'archive.sqlite'));
  out = join(dir, 'out');
});
afterEach(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

function add(headline: string, extra: Record<string, unknown> = {}) {
  return archive.createArticle({
    headline,
    dek: 'A dek',
    byline: 'By Jane Doe',
    postedAt: '2024-03-05T09:15:00+00:00',
    body: b.bodyFromParagraphs(['First paragraph.', 'Second <b>paragraph</b>.']),
    ...extra,
  });
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const manifest = () => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ExportManifest;

describe('exportArticles', () => {
  it('writes one clean file per article and a manifest whose hashes match the bytes', () => {
    const a = add('Harbour reopens');
    const c = add('Council votes', { slug: 'council-vote' });
    const report = exportArticles(archive, [a.id, c.id], { outDir: out, format: 'html' });
    expect(report.exported).toBe(2);
    expect(report.failed).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2024-03-05-council-vote.html', '2024-03-05-harbour-reopens.html', 'manifest.json']);
    const m = manifest();
    expect(m.count).toBe(2);
    for (const entry of m.articles) {
      expect(sha(join(out, entry.file))).toBe(entry.sha256);
      const html = readFileSync(join(out, entry.file), 'utf8');
      expect(auditHtml(html, { allowJsonLd: true }).problems).toEqual([]);
    }
    expect(m.articles.map((e) => e.headline)).toEqual(['Harbour reopens', 'Council votes']);
  });

  it('gives each format its extension and keeps names unique when slugs and dates collide', () => {
    const ids = [add('Same story').id, add('Same story').id, add('SAME STORY').id];
    for (const [format, ext] of [['fragment', 'html'], ['md', 'md'], ['txt', 'txt']] as const) {
      const report = exportArticles(archive, ids, { outDir: join(out, format), format, recordRevisions: false });
      expect(report.files.map((f) => f.file)).toEqual([`2024-03-05-same-story.${ext}`, `2024-03-05-same-story-2.${ext}`, `2024-03-05-same-story-3.${ext}`]);
    }
  });

  it('never overwrites without overwrite: an existing file fails that article, an existing manifest refuses the run', () => {
    const a = add('Harbour reopens');
    const c = add('Other story');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '2024-03-05-harbour-reopens.html'), 'precious');
    const report = exportArticles(archive, [a.id, c.id], { outDir: out, format: 'html' });
    expect(report.files[0]).toMatchObject({ outcome: 'failed', code: 'exists', file: null });
    expect(report.files[1]).toMatchObject({ outcome: 'exported' });
    expect(readFileSync(join(out, '2024-03-05-harbour-reopens.html'), 'utf8')).toBe('precious');
    expect(() => exportArticles(archive, [a.id], { outDir: out, format: 'html' })).toThrow(/already holds an export/);

    const again = exportArticles(archive, [a.id, c.id], { outDir: out, format: 'html', overwrite: true });
    expect(again.exported).toBe(2);
    expect(readFileSync(join(out, '2024-03-05-harbour-reopens.html'), 'utf8')).toContain('<h1>Harbour reopens</h1>');
  });

  it('replaces a symlink planted at the target instead of writing through it', () => {
    const a = add('Harbour reopens');
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'outside');
    mkdirSync(out, { recursive: true });
    symlinkSync(outside, join(out, '2024-03-05-harbour-reopens.html'));
    const noOverwrite = exportArticles(archive, [a.id], { outDir: out, format: 'html' });
    expect(noOverwrite.files[0]?.code).toBe('exists');
    rmSync(join(out, 'manifest.json'));
    exportArticles(archive, [a.id], { outDir: out, format: 'html', overwrite: true });
    expect(readFileSync(outside, 'utf8')).toBe('outside');
    expect(lstatSync(join(out, '2024-03-05-harbour-reopens.html')).isSymbolicLink()).toBe(false);
  });

  it('keeps hostile slugs and headlines inside the folder', () => {
    const ids = ['../../etc/passwd', '..', '/abs/path', 'CON', 'a\\..\\b', '.hidden', '\u0000nul'].map((slug) => add(slug, { slug }).id);
    const report = exportArticles(archive, ids, { outDir: out, format: 'txt', recordRevisions: false });
    expect(report.exported).toBe(ids.length);
    for (const f of report.files) {
      expect(f.file).toMatch(/^2024-03-05-[\p{L}\p{N}-]+\.txt$/u);
      expect(existsSync(join(out, f.file ?? 'missing'))).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['archive.sqlite', 'archive.sqlite-shm', 'archive.sqlite-wal', 'out'].filter((n) => existsSync(join(dir, n))));
    expect(() => pathInside(out, '../x.html')).toThrow();
    expect(() => pathInside(out, 'a/b.html')).toThrow();
    expect(fileStem({ slug: '', headline: '', postedAt: null })).toBe('undated-article');
    expect(Buffer.byteLength(fileStem({ slug: '항'.repeat(200), headline: '', postedAt: '2024-01-01' }))).toBeLessThanOrEqual(160);
  });

  it('records an export revision without changing the article version', () => {
    const a = add('Harbour reopens');
    const report = exportArticles(archive, [a.id], { outDir: out, format: 'md' });
    const revs = archive.listRevisions(a.id);
    expect(revs.map((r) => r.reason)).toEqual(['save', 'export']);
    expect(revs[1]).toMatchObject({ version: a.version, name: 'export md: 2024-03-05-harbour-reopens.md' });
    expect(report.files[0]?.revisionId).toBe(revs[1]?.id);
    const after = archive.getArticle(a.id);
    expect(after.version).toBe(a.version);
    expect(after.modifiedAt).toBe(a.modifiedAt);
    // An editor holding the article open can still save on its version.
    expect(() => archive.save({ id: a.id, baseVersion: a.version, fields: { dek: 'new' } })).not.toThrow();
  });

  it('reports unknown ids as failed and exports the rest; duplicates once', () => {
    const a = add('Harbour reopens');
    const report = exportArticles(archive, ['missing', a.id, a.id], { outDir: out, format: 'txt' });
    expect(report.files.map((f) => [f.id, f.outcome, f.code])).toEqual([
      ['missing', 'failed', 'not-found'],
      [a.id, 'exported', null],
    ]);
    expect(manifest().articles.map((e) => e.id)).toEqual([a.id]);
  });

  it('reports progress and every file', () => {
    const ids = [add('One').id, add('Two').id];
    const progress: number[] = [];
    const seen: string[] = [];
    exportArticles(archive, ids, { outDir: out, format: 'txt', onProgress: (p) => progress.push(p.done), onFile: (f) => seen.push(f.id) });
    expect(progress).toEqual([1, 2]);
    expect(seen).toEqual(ids);
  });
});
