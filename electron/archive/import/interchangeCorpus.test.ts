// The whole of ../shared/corpus/interchange/ imported at once, as an archivist
// points Copydesk at a folder of agency files (evaluation-only, read at run
// time). Each format's own tests check fields file by file; this one checks
// the promise across all of them: every file gets an outcome, every item is
// read by its format's parser (never as text or as its own markup), later
// versions become revisions, and the only failures are the two files that hold
// no story, each saying why.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/model/import.ts';
import { CORPUS_DIR, tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { importPaths } from './importer.ts';
import { markupLeaks } from './testing/leaks.ts';

const DIR = join(CORPUS_DIR, 'interchange');
const present = existsSync(DIR);

/** The parsers that may read each format folder's files. */
const PARSERS: Record<string, readonly string[]> = {
  'anpa-1312': ['anpa-1312'],
  'dpa-digitalwires-json': ['dpa-digitalwires'],
  'html-capture': ['html'],
  iptc7901: ['iptc7901'],
  'newsml-1.2': ['newsml-1.2'],
  'newsml-g2': ['newsml-g2'],
  ninjs: ['ninjs'],
  nitf: ['nitf'],
  'rss-atom': ['rss', 'atom'],
  'wordpress-wxr': ['wordpress-wxr'],
};

/** The files that hold no story: a metadata-only G2 item and an empty NITF item. */
const NO_STORY: Record<string, RegExp> = {
  'newsml-g2/iptc-LISTING_1_A_NewsML-G2_News_Item.xml': /^could not read as newsml-g2: no text found: .*metadata only/u,
  'nitf/aap-finance-lite.xml': /^could not read as nitf: no text found: .*no headline and no body\.content/u,
};

const folderOf = (path: string) => relative(DIR, path).split(sep)[0] as string;
const fileOf = (path: string) => relative(DIR, path.replace(/#.*$/u, '')).split(sep).join('/');

describe.skipIf(!present)('the interchange corpus imported as one folder', () => {
  let temp: TempArchive;
  let report: ImportReport;
  const files: string[] = [];

  beforeAll(async () => {
    if (!present) return;
    for (const folder of Object.keys(PARSERS)) {
      for (const name of readdirSync(join(DIR, folder))) {
        if (statSync(join(DIR, folder, name)).isFile()) files.push(`${folder}/${name}`);
      }
    }
    temp = tempArchive();
    report = await importPaths(temp.archive, Object.keys(PARSERS).map((folder) => join(DIR, folder)), {});
  }, 600_000);
  afterAll(() => temp?.cleanup());

  it('gives every file an outcome, and fails only the files with no story, saying why', () => {
    expect(files.length).toBeGreaterThan(100);
    const seen = new Set(report.files.map((row) => fileOf(row.path)));
    expect(files.filter((file) => !seen.has(file))).toEqual([]);
    const failed = report.files.filter((row) => row.outcome === 'failed');
    expect(failed.map((row) => fileOf(row.path)).sort()).toEqual(Object.keys(NO_STORY).sort());
    for (const row of failed) expect(row.reason).toMatch(NO_STORY[fileOf(row.path)] as RegExp);
    expect(report.skipped).toBe(0);
  });

  it('reads every item with its format parser, and no headline, field or body holds markup', () => {
    const problems: string[] = [];
    for (const row of report.files) {
      if (row.articleId === null) continue;
      const article = temp.archive.getArticle(row.articleId);
      const where = relative(DIR, row.path);
      const allowed = PARSERS[folderOf(row.path)] ?? [];
      if (!allowed.includes(article.source?.format ?? '')) problems.push(`${where}: read as ${article.source?.format}`);
      if (article.headline.trim() === '') problems.push(`${where}: no headline`);
      if (article.bodyText.trim() === '' && !row.flags?.includes('no-body')) problems.push(`${where}: no body and no no-body flag`);
      for (const revision of temp.archive.listRevisions(article.id)) {
        const full = temp.archive.getRevision(article.id, revision.id);
        for (const leak of markupLeaks({ fields: full.fields, body: full.body })) problems.push(`${where} revision ${revision.id}: ${leak}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes a container one article per item, and later versions of an item revisions of one article', () => {
    const articles = temp.archive.stats().articles;
    // Feeds and multi-item messages hold far more stories than there are files.
    expect(articles).toBeGreaterThan(files.length * 2);
    const updated = report.files.filter((row) => row.outcome === 'updated');
    expect(updated.length).toBeGreaterThan(0);
    for (const row of updated) {
      const id = row.articleId as string;
      expect(temp.archive.listRevisions(id).length, relative(DIR, row.path)).toBeGreaterThan(1);
    }
    // Every item identity names one article only.
    const ids = new Map<string, string>();
    for (const row of report.files) {
      if (row.articleId === null) continue;
      const source = temp.archive.getArticle(row.articleId).source;
      if (!source?.itemId) continue;
      const key = `${source.itemProvider ?? ''} ${source.itemId}`;
      const before = ids.get(key);
      if (before !== undefined) expect(before, key).toBe(row.articleId);
      ids.set(key, row.articleId);
    }
    expect(ids.size).toBeGreaterThan(50);
  });

  it('passes the integrity check afterwards', () => {
    expect(temp.archive.check().ok).toBe(true);
  });
});
