// The worker side of the app's export: one file to a dialog's path, a batch
// with progress, a search's ids; each export leaves an `export` revision.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { exportOps } from './exportOps.ts';
import { previewOf } from '../ipc/export.ts';

let t: TempArchive;
let ids: string[];

beforeEach(() => {
  t = tempArchive();
  ids = [1, 2, 3].map((i) => t.archive.createArticle({ headline: `Ferry story ${i}`, slug: `ferry-${i}`, body: bodyFromParagraphs([`Ferry text ${i} <b>bold?</b>`]) }).id);
});
afterEach(() => t.cleanup());

describe('export worker ops', () => {
  it('writes one article to the given path and records an export revision without a new version', () => {
    const before = t.archive.getArticle(ids[0] ?? '');
    const path = join(t.dir, 'chosen.md');
    const out = exportOps.exportToFile(t.archive, { id: ids[0], format: 'md', path });
    expect(readFileSync(path, 'utf8')).toContain('Ferry text 1');
    expect(out.bytes).toBe(readFileSync(path).length);
    const marks = t.archive.listRevisions(ids[0] ?? '').filter((r) => r.reason === 'export');
    expect(marks.map((r) => r.name)).toEqual(['export md: chosen.md']);
    expect(t.archive.getArticle(ids[0] ?? '').version).toBe(before.version);
  });

  it('refuses an unknown format and a missing path', () => {
    expect(() => exportOps.exportToFile(t.archive, { id: ids[0], format: 'exe', path: join(t.dir, 'x') })).toThrow(/format/);
    expect(() => exportOps.exportToFile(t.archive, { id: ids[0], format: 'html' })).toThrow(/path/);
  });

  it('exports a batch with a manifest and reports progress up to the total', () => {
    const seen: Array<{ done: number; total: number }> = [];
    const outDir = join(t.dir, 'batch');
    const report = exportOps.exportBatch(t.archive, { ids, outDir, format: 'html' }, (p) => seen.push(p as { done: number; total: number }));
    expect(report.exported).toBe(3);
    expect(existsSync(join(outDir, 'manifest.json'))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ done: 3, total: 3 });
  });

  it('finds every hit of a search', () => {
    expect(new Set(exportOps.exportQueryIds(t.archive, { query: 'ferry' }).ids)).toEqual(new Set(ids));
    expect(exportOps.exportQueryIds(t.archive, { query: 'nothingmatches' }).ids).toEqual([]);
  });

  it('previews sanitized HTML: escaped text, a fragment and its plain text', () => {
    const preview = previewOf(t.archive, ids[1] ?? '');
    expect(preview.document).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(preview.fragment).toBe('<p>Ferry text 2 &lt;b&gt;bold?&lt;/b&gt;</p>\n');
    expect(preview.text).toBe('Ferry text 2 <b>bold?</b>');
    expect(preview.stem).toMatch(/ferry-2$/);
  });

  it('refuses killed, withheld and (unless confirmed) embargoed articles: one file with the refused code, a batch with per-file failures', () => {
    const killed = t.archive.createArticle({ headline: 'Killed ferry story', status: 'killed' }).id;
    const embargoed = t.archive.createArticle({ headline: 'Embargoed ferry story', embargoedUntil: '2099-01-01T00:00:00Z' }).id;
    const path = join(t.dir, 'refused.html');
    expect(() => exportOps.exportToFile(t.archive, { id: killed, format: 'html', path })).toThrow(expect.objectContaining({ code: 'refused' }));
    expect(() => exportOps.exportToFile(t.archive, { id: embargoed, format: 'html', path })).toThrow(/embargoed until 2099-01-01T00:00:00Z/);
    expect(existsSync(path)).toBe(false);
    expect(() => exportOps.exportToFile(t.archive, { id: killed, format: 'html', path, ignoreEmbargo: true })).toThrow(/killed/);
    exportOps.exportToFile(t.archive, { id: embargoed, format: 'html', path, ignoreEmbargo: true });
    expect(existsSync(path)).toBe(true);

    expect(previewOf(t.archive, killed).refusal).toMatchObject({ code: 'killed' });
    expect(previewOf(t.archive, embargoed).refusal).toEqual({
      code: 'embargoed',
      reason: 'embargoed until 2099-01-01T00:00:00Z (2099-01-01T00:00:00Z)',
      embargoedUntil: '2099-01-01T00:00:00Z',
    });
    expect(previewOf(t.archive, ids[0] ?? '').refusal).toBeNull();

    const batch = (dir: string, ignoreEmbargo?: boolean) =>
      exportOps.exportBatch(t.archive, { ids: [killed, embargoed, ids[0]], outDir: join(t.dir, dir), format: 'txt', ...(ignoreEmbargo ? { ignoreEmbargo } : {}) });
    expect(batch('b1').files.map((f) => f.code)).toEqual(['killed', 'embargoed', null]);
    expect(batch('b2', true).files.map((f) => f.code)).toEqual(['killed', null, null]);
  });

  it('points the preview’s links at a new window (refused by the frame’s sandbox), and only the preview’s', () => {
    const preview = previewOf(t.archive, ids[1] ?? '');
    expect(preview.document.match(/<base\b[^>]*>/g)).toEqual(['<base target="_blank" />']);
    expect(preview.document.indexOf('<base')).toBeLessThan(preview.document.indexOf('<body'));
    const exported = exportOps.exportToFile(t.archive, { id: ids[1] ?? '', format: 'html', path: join(t.dir, 'x.html') });
    expect(readFileSync(join(t.dir, 'x.html'), 'utf8')).not.toContain('<base');
    expect(exported.path).toBe(join(t.dir, 'x.html'));
  });
});
