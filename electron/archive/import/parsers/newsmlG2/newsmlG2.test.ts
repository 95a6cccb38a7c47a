import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { resolveZone } from '../../../time/zone.ts';
import { type Expected, expectArticle, folderFiles, interchangeFolder, parseCorpusFile } from '../../testing/interchange.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { makeParseInput } from '../input.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { newsmlG2Parser } from './parser.ts';

const input = (text: string, ext = 'xml') => makeParseInput({ rawText: text, ext, path: `/wire/g2.${ext}`, zone: resolveZone('Asia/Seoul') });
const parse = (text: string) => newsmlG2Parser.parse(input(text));
const G2 = 'http://iptc.org/std/nar/2006-10-01/';

/** A news item with every mapped field; `content` and attributes vary per test. */
function item(opts: { guid?: string; version?: string; pubStatus?: string; signals?: string[]; content?: string; extraMeta?: string } = {}): string {
  const { guid = 'urn:newsml:example.com:20240105:harbour', version = '3', pubStatus = 'usable', signals = ['sig:correction'], extraMeta = '' } = opts;
  const content =
    opts.content ??
    `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
       <header><h1>Council approves harbour plan</h1><p class="byline">By Ana Ruiz</p></header>
       <section class="main"><p>A summary of the vote.</p><p>The council voted on Friday.</p><h2>Costs</h2><p>It costs <b>four</b> million.</p></section>
     </body></html></inlineXML>`;
  return `<newsItem guid="${guid}" version="${version}" standard="NewsML-G2" xml:lang="en">
    <rightsInfo>
      <copyrightHolder qcode="nprov:gwn"><name>Gull Wire News</name></copyrightHolder>
      <copyrightNotice>(c) 2024 Gull Wire News</copyrightNotice>
      <usageTerms xml:lang="de">Nur mit Vereinbarung</usageTerms>
      <usageTerms xml:lang="en">Not for broadcast</usageTerms>
    </rightsInfo>
    <itemMeta>
      <itemClass qcode="ninat:text"/>
      <provider qcode="nprov:gwn"><name>Gull Wire News Ltd</name></provider>
      <versionCreated>2024-01-05T14:00:00+00:00</versionCreated>
      <firstCreated>2024-01-05T12:00:00+00:00</firstCreated>
      <embargoed>2024-01-06T06:00:00Z</embargoed>
      <pubStatus qcode="stat:${pubStatus}"/>
      <edNote>Corrects the vote count in the second paragraph.</edNote>
      ${signals.map((s) => `<signal qcode="${s}"/>`).join('')}
      ${extraMeta}
    </itemMeta>
    <contentMeta>
      <urgency>2</urgency>
      <located qcode="geo:1"><name>Portmouth</name><broader qcode="iso3166-1a2:GB" type="cptype:country"><name>United Kingdom</name></broader></located>
      <creator qcode="staff:ana"><name>ana.login</name></creator>
      <subject qcode="medtop:20000523"><name xml:lang="de">Arbeitsmarkt</name><name xml:lang="en">labour market</name></subject>
      <subject literal="Harbours"/>
      <genre qcode="genre:Analysis"><name>Analysis</name></genre>
      <keyword>harbour</keyword><keyword>budget</keyword>
      <language tag="en-GB"/>
      <slugline>Harbour-Vote</slugline>
      <headline>Council approves harbour plan</headline>
      <headline role="hld:subHeadline">Vote ends a two-year dispute</headline>
      <description role="drol:summary">A summary of the vote.</description>
      <by>By Ana Ruiz</by>
      <dateline>PORTMOUTH - </dateline>
      <creditline>GWN</creditline>
    </contentMeta>
    <contentSet>${content}</contentSet>
  </newsItem>`;
}
const message = (...items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="${G2}"><header><sent>2024-01-05T14:00:00Z</sent><priority>4</priority></header><itemSet>${items.join('\n')}</itemSet></newsMessage>`;
const single = (opts: Parameters<typeof item>[0] = {}) => `<?xml version="1.0"?>${item(opts).replace('<newsItem ', `<newsItem xmlns="${G2}" `)}`;

describe('NewsML-G2: an item’s fields', () => {
  it('maps itemMeta, contentMeta and rightsInfo to the shared fields', () => {
    const [a] = parse(single());
    expect(a?.fields).toEqual({
      headline: 'Council approves harbour plan',
      dek: 'Vote ends a two-year dispute',
      byline: 'Ana Ruiz',
      authors: [{ name: 'Ana Ruiz', role: '' }],
      dateline: 'PORTMOUTH',
      slugline: 'Harbour-Vote',
      urgency: 2,
      priority: null,
      editorNote: 'Corrects the vote count in the second paragraph.',
      pubStatus: 'usable',
      provider: 'gwn',
      signals: ['correction'],
      subjects: [
        { scheme: 'medtop', code: '20000523', label: 'labour market' },
        { scheme: '', code: '', label: 'Harbours' },
      ],
      genre: 'Analysis',
      keywords: ['harbour', 'budget'],
      located: { name: 'Portmouth', countryCode: 'GB' },
      copyrightHolder: 'Gull Wire News',
      creditLine: 'GWN',
      usageTerms: 'Not for broadcast',
      language: 'en-GB',
      postedAt: '2024-01-05T12:00:00+00:00',
      updatedAt: '2024-01-05T14:00:00+00:00',
      embargoedUntil: '2024-01-06T06:00:00+00:00',
    });
    expect(a?.identity).toEqual({ provider: 'gwn', id: 'urn:newsml:example.com:20240105:harbour', version: 3 });
    expect(a?.key).toBeUndefined();
  });

  it('XHTML body without the page furniture: header (h1, byline) and the teaser equal to the dek', () => {
    const [a] = parse(single());
    expect(bodyToParagraphs((a as ParsedArticle).body)).toEqual(['The council voted on Friday.', 'Costs', 'It costs four million.']);
    expect(markupLeaks(a as ParsedArticle)).toEqual([]);
  });

  it('NITF in inlineXML: its byline, dateline and story fill what contentMeta leaves out', () => {
    const nitf = `<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>NITF headline</hl1></hedline><byline>By <person>Lee Park</person><byttl>Correspondent</byttl></byline><dateline><location>HARBOURTON</location></dateline></body.head><body.content><p>From NITF.</p></body.content></body></nitf></inlineXML>`;
    const [a] = parse(single({ content: nitf }).replace(/<by>.*<\/by>/u, '').replace(/<dateline>.*<\/dateline>/u, ''));
    expect(a?.fields).toMatchObject({ headline: 'Council approves harbour plan', byline: 'Lee Park', authors: [{ name: 'Lee Park', role: 'Correspondent' }], dateline: 'HARBOURTON' });
    expect(bodyToParagraphs((a as ParsedArticle).body)).toEqual(['From NITF.']);
  });

  it('inlineData: plain wire text with indented paragraphs, HTML typed as text/plain, and the story rendition among several', () => {
    const wire = `<inlineData contenttype="text/plain">(GWN) - First paragraph starts
and continues.
   "Second," he said, "here."
   Third paragraph
ends here.</inlineData>`;
    expect(bodyToParagraphs((parse(single({ content: wire }))[0] as ParsedArticle).body)).toEqual([
      '(GWN) - First paragraph starts and continues.',
      '"Second," he said, "here."',
      'Third paragraph ends here.',
    ]);
    const typedWrong = '<inlineData contenttype="text/plain"><![CDATA[<p>One.</p><p>Two &amp; three.</p>]]></inlineData>';
    expect(bodyToParagraphs((parse(single({ content: typedWrong }))[0] as ParsedArticle).body)).toEqual(['One.', 'Two & three.']);
    const renditions = `<inlineData rendition="x:headline">Headline line only</inlineData><inlineData rendition="x:text">The story, which is the longest rendition here.</inlineData><inlineData rendition="x:nonpublic">Phone numbers for the desk, a long list of them that is not the story at all.</inlineData>`;
    expect(bodyToParagraphs((parse(single({ content: renditions }))[0] as ParsedArticle).body)).toEqual(['The story, which is the longest rendition here.']);
  });

  it('signals: IPTC sig: codes and known ones from other schemes, writethrus from the slugline; routing noise left out', () => {
    const [a] = parse(single({ signals: ['sig:update', 'apsig:consumerready', 'x:withhold', 'edStat:U'] }).replace('Harbour-Vote', 'BC-Harbour, 1st Ld-Writethru'));
    expect(a?.fields.signals).toEqual(['update', 'withhold', 'writethru']);
  });

  it('pubStatus withheld and canceled; a canceled notice with no text is kept as a kill notice', () => {
    expect(parse(single({ pubStatus: 'withheld' }))[0]?.fields.pubStatus).toBe('withheld');
    const [kill] = parse(single({ pubStatus: 'canceled', content: '' }));
    expect(kill).toMatchObject({ fields: { pubStatus: 'canceled', headline: 'Council approves harbour plan' }, flags: ['no-body'], note: expect.stringMatching(/^canceled notice/u) });
  });

  it('a metadata-only item is refused, saying so; a picture item says what it is', () => {
    expect(() => parse(single({ content: '<inlineXML><!-- nothing --></inlineXML>' }))).toThrow(FileRefused);
    expect(() => parse(single({ content: '<inlineXML><!-- nothing --></inlineXML>' }))).toThrow(
      'no text found: NewsML-G2 item urn:newsml:example.com:20240105:harbour has metadata only (no inlineXML or inlineData text)',
    );
    const picture = single({ content: '<remoteContent href="x.jpg"/>' }).replace('ninat:text', 'ninat:picture');
    expect(() => parse(picture)).toThrow(/is a picture item with no text/u);
  });

  it('dates without a zone are read in the import zone and say so', () => {
    const [a] = parse(single().replace('2024-01-05T12:00:00+00:00', '2024-01-05 12:00:00'));
    expect(a?.fields.postedAt).toBe('2024-01-05T12:00:00+09:00');
    expect(a?.zoneAssumed).toBe(true);
  });
});

describe('NewsML-G2: messages and packages', () => {
  it('a newsMessage with several items: one article each, keyed by guid, the header priority on each', () => {
    const articles = parse(message(item({ guid: 'urn:a', version: '1' }), item({ guid: 'urn:b', version: '2', signals: [] })));
    expect(articles.map((a) => [a.key, a.identity?.id, a.identity?.version, a.fields.priority])).toEqual([
      ['urn:a', 'urn:a', 1, 4],
      ['urn:b', 'urn:b', 2, 4],
    ]);
  });

  it('two versions of one guid in a message are two records', () => {
    const articles = parse(message(item({ guid: 'urn:a', version: '1' }), item({ guid: 'urn:a', version: '2' })));
    expect(articles.map((a) => a.key)).toEqual(['urn:a', 'urn:a:2']);
  });

  it('items without text are left out of a message with a note; a message of only such items is refused', () => {
    const articles = parse(message(item({ guid: 'urn:text' }), item({ guid: 'urn:meta', content: '' })));
    expect(articles).toHaveLength(1);
    expect(articles[0]?.note).toMatch(/1 other item\(s\) in this message had no text: NewsML-G2 item urn:meta has metadata only/u);
    expect(() => parse(message(item({ guid: 'urn:meta', content: '' })))).toThrow(/no text found: NewsML-G2 item urn:meta/u);
  });

  it('a packageItem with its referenced items in the message: the items are the articles', () => {
    const pkg = `<packageItem guid="urn:pkg" version="1"><groupSet root="G1"><group id="G1"><itemRef residref="urn:a"/><itemRef residref="urn:b"/></group></groupSet></packageItem>`;
    const articles = parse(message(pkg, item({ guid: 'urn:a' }), item({ guid: 'urn:b' })));
    expect(articles.map((a) => a.identity?.id)).toEqual(['urn:a', 'urn:b']);
  });

  it('a packageItem whose items are not in the file is refused, naming the references', () => {
    const pkg = `<?xml version="1.0"?><packageItem xmlns="${G2}" guid="urn:pkg" version="1"><groupSet root="G1"><group id="G1"><itemRef residref="urn:elsewhere:1"/></group></groupSet></packageItem>`;
    expect(() => parse(pkg)).toThrow('no text found: NewsML-G2 packageItem urn:pkg references 1 item(s) (urn:elsewhere:1), none of them in this file');
  });

  it('malformed G2 is refused with its position', () => {
    expect(() => parse(`<newsItem xmlns="${G2}"><contentSet><inlineXML><p>x</inlineXML></contentSet></newsItem>`)).toThrow(/^NewsML-G2: malformed XML at line 1, column \d+/u);
  });

  it('content nested 20,000 deep keeps its text, flagged deep-nesting', () => {
    const n = 20_000;
    const deep = `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${'<div>'.repeat(n)}<p>deep words</p>${'</div>'.repeat(n)}<p>after</p></body></html></inlineXML>`;
    const [a] = parse(single({ content: deep }));
    expect(a?.flags).toContain('deep-nesting');
    expect(bodyToParagraphs((a as ParsedArticle).body).join(' ')).toMatch(/deep words.*after/u);
  });

  it('unknown vocabulary inside is ignored, not read as text', () => {
    const [a] = parse(single({ extraMeta: '<x:vendorThing xmlns:x="urn:vendor"><x:deep><x:deeper>ignore me</x:deeper></x:deep></x:vendorThing>' }));
    expect(JSON.stringify(a)).not.toContain('ignore me');
  });
});

describe('newsml-g2', () => {
  it.each([
    ['a newsItem in the G2 namespace', `<?xml version="1.0"?><newsItem xmlns="${G2}" guid="x">`, 0.97],
    ['a newsMessage in the G2 namespace', `<newsMessage xmlns="${G2}">`, 0.97],
    ['a packageItem', `<packageItem xmlns="${G2}">`, 0.97],
    ['a G2 root without the namespace (near miss, still G2-shaped)', '<?xml version="1.0"?><newsItem guid="x">', 0.7],
    ['NITF', '<nitf>', 0],
    ['NewsML 1.2', '<NewsML Version="1.2">', 0],
  ])('confidence for %s', (_what, head, score) => {
    expect(newsmlG2Parser.detect(input(head))).toBe(score);
  });
});

const CORPUS: Record<string, Expected[] | string> = {
  'ansa-newsmlg2-text.xml': [{ headline: 'Catalan independence declaration unacceptable - Alfano', dek: 'Foreign minister expresses faith in Spanish government', language: 'it', postedAt: '2017-10-11T10:41:00+01:00', starts: '(ANSA) - Rome, October 11 - Italian Foreign Minister', paragraphs: 4, urgency: 5, priority: 5, located: { name: 'Rome', countryCode: '' }, identity: { provider: 'ansa.it', version: 1 } }],
  'ap.xml': [
    { headline: 'Nutrisystem beats 4Q earnings and revenue expectations', dateline: 'FORT WASHINGTON, Pa.', starts: 'FORT WASHINGTON, Pa. (AP) _ Nutrisystem', paragraphs: 10, urgency: 4, signals: ['writethru'], editorNote: 'Eds: Adds full-year results.', keywords: ['Nutrisystem', 'Earnings Report', 'Pennsylvania'], language: 'en', identity: { id: 'tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text', version: 2 } },
    { headline: 'DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations', dateline: 'BETHESDA, Md.', starts: 'BETHESDA, Md. (AP) _ DiamondRock', paragraphs: 11, identity: { version: 2 } },
    { headline: 'Scripps Networks tops 4Q profit and revenue expectations', dateline: 'KNOXVILLE, Tenn.', starts: 'KNOXVILLE, Tenn. (AP) _ Scripps', paragraphs: 7, signals: [], identity: { version: 1 } },
  ],
  'dpa-urn_newsml_dpa.com_20090101_170626-99-998860.xml': [{ headline: 'Thyssenkrupp-Klage gegen Ex-Manager muss neu verhandelt werden', byline: 'Annett Gehler, dpa', dateline: 'Erfurt (dpa)', language: 'de', postedAt: '2017-06-29T17:16:38+02:00', starts: 'Erfurt (dpa) - Der Stahlkonzern', paragraphs: 11, genre: 'Fragen & Antworten', provider: 'dpa', signals: ['update'], identity: { provider: 'dpa', version: 20 } }],
  'dpa-urn_newsml_dpa.com_20090101_170627-99-11003.xml': [{ headline: '«Mo» gegen «Malm» - Ikea verliert Land im Betten-Krieg', byline: 'Anja Semmelroch, dpa', dateline: 'Karlsruhe (dpa)', starts: 'Karlsruhe (dpa) - Hohes Kopfteil', paragraphs: 11, urgency: 3 }],
  'dpa-urn_newsml_dpa.com_20090101_170629-90-027182.xml': [{ headline: 'DAX: Schlusskurse im XETRA-Handel am 29.06.2017 um 17:56 Uhr', dateline: 'Frankfurt/Main (dpa)', starts: 'Frankfurt/Main (dpa) - An der Frankfurter Wertpapierbörse wurden im elektronischen Handel', paragraphs: 40, genre: 'Tabelle' }],
  'dpa-urn_newsml_dpa.com_20090101_170629-99-43475.xml': [{ headline: 'Bundestag beschließt deutlich schärfere Strafen für Raser', dek: '', dateline: 'Berlin (dpa)', starts: 'Berlin (dpa) - Raser müssen', paragraphs: 3, slugline: 'Kriminalität/Bundestag/Verkehr/Deutschland', identity: { version: 8 } }],
  'dpa-urn_newsml_dpa.com_20090101_170629-99-44578.xml': [{ headline: 'Flüchtlinge: Merkel will Rom helfen - Schlagabtausch Gentiloni-Macron', dateline: 'Berlin (dpa)', starts: 'Berlin (dpa) - Nach der', paragraphs: 6 }],
  'dpa-urn_newsml_dpa.com_20090101_170629-99-44716.xml': [{ headline: 'Leute kompakt', dateline: '', starts: 'Caroline Beil zum zweiten Mal Mutter\n(Foto - Archiv)', paragraphs: 26 }],
  'dpa-urn_newsml_dpa.com_20090101_170629-99-45965.xml': [{ headline: 'Verbot: Erdogan darf in Deutschland nicht vor Landsleuten sprechen', dateline: 'Moskau/Berlin (dpa)', starts: 'Moskau/Berlin (dpa) - Die Bundesregierung', paragraphs: 12, flags: [] }],
  'dpa.xml': [{ headline: 'Eintracht in London: Hintereggers Tränen und Attacke auf Reporter', dateline: 'London (dpa)', postedAt: '2022-10-11T11:14:42+02:00', starts: 'London (dpa) - 2019 gab', paragraphs: 3, keywords: ['Champions League', 'Frankfurt', 'London'], identity: { provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:221011-930-4303', version: 1 } }],
  'iptc-LISTING_1_A_NewsML-G2_News_Item.xml': 'no text found: NewsML-G2 item urn:newsml:acmenews.com:20161018:US-FINANCE-FED has metadata only',
  'iptc-LISTING_22_Sports_story_in_NewsML-G2NITF.xml': [{ headline: 'Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.', language: 'en-US', postedAt: '2016-10-19T11:15:00-05:00', updatedAt: '2018-10-19T11:45:00-04:00', starts: '(Sports Network) - A pair of teams', paragraphs: 6, slugline: 'AAV!PREVIEW-ARI-PHI', genre: 'Game Preview', located: { name: 'Philadelphia', countryCode: '' }, identity: { id: 'tag:xmlteam.com,2016:xt.5932656-preview', version: 11 } }],
  'scoop.xml': [{ headline: 'Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale', byline: 'Staff Reporter', authors: [{ name: 'Staff Reporter', role: 'BusinessDesk' }], postedAt: '2016-01-12T12:35:40+00:00', starts: 'By Jonathan Underhill', paragraphs: 9, urgency: 5, identity: { id: 'BD-20160112123540', version: 3 } }],
  'stt1.xml': [{ headline: 'Mikko Moilanen siirtyy Revenion toimitusjohtajaksi', dateline: 'Helsinki', language: 'fi-FI', starts: 'Diplomi-insinööri Mikko Moilanen siirtyy', paragraphs: 4, signals: ['update'], creditLine: 'STT–' }],
  'stt_newsml_location_rich.xml': [{ headline: 'Tuhannet rohingya-pakolaiset jumissa Myanmarin ja Bangladeshin rajalla', starts: 'Ainakin 6 000 rohingya-vähemmistöön', paragraphs: 2, creditLine: 'STT–AFP' }],
  'stt_newsml_test.xml': [{ headline: 'Parliament passed the Alcohol Act and the government gained confidence*** TRANSLATED ***', dateline: 'Helsinki', starts: '*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***', paragraphs: 40, identity: { version: 4 } }],
  'tag_reuters.com,0000_newsml_ISS149709_1618095828': [{ headline: 'Soccer-Turkish championship results and standings', dateline: '', starts: 'Jan 30 (Gracenote) - Results and standings', paragraphs: 7, slugline: 'SOCCER-TURKEY/RESULTS', identity: { provider: 'reuters.com', version: 1618095828 } }],
  'tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232': [{ headline: 'PRECIOUS-Gold rises as Trump policy fuels safe haven demand', starts: '(Adds comments, detail)', paragraphs: 18 }],
  'tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2': [{ headline: 'UPDATE 2-Primeira Liga Results', dateline: '', starts: 'Jan 3 (OPTA) - Results and fixtures', paragraphs: 1, creditLine: 'Opta Sports Data' }],
  'tag_reuters.com_2014_newsml_KBN0FL0NN_version_5': [{ headline: 'Confident Assad launches new term in stronger position', byline: 'Marwan Makdisi', dateline: '', postedAt: '2014-07-16T08:10:15+00:00', updatedAt: '2014-07-16T15:53:10+00:00', starts: 'DAMASCUS (Reuters) - Bashar', paragraphs: 25, editorNote: 'This is editorial note.', identity: { id: 'tag_reuters.com_2014_newsml_KBN0FL0NN', version: 5 } }],
  'tag_reuters.com_2014_newsml_KBN0FL0ZP_version_2': [{ headline: "Syria's Assad says foreign states will pay for supporting 'terrorism'", starts: 'BEIRUT (Reuters) - President', paragraphs: 4, identity: { version: 2 } }],
  'text.xml': [{ headline: 'Soccer-Smiling Benitez pleads for support after midweek outburst against opponent', starts: 'By Toby Davis', paragraphs: 1, located: { name: 'Bangalore', countryCode: '' } }],
};

describe('NewsML-G2: the real files in interchange/newsml-g2', () => {
  const dir = interchangeFolder('newsml-g2');
  it.skipIf(!dir)('every file has a verified expectation', () => {
    expect(folderFiles(dir as string)).toEqual(Object.keys(CORPUS).sort());
  });
  it.skipIf(!dir).each(Object.entries(CORPUS))('%s', (file, expected) => {
    const path = join(dir as string, file);
    if (typeof expected === 'string') {
      expect(() => parseCorpusFile(path)).toThrow(expected);
      return;
    }
    const { parser, articles } = parseCorpusFile(path);
    expect(parser).toBe('newsml-g2');
    expect(articles).toHaveLength(expected.length);
    expected.forEach((e, i) => expectArticle(articles[i] as ParsedArticle, e));
  });
});
