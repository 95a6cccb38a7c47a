// The interchange exporters on real copy, not only on our own fixtures: every
// article the real wire and feed files of ../shared/corpus/interchange/ import
// as, and the 801 published XSS payloads of ../shared/corpus/xss-vectors/
// imported as HTML pages, exported as NITF, NewsML-G2 and ninjs 1/2/3 — every
// file valid against IPTC's schema for it (evaluation-only corpora, read at run time).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NinjsVersion } from '../../../../shared/export/types.ts';
import { importPaths } from '../../import/importer.ts';
import { CORPUS_DIR, tempArchive, type TempArchive } from '../../testing/tempArchive.ts';
import { exportArticles } from '../exporter.ts';
import { validateNinjs, validateXml, XML_SCHEMAS, xmllintAvailable } from './schemaCheck.ts';

const INTERCHANGE = join(CORPUS_DIR, 'interchange');
const XSS = join(CORPUS_DIR, 'xss-vectors', 'vectors.json');
const present = existsSync(INTERCHANGE) && existsSync(XSS);
const haveXmllint = xmllintAvailable();
if (!haveXmllint && process.env.CI) throw new Error('xmllint is missing: install libxml2-utils (.ci/run does).');

const FOLDERS = ['anpa-1312', 'dpa-digitalwires-json', 'html-capture', 'iptc7901', 'newsml-1.2', 'newsml-g2', 'ninjs', 'nitf', 'rss-atom', 'wordpress-wxr'];

describe.skipIf(!present)('interchange exports of real copy', () => {
  let temp: TempArchive;
  let ids: string[] = [];
  let failedPages: string[] = [];

  beforeAll(async () => {
    temp = tempArchive();
    const pages = join(temp.dir, 'xss-pages');
    mkdirSync(pages);
    const vectors = JSON.parse(readFileSync(XSS, 'utf8')) as string[];
    vectors.forEach((vector, i) => {
      writeFileSync(join(pages, `v${i}.html`), `<!doctype html><title>Vector ${i} ${vector}</title><h1>Vector ${i} ${vector}</h1><p>Before ${vector} after (${i}).</p>`);
    });
    const report = await importPaths(temp.archive, [...FOLDERS.map((f) => join(INTERCHANGE, f)), pages], {});
    failedPages = report.files.filter((f) => f.path.startsWith(pages) && f.outcome !== 'imported').map((f) => `${f.path}: ${f.outcome} ${f.reason}`);
    ids = temp.archive.db.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
  }, 600_000);
  afterAll(() => temp?.cleanup());

  const exported = (format: 'nitf' | 'newsml-g2' | 'ninjs', ninjsVersion?: NinjsVersion) => {
    const dir = join(temp.dir, `out-${format}-${ninjsVersion ?? ''}`);
    const report = exportArticles(temp.archive, ids, { outDir: dir, format, recordRevisions: false, ignoreEmbargo: true, ...(ninjsVersion ? { ninjsVersion } : {}) });
    // Killed and withheld items are refused whatever the format; every other article is written.
    const refused = report.files.filter((f) => !f.file);
    for (const r of refused) expect(r.code, JSON.stringify(r)).toMatch(/^(killed|withheld)$/u);
    const files = report.files.flatMap((f) => (f.file ? [readFileSync(join(dir, f.file), 'utf8')] : []));
    expect(files.length).toBeGreaterThan(ids.length - 10);
    return files;
  };

  it('has real copy and every XSS vector to export', () => {
    expect(failedPages.slice(0, 5)).toEqual([]);
    expect(ids.length).toBeGreaterThan(1_100);
  });

  for (const format of ['nitf', 'newsml-g2'] as const) {
    it.skipIf(!haveXmllint)(`${format}: every file valid against IPTC's XSD`, () => {
      const problems = validateXml(XML_SCHEMAS[format], exported(format)).filter((p) => p !== '');
      expect(problems.slice(0, 5)).toEqual([]);
    }, 600_000);
  }

  for (const version of [1, 2, 3] as const) {
    it(`ninjs ${version}: every file valid against its JSON Schema`, () => {
      const problems = exported('ninjs', version)
        .map((json) => validateNinjs(version, json))
        .filter((p) => p !== '');
      expect(problems.slice(0, 5)).toEqual([]);
    }, 600_000);
  }
});
