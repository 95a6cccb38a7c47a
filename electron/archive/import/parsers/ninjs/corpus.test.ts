// ninjs on the real files of ../shared/corpus/interchange/ninjs (read at run
// time, never copied): per file, what we verified by reading it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import { CORPUS_DIR } from '../../../testing/tempArchive.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { inputFromText } from '../input.ts';
import { parseInput } from '../registry.ts';
import type { ItemIdentity } from '../types.ts';

const DIR = join(CORPUS_DIR, 'interchange/ninjs');
const present = existsSync(DIR);
if (!present) console.warn(`skipped: ninjs corpus tests need ${DIR}`);

interface Expected {
  fields: Partial<ArticleFields>;
  identity: ItemIdentity;
  /** The body's first words and its number of blocks (paragraphs, headings, quotes). */
  starts: string;
  blocks: number;
  subjects?: number;
  key?: string;
}

const EXPECTED: Record<string, Expected> = {
  'iptc-1.4-businesswire-20130515006361.json': {
    fields: { headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations', byline: '', language: 'en', postedAt: '2013-05-16T04:01:00+00:00' },
    identity: { provider: 'businesswire.com', id: 'http://www.businesswire.com/news/home/20130515006361/en', version: 1 },
    starts: 'Dell today announced an expanded',
    blocks: 1,
    subjects: 9,
  },
  'iptc-1.4-ninjsExMediumText1.json': {
    fields: { headline: 'Captain of wrecked cruise ship on trial in Italy', byline: "Paulo Santalucia and Frances d'Emilio", dateline: 'Grossetto, Italy', located: { name: 'Grossetto', countryCode: 'IT' }, language: 'en', postedAt: '2013-07-09T10:37:00+00:00' },
    identity: { provider: 'ninjs.example.com', id: 'http://ninjs.example.com/newsitems/20130709med123', version: null },
    starts: 'GROSSETO, Italy (AP) -- The trial',
    blocks: 4,
    subjects: 3,
  },
  'iptc-2.1-dpa_text.json': {
    fields: { headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?', byline: 'Christian Hollmann, dpa', authors: [{ name: 'Christian Hollmann', role: '' }], language: 'de', urgency: 4, pubStatus: 'usable', provider: 'dpa', postedAt: '2019-05-10T16:02:28+02:00' },
    identity: { provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:190510-99-167362', version: 2 },
    starts: 'Für Lucien Favre war es',
    blocks: 9,
  },
  'iptc-2.1-ntb_text.json': {
    fields: { headline: 'Google har kjøpt giganttomt i Skien', slugline: 'skien-google', language: 'nb-NO', urgency: 5, editorNote: 'Noe utvidet.', postedAt: '2019-08-09T09:30:04+00:00', updatedAt: '2019-08-09T09:46:53+00:00', provider: 'NTB' },
    identity: { provider: 'ntb', id: 'urn:8d19cf88-b3ab-4972-8fec-1207599f2872', version: 6 },
    starts: 'IT-giganten Google har kjøpt',
    blocks: 1,
    subjects: 5,
  },
  'iptc-2.1-tt_text_image_2.json': {
    fields: { headline: 'Militärövning i jätteformat hålls 2023', slugline: 'militärövning', genre: 'Inrikes', language: 'sv', urgency: 3, expiresAt: '2023-05-31T00:00:00+02:00', postedAt: '2021-05-26T13:40:18+02:00' },
    identity: { provider: 'tt', id: 'http://tt.se/media/text/210526-militarovning-a0f2d045', version: 1 },
    starts: 'Pandemin satte stopp för',
    blocks: 4,
  },
  'iptc-3.0-addb-anti-doping.json': {
    fields: { headline: "Anti-doping measures at the 'Tour Down Under' will be the toughest ever", byline: 'Trond Husø, The Anti-Doping Database', authors: [{ name: 'Trond Husø', role: '' }], dateline: 'Oslo, Norway', genre: 'Actuality', language: 'en', urgency: 4, postedAt: '2023-10-08T02:34:03+02:00' },
    identity: { provider: 'antidopingdatabase.com', id: 'https://antidopingdatabase.com/news/anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever', version: 2 },
    starts: 'The Australian Sports Anti-Doping Authority',
    blocks: 18,
    subjects: 3,
  },
  'iptc-3.0-businesswire-20130731006140.json': {
    fields: { headline: 'Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In', language: 'en', postedAt: '2013-07-31T15:32:00+00:00' },
    identity: { provider: 'businesswire.com', id: 'http://www.businesswire.com/news/home/20130731006140/en', version: 1 },
    starts: 'With more Applebee’s® Lunch Combos',
    blocks: 1,
    subjects: 10,
  },
  'iptc-3.0-dpa_text.json': {
    fields: { headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?', byline: 'Christian Hollmann, dpa', language: 'de', urgency: 4, pubStatus: 'usable', postedAt: '2019-05-10T16:02:28+02:00' },
    identity: { provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:190510-99-167362', version: 2 },
    starts: 'Für Lucien Favre war es',
    blocks: 9,
  },
  'iptc-3.1-005_complex_text_article.json': {
    fields: { headline: 'Captain of wrecked cruise ship on trial in Italy', byline: "Paulo Santalucia and Frances d'Emilio", dateline: 'Grossetto, Italy', located: { name: 'Grossetto', countryCode: 'IT' }, language: 'en' },
    identity: { provider: 'ninjs.example.com', id: 'http://ninjs.example.com/newsitems/20130709med123', version: null },
    starts: 'GROSSETO, Italy (AP) -- The trial',
    blocks: 4,
  },
  'superdesk-bbc-ninjs-text-test.json': {
    fields: { headline: 'advisory', dek: 'LDRS WALES v.1', byline: 'John Doe', language: 'en', urgency: 3, pubStatus: 'usable', postedAt: '2018-05-28T16:40:08+00:00' },
    identity: { provider: 'example.com', id: 'https://www.example.com//12345', version: null },
    starts: 'body',
    blocks: 1,
    subjects: 1,
    key: '1234',
  },
  'superdesk-ninjs2.json': {
    fields: { headline: 'Oil prices edge up on first drop in US drilling in months', byline: 'Henning Gloystein', dateline: 'Singapore', slugline: 'GLOBAL-OIL', section: 'Finance', urgency: 3, priority: 3, provider: 'Reuters', postedAt: '2017-07-03T01:38:13+00:00', updatedAt: '2017-08-24T01:58:40+00:00' },
    identity: { provider: 'reuters', id: 'tag:localhost:2017:7ca07622-3b19-4d61-8daf-18500412d46b', version: 4 },
    starts: 'Oil prices edged up on Monday',
    blocks: 9,
  },
  'superdesk-ninjs4.json': {
    fields: { headline: 'China behauptet, einen Polizeihund geklont zu haben', byline: 'futurezone/KN', authors: [{ name: 'futurezone/KN', role: 'editor' }], language: 'de', urgency: 5, postedAt: '2019-03-25T08:54:09+00:00' },
    identity: { provider: 'futurezone.de', id: 'https://www.futurezone.de/science/article216742303/China-behauptet-einen-Polizeihund-geklont-zu-haben.html', version: 1 },
    starts: 'Es kann ganz schön kostspielig',
    blocks: 8,
    subjects: 4,
  },
  'superdesk-ninjs_embargoed.json': {
    fields: {
      headline: 'Trouble is brewing for the future of beer',
      byline: 'Aaron J. Staples, Michigan State University',
      authors: [
        { name: 'Josh Pitt', role: 'editor' },
        { name: 'Aaron Staples', role: 'author' },
      ],
      embargoedUntil: '2022-06-29T02:30:00+00:00',
      genre: 'Feature',
      language: 'en',
      provider: '360info',
    },
    identity: { provider: '360info', id: 'fd8e441b-a698-4411-9246-7d5de21cced9', version: 11 },
    starts: 'What does torched earth taste like?',
    blocks: 18,
    subjects: 2,
  },
};

describe.skipIf(!present)('ninjs: the real interchange files', () => {
  it('every file of the folder has expectations', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, want) => {
    const { parser, articles } = parseInput(inputFromText(readFileSync(join(DIR, name), 'utf8'), join(DIR, name)));
    expect(parser.name).toBe('ninjs');
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(markupLeaks(a)).toEqual([]);
    expect(a.fields).toMatchObject(want.fields);
    expect(a.identity).toEqual(want.identity);
    expect(bodyToPlainText(a.body).startsWith(want.starts)).toBe(true);
    expect(a.body.root.children).toHaveLength(want.blocks);
    if (want.subjects !== undefined) expect(a.fields.subjects).toHaveLength(want.subjects);
    expect(a.key).toBe(want.key);
  });
});
