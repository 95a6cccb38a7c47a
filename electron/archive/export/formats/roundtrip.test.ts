// Export in each interchange format, import the file into a fresh archive:
// the copy and its wire metadata come back equal; importing the same export
// again is a duplicate; a re-export after an edit comes in as an update of the
// same article. (ninjs has no place for an author's job title: names only.)
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyState, heading, list, paragraph, quote } from '../../../../shared/editor/build.ts';
import type { Article } from '../../../../shared/model/article.ts';
import type { NinjsVersion } from '../../../../shared/export/types.ts';
import type { Archive } from '../../archive.ts';
import { importPaths } from '../../import/importer.ts';
import { tempArchive, type TempArchive } from '../../testing/tempArchive.ts';
import { exportArticles } from '../exporter.ts';

const open: TempArchive[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});
const temp = () => {
  const t = tempArchive();
  open.push(t);
  return t;
};

const FORMATS: Array<['nitf' | 'newsml-g2' | 'ninjs', NinjsVersion | undefined]> = [
  ['nitf', undefined],
  ['newsml-g2', undefined],
  ['ninjs', 1],
  ['ninjs', 2],
  ['ninjs', 3],
];

function story(archive: Archive): Article {
  return archive.createArticle({
    headline: 'Council votes 7–2 to reopen the harbour “for good”',
    dek: 'The vote ends a three-year closure; fishermen say it came too late & cost too much.',
    byline: 'Jane Doe',
    dateline: 'PORT ELLEN',
    postedAt: '2026-03-05T09:15:00+00:00',
    language: 'en',
    slugline: 'HARBOUR-VOTE',
    urgency: 3,
    subjects: [
      { scheme: 'medtop', code: '20000621', label: 'diplomacy' },
      { scheme: 'medtop', code: '20000565', label: 'fishing industry' },
    ],
    embargoedUntil: '2026-03-06T09:00:00+09:00',
    authors: [{ name: 'Jane Doe', role: 'Islands Correspondent' }],
    body: bodyState([
      paragraph('The council voted on Tuesday to reopen the harbour.'),
      heading('h2', 'Background'),
      paragraph('Fishermen <protested> for three years & more.'),
      quote('“We waited too long,” one said.'),
      list('bullet', ['Seven in favour', 'Two against']),
    ]),
  });
}

const CARRIED = ['headline', 'dek', 'byline', 'dateline', 'language', 'slugline', 'urgency', 'subjects'] as const;
const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function exportTo(archive: Archive, id: string, format: (typeof FORMATS)[number][0], version: NinjsVersion | undefined, dir: string): string {
  const report = exportArticles(archive, [id], { outDir: dir, format, ...(version ? { ninjsVersion: version } : {}) });
  const file = report.files[0]?.file;
  if (!file) throw new Error(`export failed: ${JSON.stringify(report.files[0])}`);
  return join(dir, file);
}

describe.each(FORMATS)('round trip through %s %s', (format, version) => {
  it('brings back the copy and its wire metadata, and a second import is a duplicate', async () => {
    const from = temp();
    const original = story(from.archive);
    const file = exportTo(from.archive, original.id, format, version, join(from.dir, 'out'));

    const to = temp();
    const report = await importPaths(to.archive, [file], {});
    expect(report.files.map((f) => f.outcome)).toEqual(['imported']);
    const back = to.archive.getArticle(report.files[0]?.articleId as string);
    for (const field of CARRIED) expect(back[field], field).toEqual(original[field]);
    expect(instant(back.postedAt)).toBe(instant(original.postedAt));
    expect(instant(back.embargoedUntil)).toBe(instant(original.embargoedUntil));
    expect(back.bodyText).toBe(original.bodyText);
    expect(back.authors.map((a) => a.name)).toEqual(['Jane Doe']);
    if (format !== 'ninjs') expect(back.authors).toEqual(original.authors);
    expect(back.source).toMatchObject({ itemId: `urn:uuid:${original.id}`, itemVersion: 1 });

    // The same export again, from another folder too: nothing new.
    const again = await importPaths(to.archive, [file], {});
    expect(again.files.map((f) => f.outcome)).toEqual(['duplicate']);
    const copyDir = join(to.dir, 'copy');
    mkdirSync(copyDir);
    const copy = join(copyDir, 'same.bin');
    copyFileSync(file, copy);
    expect((await importPaths(to.archive, [copy], {})).files.map((f) => f.outcome)).toEqual(['duplicate']);
    expect(to.archive.stats().articles).toBe(1);
  });

  it('brings a re-export after an edit in as an updated revision of the same article', async () => {
    const from = temp();
    const original = story(from.archive);
    const first = exportTo(from.archive, original.id, format, version, join(from.dir, 'out1'));
    const edited = from.archive.save({
      id: original.id,
      baseVersion: from.archive.getArticle(original.id).version,
      fields: { headline: 'Council votes 7–2 to reopen the harbour at last', urgency: 2 },
    }).article;
    const second = exportTo(from.archive, original.id, format, version, join(from.dir, 'out2'));

    const to = temp();
    const one = await importPaths(to.archive, [first], {});
    expect(one.files.map((f) => f.outcome)).toEqual(['imported']);
    const id = one.files[0]?.articleId as string;
    const two = await importPaths(to.archive, [second], {});
    expect(two.files.map((f) => f.outcome)).toEqual(['updated']);
    expect(two.files[0]?.articleId).toBe(id);

    const back = to.archive.getArticle(id);
    expect(back.headline).toBe(edited.headline);
    expect(back.urgency).toBe(2);
    expect(back.source).toMatchObject({ itemId: `urn:uuid:${original.id}`, itemVersion: 2 });
    expect(to.archive.stats().articles).toBe(1);
    const revisions = to.archive.listRevisions(id);
    expect(revisions).toHaveLength(2);
    expect(to.archive.getRevision(id, revisions[0]?.id as number).fields.headline).toBe(original.headline);

    // The first version arriving again, after the second, is old news: the head stays.
    expect((await importPaths(to.archive, [first], {})).files.map((f) => f.outcome)).toEqual(['duplicate']);
    expect(to.archive.getArticle(id).headline).toBe(edited.headline);
  });
});
