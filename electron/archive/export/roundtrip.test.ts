// Round trip: an article exported as a standalone HTML page and imported back
// (electron/archive/import) has the same fields and the same text.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as b from '../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../shared/editor/serialized.ts';
import type { Article } from '../../../shared/model/article.ts';
import { Archive } from '../archive.ts';
import { importPaths } from '../import/importer.ts';
import { exportArticles } from './exporter.ts';
import { seedArticle } from './fixtures.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/export');
let dir: string;
let source: Archive;
let target: Archive;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-roundtrip-'));
  source = Archive.open(join(dir, 'source.sqlite'));
  target = Archive.open(join(dir, 'target.sqlite'));
});
afterEach(() => {
  source.close();
  target.close();
  rmSync(dir, { recursive: true, force: true });
});

const FIELDS = ['headline', 'dek', 'byline', 'section', 'tags', 'language', 'postedAt', 'updatedAt', 'bodyText'] as const;
// Times are compared as instants: the importer may write +00:00 where we stored Z.
const pick = (a: Article) =>
  Object.fromEntries(FIELDS.map((f) => [f, (f === 'postedAt' || f === 'updatedAt') && a[f] ? Date.parse(a[f]) : a[f]]));

async function roundTrip(articles: Article[], format: 'html' | 'md' = 'html'): Promise<Array<[Article, Article]>> {
  const out = join(dir, `out-${format}`);
  const report = exportArticles(source, articles.map((a) => a.id), { outDir: out, format, recordRevisions: false });
  expect(report.failed).toBe(0);
  const imported = await importPaths(target, report.files.map((f) => join(out, f.file ?? '')), { timezone: 'UTC' });
  expect(imported.failed).toBe(0);
  return articles.map((a, i) => [a, target.getArticle(imported.files[i]?.articleId ?? '')]);
}

describe('export → import round trip', () => {
  it('the seed article keeps its fields and text', async () => {
    const seed = seedArticle(readFileSync(join(FIXTURES, 'seed/donga-2019-01-09-denuke.txt'), 'utf8'));
    const created = source.createArticle({ ...seed, dek: 'An editorial on the fourth Kim–Xi summit.', byline: 'Editorial board' });
    for (const [before, after] of await roundTrip([created])) expect(pick(after)).toEqual(pick(before));
  });

  it.each(['html', 'md'] as const)('a formatted synthetic article keeps its fields and text (%s)', async (format) => {
    const { bold, italic } = TEXT_FORMAT;
    const created = source.createArticle({
      headline: 'Council votes 7–2 to reopen the harbour “for good”',
      dek: 'Fishermen say <it> came too late & cost too much.',
      byline: 'By Jane Doe and 김민수',
      section: 'Local',
      tags: ['harbour', '항구'],
      language: 'en',
      postedAt: '2024-03-05T09:15:00.000Z',
      updatedAt: '2024-03-05T17:40:00.000Z',
      body: b.bodyState([
        b.paragraph([b.textNode('The vote was '), b.textNode('close', bold), b.textNode(' and '), b.textNode('bitter', italic), b.textNode('.')]),
        b.heading('h2', 'What happens next'),
        b.list('bullet', ['Dredging in April', 'Opening in May']),
        b.quote('“About time,” said one skipper.'),
        b.paragraph([b.textNode('Read '), b.linkNode('https://example.com/minutes', [b.textNode('the minutes')]), b.textNode(' & weep.')]),
      ]),
    });
    for (const [before, after] of await roundTrip([created], format)) expect(pick(after)).toEqual(pick(before));
  });

  // Our Markdown escapes are CommonMark's (\*, \<, \|, \&), which the importer's Markdown reader honours.
  it.each(['html', 'md'] as const)('text that looks like markup stays text (%s)', async (format) => {
    const created = source.createArticle({
      headline: '# Not a *heading* <b>',
      dek: '1. not a list & not &amp; an entity',
      body: b.bodyState([
        b.paragraph('*not em* _not em_ `not code` [not](a link) <i>not html</i> a\\b ~~not struck~~'),
        b.paragraph('# not a heading'),
        b.paragraph('- not a list item'),
        b.paragraph('2) not a numbered item'),
        b.paragraph('> not a quote'),
        b.paragraph('AT&T &amp; &#60; 5 > 3 | pipes | here'),
      ]),
    });
    for (const [before, after] of await roundTrip([created], format)) expect(pick(after)).toEqual(pick(before));
  });
});
