import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { resolveZone } from '../../../time/zone.ts';
import { type Expected, expectArticle, folderFiles, interchangeFolder, parseCorpusFile } from '../../testing/interchange.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { makeParseInput } from '../input.ts';
import { pickParser } from '../registry.ts';
import { FileRefused } from '../types.ts';
import { nitfParser, parseNitf } from './parser.ts';

const input = (text: string, ext = 'xml') => makeParseInput({ rawText: text, ext, path: `/w/story.${ext}`, zone: resolveZone('Europe/London') });

/** Every field NITF maps, written for this test. */
const FULL = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd">
<nitf baselang="en-GB" version="-//IPTC//DTD NITF 3.4//EN">
  <head>
    <title>Harbour plan title</title>
    <tobject tobject.type="Local">
      <tobject.property tobject.property.type="Analysis"/>
      <tobject.subject tobject.subject.refnum="04005000" tobject.subject.matter="Energy"/>
      <tobject.subject tobject.subject.ipr="XYZ" tobject.subject.refnum="HB-1" tobject.subject.type="Harbours"/>
    </tobject>
    <docdata management-status="embargoed">
      <doc-id regsrc="GWN" id-string="gwn.2024.0042"/>
      <urgency ed-urg="2"/>
      <du-key key="harbour-budget" version="3"/>
      <ed-msg info="Note: figures from the council's own report."/>
      <date.issue norm="20240105T120000Z"/>
      <date.release norm="20240106T060000Z"/>
      <date.expire norm="20240205T000000Z"/>
      <doc.copyright year="2024" holder="Gull Wire News"/>
      <doc.rights limitations="Not for broadcast"/>
      <key-list><keyword key="harbour"/><keyword key="budget"/></key-list>
      <evloc city="Portmouth" iso-cc="gb"/>
      <identified-content><location location-code="000"></location></identified-content>
    </docdata>
    <pubdata type="print" position.section="Business"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Council approves harbour plan</hl1><hl2>Vote ends a two-year dispute</hl2></hedline>
      <note noteclass="editorsnote"><body.content><p>Corrects the vote count.</p></body.content></note>
      <byline>By <person>Ana Ruiz</person> and <person>Tom Hale</person><byttl>Harbour Correspondents</byttl></byline>
      <dateline><location><city>Portmouth</city><country>UK</country></location><story.date norm="20240105T120000Z">Jan 5</story.date></dateline>
      <abstract><p>Not used: there is an hl2.</p></abstract>
    </body.head>
    <body.content>
      <media media-type="image"><media-caption>A photo caption that is not copy.</media-caption></media>
      <p>The council voted <em>9 to 2</em> on Friday &amp; the plan goes ahead.</p>
      <hl2>Costs</hl2>
      <block><p>It costs <a href="https://example.org/plan">four million</a>.</p><ul><li>Dredging</li><li>New quay</li></ul></block>
    </body.content>
    <body.end><tagline>Additional reporting by Lee Park.</tagline></body.end>
  </body>
</nitf>`;

describe('NITF: fields', () => {
  it('maps every docdata, head and body.head field', () => {
    const a = parseNitf(input(FULL));
    expect(a.fields).toEqual({
      headline: 'Council approves harbour plan',
      dek: 'Vote ends a two-year dispute',
      byline: 'Ana Ruiz and Tom Hale',
      authors: [
        { name: 'Ana Ruiz', role: 'Harbour Correspondents' },
        { name: 'Tom Hale', role: 'Harbour Correspondents' },
      ],
      dateline: 'Portmouth, UK',
      section: 'Business',
      keywords: ['harbour', 'budget'],
      subjects: [
        { scheme: 'subj', code: '04005000', label: 'Energy' },
        { scheme: 'xyz', code: 'HB-1', label: 'Harbours' },
      ],
      genre: 'Analysis',
      slugline: 'harbour-budget',
      urgency: 2,
      editorNote: "Note: figures from the council's own report.\nCorrects the vote count.",
      pubStatus: 'usable',
      provider: 'GWN',
      copyrightHolder: 'Gull Wire News',
      usageTerms: 'Not for broadcast',
      located: { name: 'Portmouth', countryCode: 'GB' },
      language: 'en-GB',
      postedAt: '2024-01-05T12:00:00+00:00',
      embargoedUntil: '2024-01-06T06:00:00+00:00',
      expiresAt: '2024-02-05T00:00:00+00:00',
    });
    expect(a.identity).toEqual({ provider: 'gwn', id: 'gwn.2024.0042', version: 3 });
    expect(a.zoneAssumed).toBe(false);
  });

  it('takes the story, not the editor’s note, with subheads, links, lists and the tagline; no captions', () => {
    const a = parseNitf(input(FULL));
    expect(bodyToParagraphs(a.body)).toEqual([
      'The council voted 9 to 2 on Friday & the plan goes ahead.',
      'Costs',
      'It costs four million.',
      'Dredging\nNew quay',
      'Additional reporting by Lee Park.',
    ]);
    expect(a.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'list', 'paragraph']);
    expect(JSON.stringify(a.body)).toContain('https://example.org/plan');
    expect(markupLeaks(a)).toEqual([]);
  });

  it('byline without a job title: By<person>…</person><byttl>…</byttl>, and a title run into the name', () => {
    const story = (byline: string) => parseNitf(input(`<nitf><body><body.head><hedline><hl1>H</hl1></hedline><byline>${byline}</byline></body.head><body.content><p>x</p></body.content></body></nitf>`)).fields;
    expect(story('By<person>Staff Reporter</person><byttl>BusinessDesk</byttl>')).toMatchObject({ byline: 'Staff Reporter', authors: [{ name: 'Staff Reporter', role: 'BusinessDesk' }] });
    expect(story('By JANE ROE<byttl>Business Writer</byttl>')).toMatchObject({ byline: 'JANE ROE', authors: [{ name: 'JANE ROE', role: 'Business Writer' }] });
    expect(story('<byttl>Sports Network</byttl>')).toMatchObject({ byline: '', authors: [] });
  });

  it('dek only from hedline/hl2: a subhead in the story stays there; an hl2 equal to the headline is no dek', () => {
    const a = parseNitf(input('<nitf><body><body.head><hedline><hl1>Same</hl1><hl2>Same</hl2></hedline></body.head><body.content><p>Lead.</p><hl2>Subhead</hl2><p>More.</p></body.content></body></nitf>'));
    expect(a.fields.dek).toBe('');
    expect(bodyToParagraphs(a.body)).toEqual(['Lead.', 'Subhead', 'More.']);
  });

  it('an abstract is a dek only when it does not just open the story', () => {
    const withAbstract = (abstract: string) => parseNitf(input(`<nitf><body><body.head><hedline><hl1>H</hl1></hedline><abstract><p>${abstract}</p></abstract></body.head><body.content><p>The lead paragraph of the story.</p></body.content></body></nitf>`)).fields.dek;
    expect(withAbstract('A summary of it.')).toBe('A summary of it.');
    expect(withAbstract('The lead paragraph')).toBe('');
  });

  it('dateline: empty <location> and story.date are not a dateline; the dateline’s own words are', () => {
    const dl = (d: string) => parseNitf(input(`<nitf><body><body.head><hedline><hl1>H</hl1></hedline><dateline>${d}</dateline></body.head><body.content><p>x</p></body.content></body></nitf>`)).fields.dateline;
    expect(dl('<location/><story.date norm="20200101T000000Z">20200101T000000Z</story.date>')).toBe('');
    expect(dl('Oslo')).toBe('Oslo');
    expect(dl('<location><city>Newport News</city>, <state>VA</state></location>')).toBe('Newport News, VA');
  });

  it('language: baselang, else xml:lang on nitf, body or the story’s first element; else guessed from the script', () => {
    const lang = (attrs: string, p = '<p>x</p>') => parseNitf(input(`<nitf ${attrs}><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>${p}</body.content></body></nitf>`)).fields.language;
    expect(lang('baselang="nb-no" xml:lang="en"')).toBe('nb-NO');
    expect(lang('xml:lang="de"')).toBe('de');
    expect(lang('', '<p xml:lang="en-US">x</p>')).toBe('en-US');
    expect(lang('', '<p>서울에서 기자가 전했다</p>')).toBe('ko');
  });

  it('management-status canceled and withheld are the pubStatus; a release date before the issue is no embargo', () => {
    const status = (s: string) => parseNitf(input(`<nitf><head><docdata management-status="${s}"><date.issue norm="20240105T120000Z"/><date.release norm="20240101T000000Z"/></docdata></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>x</p></body.content></body></nitf>`)).fields;
    expect(status('canceled')).toMatchObject({ pubStatus: 'canceled' });
    expect(status('withheld')).toMatchObject({ pubStatus: 'withheld' });
    expect(status('usable').embargoedUntil).toBeUndefined();
  });

  it('a headline with no body.content is imported, flagged no-body; no headline and no body is refused', () => {
    const a = parseNitf(input('<nitf><body><body.head><hedline><hl1>Flash only</hl1></hedline></body.head></body></nitf>'));
    expect(a.flags).toContain('no-body');
    expect(() => parseNitf(input('<nitf><head><title></title><docdata><doc-id id-string="X.1"/></docdata></head><body><body.head><hedline></hedline></body.head><body.content></body.content></body></nitf>'))).toThrow(
      /^no text found: the NITF document X\.1 has no headline and no body\.content$/u,
    );
  });

  it('malformed NITF is refused with the line and column, never read as text', () => {
    expect(() => parseNitf(input('<nitf><body><body.content>\n<p>AT&T rises<p></body.content></body></nitf>'))).toThrow(FileRefused);
    expect(() => parseNitf(input('<nitf><body><body.content>\n<p>one<p>two</body.content></body></nitf>'))).toThrow(/^NITF: malformed XML at line 2, column \d+: /u);
  });
});

describe('nitf', () => {
  it.each([
    ['a NITF root, with or without the IPTC namespace', '<?xml version="1.0"?>\n<nitf>', 0.95],
    ['a namespaced NITF root', '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">', 0.95],
    ['NITF embedded in NewsML-G2 (G2 reads it)', '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML><nitf>', 0],
    ['a text mentioning <nitf> (near miss)', 'Our wire sends <nitf> files.\n\n<nitf> is XML.', 0],
    ['a .nitf file that is an HTML page', '<!doctype html><html><body>x</body></html>', 0],
  ])('confidence for %s', (_what, head, score) => {
    expect(nitfParser.detect(input(head, 'nitf'))).toBe(score);
  });
});

const CORPUS: Record<string, Expected | string> = {
  'aap-finance-lite.xml': 'no text found: the NITF document AFP.121974877.6504909 has no headline and no body.content',
  'aap-finance.xml': { headline: 'ASIA:Samsung sells defence, petrochemical units', byline: '', postedAt: '2014-11-26T15:27:03+00:00', starts: 'SEOUL, Nov 26 AFP - Samsung', paragraphs: 14, urgency: 5, copyrightHolder: 'Agence France Presse', identity: { id: 'AFP.121974877.6504909' } },
  'aap-finance1.xml': { headline: 'Highlights of the AAP Finance Wire at 14:45 Feb 20, 2015', starts: 'Highlights of the AAP Finance Wire for Friday', paragraphs: 18, urgency: 5 },
  'aap-sports.xml': { headline: 'RL:Ferguson returns at centre for Roosters', starts: 'Blake Ferguson has been named to make his top grade return at centre in', paragraphs: 5, postedAt: '2015-02-18T16:01:41+00:00' },
  'aap.xml': { headline: "The main stories on today's 1900 ABC TV news", dek: '', byline: 'John Doe', dateline: 'Sydney', postedAt: '2013-10-20T19:27:51+11:00', starts: 'The main stories on ABC', paragraphs: 13, subjects: [{ scheme: 'subj', code: '02003001', label: 'law enforcement' }, { scheme: 'subj', code: '02003002', label: 'investigation' }] },
  'ap-nitf.xml': { headline: 'Can trading pollution like stocks help fight climate change?', dek: '', byline: 'BERNARD CONDON', authors: [{ name: 'BERNARD CONDON', role: 'AP Business Writer' }], dateline: 'NEW YORK', postedAt: '2015-12-10T19:10:44+00:00', starts: 'NEW YORK (AP) — The gas', paragraphs: 28, editorNote: 'For global distribution', provider: 'AP' },
  'ap_media_text_nitf.xml': { headline: 'BC-BBN--Top Ten', dek: '', starts: "BASEBALL'S TOP TEN", paragraphs: 20, postedAt: '2019-07-03T04:05:12+00:00' },
  'efe_nitf.xml': { headline: 'Honduran president announces Cabinet changes', dek: 'HONDURAS GOVERNMENT', byline: 'gr/bp', dateline: '', language: 'en-US', starts: 'Tegucigalpa, Jan 2 (EFE).-', paragraphs: 1, keywords: ['HONDURAS GOVERNMENT'], located: { name: 'Tegucigalpa', countryCode: '' }, pubStatus: 'usable', identity: { id: '22751909' } },
  'handle_invalid_fields.xml': { headline: 'Man accused of ramming gate at Rideau Hall with truck faces multiple charges', dek: 'Rideau Hall suspect faces multiple charges', byline: 'Mia Rabson and Jordan Press', authors: [{ name: 'Mia Rabson and Jordan Press', role: 'The Canadian Press' }], dateline: 'Ottawa, Ontario, Canada', postedAt: '2020-07-03T16:51:36-04:00', starts: 'OTTAWA - A Manitoba man', paragraphs: 27 },
  'mapping_test.xml': { headline: '*En 41-årig mand, der onsdag blev anholdt og sat i forbindel', language: 'no-NO', slugline: 'NU-FLASH-K', urgency: 3, postedAt: '2016-05-12T00:05:13+02:00', starts: 'København /ritzau/: En 41-årig mand', paragraphs: 4, identity: { provider: 'ritzau.dk', id: '20160512:RTZ:8883:0' } },
  'nitf-fishing.xml': { headline: 'Weather and Tide Updates for Norfolk', dek: 'A sample, fictitious NITF article', byline: 'Alan Karben', authors: [{ name: 'Alan Karben', role: 'NITF Network News Online' }], dateline: 'Newport News, VA', language: 'en-US', postedAt: '2002-02-26T00:00:00-05:00', starts: 'The weather was superb today in Norfolk', paragraphs: 10, keywords: ['fishing', 'lures', 'tides'], slugline: 'ongoing-winter-tide-updates', pubStatus: 'canceled', urgency: 3, embargoedUntil: '2002-02-26T09:30:00-05:00', expiresAt: '2012-02-26T09:30:00-05:00', located: { name: 'Norfolk', countryCode: 'US' }, identity: { provider: 'iptc.org', id: 'iptc.321656141.b' } },
  'nitf-ntb.xml': { headline: 'Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030', byline: 'Geir Molnes / Faktisk.no', dateline: 'Oslo', language: 'nb-NO', starts: 'Nei, dette dokumentet beskriver ikke', paragraphs: 45, identity: { provider: 'ntb' } },
  'pa1.xml': { headline: 'PA SPORT TRIVIA (OCTOBER 14)', dek: '', starts: 'ON THIS DAY IN SPORT', paragraphs: 43, slugline: 'PA-SSS-SPORT-Trivia(Oct14)', provider: 'PA' },
  'pa2.xml': { headline: '1 SOCCER INT-Teams', starts: 'International Match\nMexico v Panama', paragraphs: 1, slugline: '580001T', postedAt: '2015-10-14T02:43:58+01:00' },
  'pa3.xml': { headline: "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS", dek: '', byline: 'Benjamin Wright, Press Association', starts: 'The UK risks breaking up', paragraphs: 1, embargoedUntil: '2016-09-09T00:01:00+01:00' },
  'pa4.xml': { headline: 'GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016', dek: '', byline: 'Ian Jones, Press Association', starts: 'The Great British Bake Off', paragraphs: 21 },
  'pa5.xml': { headline: 'HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY', byline: 'Sam Lister, Press Association Political Correspondent', starts: 'Treasury coffers will take a £66 billion', paragraphs: 19, postedAt: '2016-10-11T00:13:27+01:00' },
};

describe('NITF: the real files in interchange/nitf', () => {
  const dir = interchangeFolder('nitf');
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
    expect(parser).toBe('nitf');
    expect(articles).toHaveLength(1);
    expectArticle(articles[0] as (typeof articles)[number], expected);
  });
});

describe('NITF picked by the registry', () => {
  it('over html for a .xml file, and refused (not read as text) when malformed', () => {
    expect(pickParser(input(FULL)).name).toBe('nitf');
  });
});
