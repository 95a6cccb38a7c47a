// The real wire files in ../shared/corpus/interchange/anpa-1312 and iptc7901
// (AP's and dpa's feeds as received; evaluation-only, read at run time).
// Expectations were checked by reading each file (cat -A, xxd); strings stay short.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import { TEXT_FORMAT } from '../../../../../shared/editor/serialized.ts';
import { CORPUS_DIR, tempArchive, type TempArchive } from '../../../testing/tempArchive.ts';
import { decodeBytes } from '../../encoding.ts';
import { importPaths } from '../../importer.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { resolveZone } from '../../../time/zone.ts';
import { makeParseInput } from '../input.ts';
import { parseInput } from '../registry.ts';
import type { ParsedArticle } from '../types.ts';

const ANPA_DIR = join(CORPUS_DIR, 'interchange', 'anpa-1312');
const IPTC_DIR = join(CORPUS_DIR, 'interchange', 'iptc7901');
const present = existsSync(ANPA_DIR) && existsSync(IPTC_DIR);

function parseFile(dir: string, name: string): { format: string; article: ParsedArticle; encoding: string } {
  const bytes = readFileSync(join(dir, name));
  const decoded = decodeBytes(bytes);
  const input = makeParseInput({ rawText: decoded.raw, text: decoded.text, bytes, path: join(dir, name), zone: resolveZone('UTC') });
  const { parser, articles } = parseInput(input);
  expect(articles).toHaveLength(1);
  return { format: parser.name, article: articles[0] as ParsedArticle, encoding: decoded.encoding };
}

interface Expected {
  fields: Partial<ArticleFields>;
  blocks: number;
  first: string;
  identity?: { id: string; version: number | null };
}

const ANPA: Record<string, Expected> = {
  'anpa-1.tst': {
    fields: { headline: 'For Argentine chemo patients, mirrors can hurt', slugline: 'LT--Argentina-Cancer Beauty', urgency: 1, byline: 'By PAUL BYRNE and ALMUDENA CALATRAVA', dateline: 'BUENOS AIRES, Argentina', postedAt: '2013-11-13T15:09:00+00:00', signals: [], provider: 'AP' },
    blocks: 15,
    first: 'BUENOS AIRES, Argentina (AP) \u2014 For cancer patients',
    identity: { id: 'LT--Argentina-CancerBeauty', version: 0 },
  },
  'anpa-2.tst': {
    fields: { headline: 'Prairies vanish in the US push for green energy', slugline: 'US--Ethanol-Losing Grassland', urgency: 5, byline: 'By CHET BROKAW and JACK GILLUM', dateline: 'ROSCOE, South Dakota', postedAt: '2013-11-13T07:45:00+00:00', updatedAt: '2013-11-13T07:45:00+00:00', signals: ['writethru', 'update'] },
    blocks: 34,
    first: 'ROSCOE, South Dakota (AP) \u2014 Robert Malsam',
    identity: { id: 'US--Ethanol-LosingGrassland', version: 1 },
  },
  'anpa-3.tst': {
    fields: { headline: 'Global Weather-Fahrenheit', urgency: 3, byline: '', dateline: 'NEW YORK', postedAt: '2013-11-13T07:13:00+00:00' },
    blocks: 9,
    first: 'NEW YORK (AP) \u2014 Minimum and maximum temperatures',
    identity: { id: 'WEA--GlobalWeather-Fahrenheit', version: 0 },
  },
  'anpa-4.tst': {
    fields: { headline: 'AP Top Entertainment News at 11:23 p.m. EST', slugline: 'AP-Top-Entertainment-Headlines', dek: '', postedAt: '2016-02-10T04:23:00+00:00' },
    blocks: 10,
    first: 'Ex-bodyguard testifies',
  },
  'ap_anpa-1.tst': {
    fields: { headline: 'Deng has 30 points, short-handed Heat beat Hawks 115-111', byline: 'By CHARLES ODUM', authors: [{ name: 'CHARLES ODUM', role: 'AP Sports Writer' }], dateline: 'ATLANTA', postedAt: '2016-02-20T03:37:00+00:00', signals: ['writethru', 'update'] },
    blocks: 19,
    first: 'ATLANTA (AP) \u2014 Luol Deng scored 30 points',
    identity: { id: 'BKN--Heat-Hawks', version: 1 },
  },
  'ap_anpa-2.tst': {
    fields: { headline: 'Baseball Expanded Standings', byline: 'By The Associated Press', postedAt: '2016-05-17T06:20:00+00:00', slugline: 'BBO--Baseball Expanded Glance' },
    blocks: 92,
    first: 'N.Y. Yankees 7, Chicago White Sox 5',
  },
  'ap_anpa-3.tst': {
    fields: { headline: '$210 lobster is found dead', dateline: 'CHATHAM, Mass.', postedAt: '2016-08-29T16:26:00+00:00', signals: ['writethru', 'update'] },
    blocks: 1,
    first: 'CHATHAM, Mass. (AP) \u2014 A lobster died.',
    identity: { id: 'US--GiantLobsterDeath', version: 1 },
  },
  'ap_anpa-4.tst': {
    fields: { headline: "AP Exclusive: China lawyer's family says US helped them flee", byline: 'By GERRY SHIH', dateline: 'BEIJING', postedAt: '2017-05-09T00:56:00+00:00' },
    blocks: 26,
    first: 'BEIJING (AP) \u2014 Stuck in a Bangkok jail',
    identity: { id: 'AS--China-DaringEscape-ABRIDGED', version: 3 },
  },
  'ap_anpa-5.tst': {
    fields: { urgency: 2, dateline: 'HONOLULU', postedAt: '2017-06-29T23:50:00+00:00', signals: ['alert'] },
    blocks: 1,
    first: 'HONOLULU (AP) \u2014 Hawaii files court challenge',
  },
  'ap_anpa-6.tst': {
    fields: { headline: 'Wild Card Glance', urgency: 5, postedAt: '2019-08-18T20:17:00+00:00' },
    blocks: 74,
    first: 'Tampa Bay 1, Detroit 0, 13 innings',
  },
  'ap_anpa-7.tst': {
    fields: { headline: '10 Things to Know for Today', byline: 'By The Associated Press', postedAt: '2019-09-04T10:29:00+00:00' },
    blocks: 21,
    first: 'Your daily look at late-breaking news',
  },
};

const IPTC: Record<string, Expected> = {
  'IPTC7901.txt': {
    fields: { headline: 'Germany Social Democrats: Coalition talks with Merkel could fail', slugline: 'Germany-politics', urgency: 4, byline: '', dateline: 'Berlin', postedAt: '2013-11-13T11:37:00+00:00', provider: 'dpa', signals: [] },
    blocks: 5,
    first: 'Berlin (dpa) - Negotiations between German conservatives',
  },
  'IPTC7901_odd_charset.txt': {
    fields: { headline: 'German football saddened by illness to striker legend Mueller', byline: 'By Manuel Schwarz', authors: [{ name: 'Manuel Schwarz', role: 'dpa' }], dateline: 'Munich', urgency: 3, postedAt: '2015-10-07T13:41:00+00:00', signals: ['update'] },
    blocks: 21,
    first: 'Munich (dpa) - German football generations',
  },
  'dpa_copyright.txt': {
    fields: { headline: 'Impressum', slugline: 'Impressum', postedAt: '2017-06-24T22:00:00+00:00', signals: ['advisory'], copyrightHolder: 'dpa' },
    // Five hard-wrapped lines and no blank line: one paragraph.
    blocks: 1,
    first: 'ryryryry copyright by dpa',
  },
  'dpa_four_line.txt': {
    fields: { headline: 'Switzerland joins list of countries resisting UN migration pact', slugline: 'Switzerland/migration/UN', byline: 'By dpa correspondents', dateline: 'Geneva', postedAt: '2018-11-21T23:22:00+00:00', signals: ['update', 'refile'] },
    blocks: 15,
    first: 'Geneva (dpa) - Switzerland is joining',
  },
  'dpa_two_by_line.txt': {
    fields: { headline: "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it", byline: 'By Tom Krasovic', authors: [{ name: 'Tom Krasovic', role: 'The San Diego Union-Tribune' }], dateline: 'San Diego', postedAt: '2018-11-21T12:59:00+00:00', copyrightHolder: 'The San Diego Union-Tribune' },
    blocks: 35,
    first: 'San Diego (tca/dpa) - History says',
  },
  'dpa_two_line.txt': {
    fields: { headline: 'Peace talks on Yemen to take place in Sweden next month, Mattis says', slugline: 'Yemen/conflict', dateline: 'Washington', postedAt: '2018-11-21T21:01:00+00:00', signals: ['extra'] },
    blocks: 4,
    first: 'Washington (dpa) - US Defence Secretary',
  },
};

describe.skipIf(!present)('real ANPA-1312 files (AP)', () => {
  it('the folder holds exactly the files checked here', () => {
    expect(readdirSync(ANPA_DIR).sort()).toEqual(Object.keys(ANPA).sort());
  });

  it.each(Object.entries(ANPA))('%s', (name, expected) => {
    const { format, article } = parseFile(ANPA_DIR, name);
    expect(format).toBe('anpa-1312');
    expect(article.fields).toMatchObject(expected.fields);
    expect(article.body.root.children).toHaveLength(expected.blocks);
    const text = bodyToPlainText(article.body);
    expect(text.includes(expected.first), `${name} body: ${text.slice(0, 80)}`).toBe(true);
    // The header never becomes the headline, the body never opens with the keyword, selector or caret lines.
    expect(article.fields.headline).not.toMatch(/^[A-Za-z]\d{4}|\^|^BC-/u);
    expect(text).not.toMatch(/^\s*(?:\^|BC-|[a-z] [a-z] )/u);
    expect(markupLeaks(article)).toEqual([]);
    if (expected.identity) expect(article.identity).toEqual({ provider: 'ap', ...expected.identity });
  });

  it('tables stay preformatted rows with AP halves', () => {
    const { article } = parseFile(ANPA_DIR, 'ap_anpa-2.tst');
    const text = bodyToPlainText(article.body);
    expect(text).toMatch(/^Baltimore\s+23\s+13\s+\.639/mu);
    expect(text).toMatch(/^Toronto\s+19\s+21\s+\.475\s+6\s+3½/mu);
    const table = article.body.root.children.find((b) => b.type === 'paragraph' && b.children.some((c) => c.type === 'linebreak'));
    expect(table && table.type === 'paragraph' && table.children[0]?.type === 'text' ? table.children[0].format : 0).toBe(TEXT_FORMAT.code);
    expect(article.body.root.children.filter((b) => b.type === 'heading').length).toBeGreaterThan(5);
  });

  it('editor notes and photo lines go to the editor note, not the copy', () => {
    const { article } = parseFile(ANPA_DIR, 'anpa-2.tst');
    expect(article.fields.editorNote).toMatch(/^AP Photo/u);
    expect(article.fields.editorNote).toContain("EDITOR'S NOTE");
    expect(bodyToPlainText(article.body)).not.toMatch(/AP Photo|Eds:/u);
  });
});

describe.skipIf(!present)('real IPTC 7901 files (dpa)', () => {
  it('the folder holds exactly the files checked here', () => {
    expect(readdirSync(IPTC_DIR).sort()).toEqual(Object.keys(IPTC).sort());
  });

  it.each(Object.entries(IPTC))('%s', (name, expected) => {
    const { format, article } = parseFile(IPTC_DIR, name);
    expect(format).toBe('iptc7901');
    expect(article.fields).toMatchObject(expected.fields);
    expect(article.body.root.children).toHaveLength(expected.blocks);
    const text = bodyToPlainText(article.body);
    expect(text.startsWith(expected.first), `${name} body: ${text.slice(0, 80)}`).toBe(true);
    expect(article.fields.headline).not.toMatch(/^[a-z]{3}\d|=$/u);
    expect(text).not.toMatch(/Notebook|not (?:intended )?for publication|^dpa [a-z]{2,3} [a-z]{2,3}$/mu);
    expect(markupLeaks(article)).toEqual([]);
  });

  it('the odd charset file is read as windows-1252 (Müller), and the notebook is the editor note', () => {
    const { article, encoding } = parseFile(IPTC_DIR, 'IPTC7901_odd_charset.txt');
    expect(encoding).toBe('windows-1252');
    expect(bodyToPlainText(article.body)).toContain('Thomas Müller');
    expect(article.fields.editorNote).toContain('Reporting by');
  });
});

describe.skipIf(!present)('importing both wire folders end to end', () => {
  let t: TempArchive;
  beforeEach(() => {
    t = tempArchive();
  });
  afterEach(() => t.cleanup());

  it('every file comes in as its own article in its format, with the item identity in its source', async () => {
    const report = await importPaths(t.archive, [ANPA_DIR, IPTC_DIR], { timezone: 'UTC' });
    expect(report).toMatchObject({ imported: 17, failed: 0 });
    const byName = (name: string) => t.archive.getArticle(report.files.find((f) => f.path.endsWith(`/${name}`))?.articleId as string);
    const anpa = byName('anpa-1.tst');
    expect(anpa.headline).toBe('For Argentine chemo patients, mirrors can hurt');
    expect(anpa.source).toMatchObject({ format: 'anpa-1312', itemProvider: 'ap', itemId: 'LT--Argentina-CancerBeauty', itemVersion: 0 });
    const dpa = byName('IPTC7901_odd_charset.txt');
    expect(dpa.source).toMatchObject({ format: 'iptc7901', encoding: 'windows-1252' });
    expect(dpa.bodyText).toContain('Thomas Müller');
    for (const f of report.files) {
      const a = t.archive.getArticle(f.articleId as string);
      expect(markupLeaks({ fields: a, body: a.body }), f.path).toEqual([]);
    }
    expect(t.archive.check().ok).toBe(true);
  });
});

describe.skipIf(present)('wire corpus absent', () => {
  it(`skips: ${ANPA_DIR} or ${IPTC_DIR} is not there (evaluation-only corpus in ../shared)`, () => {
    expect(present).toBe(false);
  });
});
