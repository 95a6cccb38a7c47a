import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { resolveZone } from '../../../time/zone.ts';
import { folderFiles, interchangeFolder, parseCorpusFile, type Expected, expectArticle } from '../../testing/interchange.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { makeParseInput } from '../input.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { atomParser } from './atom.ts';
import { rssParser } from './rss.ts';

const input = (text: string, ext = 'xml') => makeParseInput({ rawText: text, ext, path: `/feeds/f.${ext}`, zone: resolveZone('UTC') });
const paras = (a: ParsedArticle | undefined) => bodyToParagraphs((a as ParsedArticle).body);

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title><link>https://www.harbour.example/</link><language>en-gb</language>
  <item>
    <title>Council approves &lt;em&gt;harbour&lt;/em&gt; plan</title>
    <link>https://www.harbour.example/news/plan</link>
    <guid isPermaLink="false">hg-1001</guid>
    <pubDate>Fri, 05 Jan 2024 12:00:00 +0000</pubDate>
    <dc:creator><![CDATA[Ana Ruiz]]></dc:creator><dc:creator>Tom Hale</dc:creator>
    <category>Local</category><category>Uncategorized</category><category>Harbour</category>
    <description><![CDATA[The vote ends a <b>two-year</b> dispute.]]></description>
    <content:encoded><![CDATA[<figure><img src="a.jpg"/><figcaption>Caption</figcaption></figure><p>The council voted on Friday.</p><p>See <a href="/docs/plan.pdf">the plan</a>.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Ferry timetable changes</title>
    <link>https://www.harbour.example/news/ferry</link>
    <author>desk@harbour.example (Lee Park)</author>
    <description>Ferries leave earlier from Monday.</description>
  </item>
  <item><title>Photo of the day</title><guid>hg-1003</guid></item>
  <item><title>Repeated guid</title><guid>hg-1001</guid><description>Second use of the id.</description></item>
</channel>
</rss>`;

describe('RSS 2.0', () => {
  const articles = rssParser.parse(input(RSS));

  it('one article per item, keyed by guid (else link), identity scoped by the channel host', () => {
    expect(articles.map((a) => [a.key, a.identity])).toEqual([
      ['hg-1001', { provider: 'harbour.example', id: 'hg-1001', version: null }],
      ['https://www.harbour.example/news/ferry', { provider: 'harbour.example', id: 'https://www.harbour.example/news/ferry', version: null }],
      ['hg-1003', { provider: 'harbour.example', id: 'hg-1003', version: null }],
      ['hg-1001~2', { provider: 'harbour.example', id: 'hg-1001', version: null }],
    ]);
  });

  it('content:encoded is the body, description the dek, dc:creator the byline, categories the tags', () => {
    const a = articles[0] as ParsedArticle;
    expect(a.fields).toEqual({
      headline: 'Council approves harbour plan',
      dek: 'The vote ends a two-year dispute.',
      byline: 'Ana Ruiz, Tom Hale',
      authors: [
        { name: 'Ana Ruiz', role: '' },
        { name: 'Tom Hale', role: '' },
      ],
      tags: ['Local', 'Harbour'],
      language: 'en-GB',
      postedAt: '2024-01-05T12:00:00+00:00',
    });
    expect(paras(a)).toEqual(['The council voted on Friday.', 'See the plan.']);
    expect(JSON.stringify(a.body)).toContain('https://www.harbour.example/docs/plan.pdf');
    expect(a.flags).toEqual([]);
    expect(markupLeaks(a)).toEqual([]);
  });

  it('an item with only a description is still an article, flagged summary-only; the author element names the writer', () => {
    const a = articles[1] as ParsedArticle;
    expect(a.fields).toMatchObject({ headline: 'Ferry timetable changes', dek: '', byline: 'Lee Park' });
    expect(paras(a)).toEqual(['Ferries leave earlier from Monday.']);
    expect(a.flags).toEqual(['summary-only']);
  });

  it('an item with only a title is kept, flagged no-body', () => {
    expect(articles[2]).toMatchObject({ fields: { headline: 'Photo of the day' }, flags: ['no-body'] });
  });

  it('a teaser ending in a read-more link is flagged summary-only, without the link line', () => {
    const teaser = RSS.replace('<p>See <a href="/docs/plan.pdf">the plan</a>.</p>', '<p><a href="/news/plan">Continue reading</a></p>');
    const [a] = rssParser.parse(input(teaser));
    expect(paras(a)).toEqual(['The council voted on Friday.']);
    expect(a?.flags).toEqual(['summary-only']);
    expect(a?.fields.dek).toBe('The vote ends a two-year dispute.');
  });

  it('item HTML nested 20,000 deep keeps its text, flagged deep-nesting', () => {
    const n = 20_000;
    const deep = `<rss><channel><link>https://x.example/</link><item><guid>d</guid><title>Deep</title><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[${'<div>'.repeat(n)}<p>deep words</p>${'</div>'.repeat(n)}]]></content:encoded></item></channel></rss>`;
    const [a] = rssParser.parse(input(deep));
    expect(a?.flags).toContain('deep-nesting');
    expect(paras(a).join(' ')).toContain('deep words');
  });

  it('a channel without items is refused; malformed RSS with its position', () => {
    expect(() => rssParser.parse(input('<rss version="2.0"><channel><title>Empty</title></channel></rss>'))).toThrow('no text found: the RSS feed "Empty" has no items');
    expect(() => rssParser.parse(input('<rss><channel><item><title>AT&T</title></item></channel></rss>'))).toThrow(FileRefused);
    expect(() => rssParser.parse(input('<rss><channel>\n<item><title>x</item></channel></rss>'))).toThrow(/^RSS: malformed XML at line 2/u);
  });
});

describe('RSS 1.0 (RDF)', () => {
  const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.org/rss"><title>Example</title><link>https://news.example.org/</link><dc:language>de</dc:language></channel>
  <item rdf:about="https://news.example.org/a/1"><title>Hafen genehmigt</title><link>https://news.example.org/a/1</link><description>Der Rat stimmte zu.</description><dc:creator>Anna Berg</dc:creator><dc:date>2024-01-05T12:00:00+01:00</dc:date><dc:subject>Lokales</dc:subject></item>
</rdf:RDF>`;

  it('items beside the channel, dc: metadata, identity the item link', () => {
    expect(rssParser.detect(input(RDF))).toBe(0.95);
    const [a] = rssParser.parse(input(RDF));
    expect(a).toMatchObject({
      key: 'https://news.example.org/a/1',
      identity: { provider: 'news.example.org', id: 'https://news.example.org/a/1' },
      fields: { headline: 'Hafen genehmigt', byline: 'Anna Berg', tags: ['Lokales'], language: 'de', postedAt: '2024-01-05T12:00:00+01:00' },
      flags: ['summary-only'],
    });
    expect(paras(a)).toEqual(['Der Rat stimmte zu.']);
  });
});

describe('Atom', () => {
  const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Harbour Log</title><id>tag:harbour.example,2024:log</id>
  <link rel="alternate" href="https://log.harbour.example/"/>
  <author><name>The Desk</name></author>
  <entry>
    <title type="html">Plan &lt;em&gt;approved&lt;/em&gt;</title><id>tag:harbour.example,2024:1</id>
    <link rel="alternate" href="https://log.harbour.example/1"/>
    <published>2024-01-05T12:00:00Z</published><updated>2024-01-05T15:30:00Z</updated>
    <author><name>Ana Ruiz</name></author>
    <category term="local" label="Local news"/><category term="harbour"/>
    <summary>The vote ends a dispute.</summary>
    <content type="html" xml:lang="en-GB">&lt;p&gt;The council voted.&lt;/p&gt;&lt;p&gt;&lt;a href="/docs"&gt;Documents&lt;/a&gt;&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Xhtml entry</title><id>tag:harbour.example,2024:2</id><updated>2024-01-06T09:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>bold</b>.</p><ul><li>one</li><li>two</li></ul></div></content>
  </entry>
  <entry>
    <title type="text">Text entry</title><id>tag:harbour.example,2024:3</id><updated>2024-01-07T09:00:00Z</updated>
    <content type="text">Line one
wrapped.

Second paragraph.</content>
  </entry>
  <entry><title>Linked only</title><id>tag:harbour.example,2024:4</id><updated>2024-01-08T09:00:00Z</updated><content src="https://log.harbour.example/4.pdf" type="application/pdf"/><summary type="html">&lt;p&gt;A summary.&lt;/p&gt;</summary></entry>
</feed>`;
  const articles = atomParser.parse(input(ATOM));

  it('entries by atom:id, scoped by the feed host; title types, published/updated, categories by label', () => {
    expect(articles.map((a) => a.key)).toEqual(['tag:harbour.example,2024:1', 'tag:harbour.example,2024:2', 'tag:harbour.example,2024:3', 'tag:harbour.example,2024:4']);
    expect(articles[0]).toMatchObject({
      identity: { provider: 'log.harbour.example', id: 'tag:harbour.example,2024:1', version: null },
      fields: { headline: 'Plan approved', dek: 'The vote ends a dispute.', byline: 'Ana Ruiz', tags: ['Local news', 'harbour'], language: 'en-GB', postedAt: '2024-01-05T12:00:00+00:00', updatedAt: '2024-01-05T15:30:00+00:00' },
    });
    expect(JSON.stringify(articles[0]?.body)).toContain('https://log.harbour.example/docs');
  });

  it('html, xhtml and text content; feed author when the entry names none; out-of-line content falls back to the summary', () => {
    expect(paras(articles[0])).toEqual(['The council voted.', 'Documents']);
    expect(paras(articles[1])).toEqual(['First bold.', 'one\ntwo']);
    expect(articles[1]?.fields).toMatchObject({ byline: 'The Desk', postedAt: '2024-01-06T09:00:00+00:00', language: 'en' });
    expect(paras(articles[2])).toEqual(['Line one wrapped.', 'Second paragraph.']);
    expect(paras(articles[3])).toEqual(['A summary.']);
    expect(articles[3]?.flags).toEqual(['summary-only']);
    for (const a of articles) expect(markupLeaks(a)).toEqual([]);
  });

  it('a lone <entry> document is one article', () => {
    const entry = '<entry xmlns="http://www.w3.org/2005/Atom"><title>Alone</title><id>urn:x:1</id><updated>2024-01-05T12:00:00Z</updated><content>Body.</content></entry>';
    expect(atomParser.detect(input(entry))).toBe(0.95);
    expect(atomParser.parse(input(entry)).map((a) => [a.key, a.fields.headline])).toEqual([['urn:x:1', 'Alone']]);
  });

  it('a wire extension carrying the story (WENN) wins over a placeholder content', () => {
    const wenn = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cm="http://feed.wenn.com/xmlns/2010/03/wenn_cm" xmlns:nm="http://feed.wenn.com/xmlns/2010/03/wenn_nm"><link href="http://feed.example/"/><entry><id>urn:w:1</id><updated>2024-01-05T12:00:00+00:00</updated><title>T</title><content type="text">placeholder</content>
      <nm:NewsManagement><nm:feedarticle_section>Film</nm:feedarticle_section><nm:published>2024-01-05T10:00:00+00:00</nm:published></nm:NewsManagement>
      <cm:ContentMetadata lang="en-GB"><cm:title>Star signs deal</cm:title><cm:first_line>The star signed on Friday.</cm:first_line><cm:body>  More detail follows.

  And more.</cm:body><cm:slug>(AB/CD)</cm:slug><cm:tags><cm:tag value="Star"/></cm:tags></cm:ContentMetadata></entry></feed>`;
    const [a] = atomParser.parse(input(wenn));
    expect(a?.fields).toMatchObject({ headline: 'Star signs deal', slugline: 'AB/CD', section: 'Film', keywords: ['Star'], provider: 'WENN', language: 'en-GB', postedAt: '2024-01-05T10:00:00+00:00' });
    expect(paras(a)).toEqual(['The star signed on Friday.', 'More detail follows.', 'And more.']);
  });

  it('a feed without entries is refused', () => {
    expect(() => atomParser.parse(input('<feed xmlns="http://www.w3.org/2005/Atom"><title>None</title></feed>'))).toThrow('no text found: the Atom feed "None" has no entries');
  });
});

describe('rss', () => {
  it.each([
    ['an rss root', '<?xml version="1.0"?><rss version="2.0">', 0.95],
    ['an RDF root in RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">', 0.95],
    ['an RDF document of another vocabulary (near miss)', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:foaf="http://xmlns.com/foaf/0.1/">', 0],
    ['an Atom feed', '<feed xmlns="http://www.w3.org/2005/Atom">', 0],
  ])('confidence for %s', (_what, head, score) => {
    expect(rssParser.detect(input(head))).toBe(score);
  });
});

describe('atom', () => {
  it.each([
    ['an Atom feed', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', 0.95],
    ['an Atom entry', '<entry xmlns="http://www.w3.org/2005/Atom">', 0.95],
    ['a <feed> of another vocabulary (near miss)', '<feed xmlns="urn:example:feed">', 0],
    ['RSS', '<rss version="2.0">', 0],
  ])('confidence for %s', (_what, head, score) => {
    expect(atomParser.detect(input(head))).toBe(score);
  });
});

/** Per file: item count, then expectations for the items named by index. */
const CORPUS: Record<string, { parser: string; items: number; summaryOnly: number; check: Record<number, Expected> }> = {
  '404media.xml': { parser: 'rss', items: 15, summaryOnly: 0, check: { 0: { headline: "'Students Are Being Treated Like Guinea Pigs:' Inside an AI-Powered Private School", byline: 'Emanuel Maiberg', postedAt: '2026-02-17T15:20:02+00:00', starts: 'Alpha School, an “AI-powered private school”', paragraphs: 1, tags: ['News', 'AI', 'education'], identity: { provider: '404media.co', id: '6994819b02276e00015b0a2a' } } } },
  'elpais-english.xml': { parser: 'rss', items: 56, summaryOnly: 54, check: { 0: { headline: 'The future of many Cubans in the US depends on a long legal saga', byline: 'Abel Fernández', language: 'en', postedAt: '2026-02-17T08:53:24+00:00', starts: 'Some say they were simply unlucky', paragraphs: 1, tags: ['Cuba', 'Donald Trump', 'Miami', 'ICE', 'Barack Obama'], flags: ['summary-only'] } } },
  'kottke-atom.xml': { parser: 'atom', items: 60, summaryOnly: 0, check: { 0: { headline: 'Reimagining the Origins of Winter Sports', byline: 'Jason Kottke', language: 'en-US', postedAt: '2026-02-17T22:54:07+00:00', starts: 'A New Winter is a project', paragraphs: 4, identity: { provider: 'kottke.org', id: 'tag:kottke.org,2026-02-17:48386' } } } },
  'npr-world.xml': { parser: 'rss', items: 10, summaryOnly: 10, check: { 0: { headline: 'U.S. releases new details on alleged secret Chinese nuclear test', byline: 'Geoff Brumfiel', postedAt: '2026-02-17T13:56:24-05:00', starts: 'At a event in Washington D.C.', paragraphs: 2, flags: ['summary-only'], identity: { provider: 'npr.org' } } } },
  'time-world.xml': { parser: 'rss', items: 100, summaryOnly: 0, check: { 0: { headline: '‘A European Moment:’ E.U. Leaders Push Back Against U.S. ‘Civilizational Erasure’ Claim', byline: 'Callum Sutherland', language: 'en-US', postedAt: '2026-02-16T20:00:14+00:00', starts: 'E.U. leaders are pushing for increased European sovereignty', paragraphs: 21, tags: ['News Desk'], identity: { provider: 'time.com', id: 'https://time.com/?p=7379005' } } } },
  'wenn-atom.xml': { parser: 'atom', items: 2, summaryOnly: 0, check: { 0: { headline: 'Suge Knight involved in fatal hit and run incident', language: 'en-GB', postedAt: '2015-01-30T00:33:06+00:00', updatedAt: '2015-01-30T02:40:56+00:00', starts: 'Police officials in Los Angeles are investigating', paragraphs: 5, slugline: 'KL&TD/WNWCZM/RL', section: 'Music', tags: ['Music'] }, 1: { headline: 'Jagged Edge singer Kyle Norman arrested over domestic assault', starts: 'JAGGED EDGE singer KYLE NORMAN', paragraphs: 5 } } },
};

describe('Feeds: the real files in interchange/rss-atom', () => {
  const dir = interchangeFolder('rss-atom');
  it.skipIf(!dir)('every file has a verified expectation', () => {
    expect(folderFiles(dir as string)).toEqual(Object.keys(CORPUS).sort());
  });
  it.skipIf(!dir).each(Object.entries(CORPUS))('%s', (file, expected) => {
    const { parser, articles } = parseCorpusFile(join(dir as string, file));
    expect(parser).toBe(expected.parser);
    expect(articles).toHaveLength(expected.items);
    expect(new Set(articles.map((a) => a.key)).size).toBe(expected.items);
    expect(articles.filter((a) => a.flags.includes('summary-only'))).toHaveLength(expected.summaryOnly);
    for (const [i, e] of Object.entries(expected.check)) expectArticle(articles[Number(i)] as ParsedArticle, e);
    for (const a of articles) {
      expect(a.fields.headline).not.toBe('');
      expect(markupLeaks(a)).toEqual([]);
    }
  });
});
