// End to end through importPaths: every XML interchange folder imported into a
// temporary archive. No imported article may hold markup; the only failures
// are the files that truly hold no text, each with its reason.
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { importPaths } from './importer.ts';
import { interchangeFolder } from './testing/interchange.ts';
import { markupLeaks } from './testing/leaks.ts';

/**
 * Per folder: parser rows imported (records for containers), rows that are a later send of an item
 * already imported (identity rules, storeItem.ts), and the files that must fail, with why.
 */
const FOLDERS: Record<string, { imported: number; updated?: number; failed: Record<string, RegExp> }> = {
  'newsml-g2': { imported: 23, failed: { 'iptc-LISTING_1_A_NewsML-G2_News_Item.xml': /^could not read as newsml-g2: no text found: NewsML-G2 item .* has metadata only/u } },
  'newsml-1.2': { imported: 7, failed: {} },
  nitf: { imported: 16, failed: { 'aap-finance-lite.xml': /^could not read as nitf: no text found: the NITF document .* has no headline and no body\.content$/u } },
  'rss-atom': { imported: 243, failed: {} },
  // The sample repeats post ids 8 and 9 (other titles, no version): the second of each is a re-send of that post, a revision.
  'wordpress-wxr': { imported: 3, updated: 2, failed: {} },
};

describe('importing the XML interchange folders', () => {
  let t: TempArchive;
  beforeEach(() => {
    t = tempArchive();
  });
  afterEach(() => t.cleanup());

  it.each(Object.entries(FOLDERS))('%s: every item its own article, no markup in any, honest failures', async (format, expected) => {
    const dir = interchangeFolder(format);
    if (!dir) return;
    const report = await importPaths(t.archive, [dir], { timezone: 'UTC' });
    const failed = report.files.filter((f) => f.outcome === 'failed');
    expect(Object.fromEntries(failed.map((f) => [basename(f.path), f.reason]))).toEqual(
      Object.fromEntries(Object.entries(expected.failed).map(([file, reason]) => [file, expect.stringMatching(reason)])),
    );
    const imported = report.files.filter((f) => f.outcome === 'imported');
    expect(imported).toHaveLength(expected.imported);
    expect(report.files.filter((f) => f.outcome === 'updated')).toHaveLength(expected.updated ?? 0);
    expect(report.files.filter((f) => f.outcome !== 'imported' && f.outcome !== 'failed' && f.outcome !== 'updated')).toEqual([]);
    for (const row of imported) {
      const article = t.archive.getArticle(row.articleId as string);
      expect(markupLeaks({ fields: article, body: article.body }), row.path).toEqual([]);
      expect(article.headline, row.path).not.toBe('');
    }
    expect(t.archive.check().ok).toBe(true);
  }, 120_000);
});
