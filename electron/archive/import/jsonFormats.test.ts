// End to end through importPaths into a temporary archive: the real ninjs and
// dpa digitalwires folders (read at run time), and JSON that must fail.
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR, type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { importPaths } from './importer.ts';
import { markupLeaks } from './testing/leaks.ts';

const NINJS = join(CORPUS_DIR, 'interchange/ninjs');
const DW = join(CORPUS_DIR, 'interchange/dpa-digitalwires-json');
const present = existsSync(NINJS) && existsSync(DW);
if (!present) console.warn(`skipped: JSON import end to end needs ${NINJS} and ${DW}`);

let t: TempArchive;
beforeEach(() => {
  t = tempArchive();
});
afterEach(() => t.cleanup());

describe.skipIf(!present)('importing the JSON interchange folders', () => {
  it('every ninjs and digitalwires file comes in as its article, with identity, metadata and no markup', async () => {
    const src = join(t.dir, 'in');
    mkdirSync(src);
    cpSync(NINJS, join(src, 'ninjs'), { recursive: true });
    cpSync(DW, join(src, 'dw'), { recursive: true });
    const report = await importPaths(t.archive, [src], { timezone: 'UTC' });
    const total = readdirSync(NINJS).length + readdirSync(DW).length;
    expect(report.failed).toBe(0);
    // IPTC's examples repeat dpa's fact check in ninjs 2.1 and 3.0: the same item in the same version.
    // Its 1.4 and 3.1 examples share one uri and state no version: the later file is a re-send of that
    // item with changes, a new revision of its article (identity rules, storeItem.ts).
    expect(report.imported + report.duplicates + report.updated).toBe(total);
    expect(report.files.filter((f) => f.outcome === 'duplicate').map((f) => f.path.split('/').pop())).toEqual(['iptc-3.0-dpa_text.json']);
    expect(report.files.filter((f) => f.outcome === 'updated').map((f) => f.path.split('/').pop())).toEqual(['iptc-3.1-005_complex_text_article.json']);
    for (const file of report.files) {
      expect(['imported', 'duplicate', 'updated']).toContain(file.outcome);
      const article = t.archive.getArticle(file.articleId ?? '');
      expect(markupLeaks({ fields: article, body: article.body })).toEqual([]);
      expect(article.headline).not.toBe('');
      expect(article.source.itemId).not.toBeNull();
      expect(article.source.format).toBe(file.path.includes('/dw/') ? 'dpa-digitalwires' : 'ninjs');
    }
    const bbc = report.files.find((f) => f.path.endsWith('superdesk-bbc-ninjs-text-test.json#1234'));
    expect(bbc?.outcome).toBe('imported');
    const embargoed = t.archive.getArticle(report.files.find((f) => f.path.endsWith('dw/embargoed.json'))?.articleId ?? '');
    expect(embargoed).toMatchObject({ embargoedUntil: '2025-01-23T19:00:00+01:00', provider: 'dpa', dateline: 'Berlin (dpa)', source: { itemProvider: 'dpa', itemId: 'urn:newsml:dpa.com:20090101:250123-930-353124', itemVersion: 1 } });
  });
});

describe('JSON that is not news fails, naming what it is', () => {
  it('a package.json, GeoJSON, malformed JSON and a picture-only ninjs item each fail with a reason; nothing is imported as text', async () => {
    const src = join(t.dir, 'in');
    mkdirSync(src);
    writeFileSync(join(src, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0', scripts: {} }));
    writeFileSync(join(src, 'map.json'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
    writeFileSync(join(src, 'broken.json'), '{"uri": "urn:x", "headline": "Half a file",');
    writeFileSync(join(src, 'photo.json'), JSON.stringify({ uri: 'urn:pic', type: 'picture', headline: 'A photo', versioncreated: '2024-01-01T00:00:00Z' }));
    const report = await importPaths(t.archive, [src], { timezone: 'UTC' });
    expect(report.imported).toBe(0);
    expect(Object.fromEntries(report.files.map((f) => [f.path.slice(src.length + 1), [f.outcome, f.reason]]))).toEqual({
      'broken.json': ['failed', 'could not read as json: malformed JSON: property name expected at line 1, column 44'],
      'map.json': ['failed', 'could not read as json: unrecognized JSON (GeoJSON): an object with keys "type", "features"'],
      'package.json': ['failed', 'could not read as json: unrecognized JSON (an npm package manifest): an object with keys "name", "version", "scripts"'],
      'photo.json': ['failed', 'could not read as ninjs: ninjs item urn:pic is a picture item: Copydesk imports text items only'],
    });
  });
});
