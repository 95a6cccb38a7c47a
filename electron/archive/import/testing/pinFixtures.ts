// Files written for preparedOutput.test.ts (no publisher's text): one or more
// per format, each reaching many branches of the shared conversion code
// (htmlBlocks.ts, shared/editor/build.ts, the word count, the content hash) so
// that a change made for speed that alters any output shows up in the pinned
// snapshots. Names carry the extension the importer would see.
import { anpaMessage, iptcMessage } from '../parsers/wire/fixtures.ts';
import { capturePage, storyHtml } from '../parsers/web/fixtures.ts';

const nest = (open: string, close: string, depth: number, inner: string) => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Inline markup of every kind htmlBlocks reads, with the whitespace habits of real files. */
const INLINE = `  Lead   text\twith <b>bold</b>, <strong>strong <i>and italic</i></strong>, <em>em</em>, <u>under</u>,
  <s>struck</s> <del>deleted</del>, <code>code()</code>, <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <cite>Cited</cite>,
  a&nbsp;non&#160;breaking&nbsp;&nbsp;space, an <a href="https://example.org/a?b=1&amp;c=2">absolute link</a>,
  a <a href="mailto:desk@example.org">mail link</a>, an unsafe <a href="javascript:alert(1)">script link</a>,
  an empty <a href="https://example.org/empty"></a> link, a <a href="https://example.org/img"><img src="x.png" alt="pic"></a>
  picture link, a <a href="https://example.org/f"><b>bold link</b> and plain</a>, <span>span text</span> <font>font</font>.   `;
/** The same, well-formed for the XML formats. */
const INLINE_XML = INLINE.replace('alt="pic">', 'alt="pic"/>');

const HTML_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Pinned page | Example Times</title>
<meta name="author" content="Jo Writer"><meta property="article:published_time" content="2024-03-01T09:30:00+01:00">
<style>p { color: red }</style><script type="application/json">{"note": "<p>not text</p>"}</script></head>
<body>
<article>
<h1>Pinned page headline</h1>
<p class="byline">By Jo Writer</p>
<p>${INLINE}</p>
<p>   </p><p></p>
<h2>Sub <i>heading</i></h2><h3>Third</h3><h4>Fourth</h4><h5>Fifth</h5><h6>Sixth</h6>
<blockquote><p>Quoted first.</p><p>Quoted <b>second</b>.</p><ul><li>list in quote</li></ul><hr></blockquote>
<blockquote>Bare quote text<br>second line</blockquote>
<ul><li>One</li><li>Two <b>bold</b><ul><li>Two.one</li><li>Two.two<ol start="7"><li>Seven</li><li>Eight</li></ol></li></ul></li>
<li><p>Para in item</p><p>Second para in item</p></li><li>   </li><li>Last</li></ul>
<ol start="3"><li>Three</li><li>Four</li></ol><ol start="x"><li>Bad start</li></ol>
<pre>  preformatted
    indented   line
last line
</pre>
<p>Line one<br>Line two<br/><br>Line four</p>
<hr>
<table><tr><td>cell one</td><td>cell two</td></tr><tr><td>row two</td></tr></table>
<dl><dt>Term</dt><dd>Definition</dd></dl>
<div>Loose div text <section>section text</section> tail text</div>
<figure><img src="a.png"><figcaption>Figure caption</figcaption></figure>
<p>Entities: &amp; &lt;tag&gt; &quot;quoted&quot; &eacute;t&eacute; &#x1F600; caf&#233;</p>
<p>Mixed scripts: 서울에서 회의가 열렸다. 東京で会議が開かれた。 Ünïcödé and emoji 🎉 in one line.</p>
<!-- a comment -->
</article></body></html>`;

/** Structure nested past htmlBlocks' MAX_NESTING (128) and lists past it too. */
const DEEP_HTML = `<!doctype html><html><body>
<p>Before the deep part.</p>
${nest('<div>', '</div>', 140, '<p>Deep <b>bold</b> paragraph</p><p>second deep</p>')}
${nest('<b>', '</b>', 135, 'deeply bold words <i>and italic</i>')}
${nest('<ul><li>', '</li></ul>', 70, 'deep item')}
${nest('<blockquote>', '</blockquote>', 130, 'deep quote')}
<p>After the deep part.</p>
</body></html>`;

const MARKDOWN = `---
title: "Pinned Markdown"
date: 2024-02-10 08:15
byline: Sam Author
tags: [harbour, council]
---

# Heading one

A paragraph with *emphasis*, **strong**, \`code\`, ~~struck~~ and a [link](https://example.org/md "t").
A second line of the same paragraph.

> A quote
> over two lines

- item one
- item two
  - nested item
1. first
2. second

![alt text](https://example.org/i.png)

| a | b |
|---|---|
| 1 | 2 |

    indented code

<b>inline html</b> and <script>alert(1)</script>

---

Last paragraph with an autolink <https://example.org/auto>.
`;

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Pin Gazette</title><link>https://www.pin.example/</link><language>en</language>
<item><title>First &amp; foremost</title><link>https://www.pin.example/1</link><guid>pin-1</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate><dc:creator>Ana Ruiz</dc:creator><category>Local</category>
<description><![CDATA[Short <b>summary</b>.]]></description>
<content:encoded><![CDATA[<p>${INLINE}</p><p>See <a href="/rel/path">a relative link</a>.</p><ul><li>a</li><li>b</li></ul><p>Line at wire width one two three four five six seven eight<br/>continued on the next wire line with more words to fill it up<br/>and the end.</p>]]></content:encoded></item>
<item><title>Second</title><guid>pin-2</guid><description>Only a description, &lt;i&gt;escaped&lt;/i&gt; markup.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Pin Atom</title><id>https://atom.pin.example/</id><updated>2024-03-05T10:00:00Z</updated>
<author><name>Feed Author</name></author>
<entry><title type="html">Erster &lt;b&gt;Eintrag&lt;/b&gt;</title><id>tag:atom.pin.example,2024:1</id><updated>2024-03-05T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Erster <em>Absatz</em>.</p><p>Zweiter Absatz mit <a href="https://atom.pin.example/x">Link</a>.</p></div></content></entry>
<entry><title>Zweiter</title><id>tag:atom.pin.example,2024:2</id><updated>2024-03-05T11:00:00+01:00</updated>
<content type="html">&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;&lt;blockquote&gt;zitiert&lt;/blockquote&gt;</content></entry>
</feed>`;

const NITF = `<?xml version="1.0" encoding="UTF-8"?>
<nitf baselang="en-US"><head><title>Pin NITF</title><docdata><doc-id id-string="pin-nitf-1"/><date.issue norm="20240306T120000Z"/><key-list><keyword key="harbour"/></key-list></docdata></head>
<body><body.head><hedline><hl1>NITF pinned headline</hl1><hl2>The dek</hl2></hedline><byline>By <person>Lee Park</person><byttl>Staff Writer</byttl></byline>
<dateline><location>PORTVILLE</location></dateline></body.head>
<body.content><p>${INLINE_XML}</p><hl2>Inner subhead</hl2><block><p>Block paragraph.</p></block><ul><li>nitf item</li></ul>
<p>A hard-wrapped wire paragraph at a steady width of about sixty characters<br/>so the reader should join these lines into a single paragraph<br/>of text.</p>
<note><p>Editor note, not story.</p></note></body.content><body.end><tagline>Tagline text</tagline></body.end></body></nitf>`;

const G2 = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:pin.example:20240307:story" version="2" standard="NewsML-G2" standardversion="2.29">
<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:PIN"/><versionCreated>2024-03-07T08:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
<contentMeta><headline>G2 pinned headline</headline><slugline>Pin-Story</slugline><language tag="en"/><by>Kim Lee</by></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
<h1>G2 pinned headline</h1><p>${INLINE_XML}</p><p>Second paragraph.</p><table><tr><td>1</td><td>2</td></tr></table></body></html></inlineXML></contentSet></newsItem>`;

const NINJS = JSON.stringify({
  uri: 'urn:pin:ninjs:1',
  version: '3',
  type: 'text',
  headline: 'ninjs pinned headline',
  byline: 'Rae Quinn',
  versioncreated: '2024-03-08T09:00:00Z',
  language: 'en',
  body_html: `<p>${INLINE}</p><h2>Sub</h2><ol><li>x</li><li>y</li></ol>`,
  subject: [{ code: 'medtop:20000001', name: 'harbour', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }],
});

const TEXT_EN = `Plain text headline for the pin

The first paragraph of plain text, with "quotes", dashes -- and numbers 1,234.56 and 3.5%.
Still the first paragraph on a second line.

Second paragraph   with   extra   spaces and a tab\there.


Third paragraph after two blank lines. Don't count it's apostrophes wrong; well-known e.g. words.
`;

const TEXT_KO = `서울시 항구 재개장 계획 발표

서울시는 4일 항구 재개장 계획을 발표했다. 시는 2024년까지 공사를 마칠 예정이다.
김철수 기자`;

const TEXT_JA = `港の再開計画を発表

東京都は４日、港の再開計画を発表した。工事は２０２４年までに終わる予定だ。ＡＢＣ社の担当者はＯＫと話した。
カタカナとひらがな、漢字が混ざった文章です。ｶﾀｶﾅも。`;

const NEWSROOM = `Posted: 2024-03-09 14:05

Newsroom headline for the pin

By Pat Reporter

PORTVILLE — The first paragraph of the newsroom text.

The second paragraph.

Copyright 2024 Example Times. All rights reserved.`;

export const PIN_FIXTURES: ReadonlyArray<{ name: string; content: string }> = [
  { name: 'page.html', content: HTML_PAGE },
  { name: 'deep.html', content: DEEP_HTML },
  { name: 'capture.html', content: capturePage({ head: '<link rel="canonical" href="https://www.pin.example/story">', story: `${storyHtml(8)}<p>${INLINE}</p><ul><li>capture item</li></ul>` }) },
  { name: 'fragment.html', content: `<p>${INLINE}</p><p>Second</p>` },
  { name: 'story.md', content: MARKDOWN },
  { name: 'feed.rss', content: RSS },
  { name: 'feed.atom', content: ATOM },
  { name: 'story.nitf.xml', content: NITF },
  { name: 'story.g2.xml', content: G2 },
  { name: 'story.ninjs.json', content: NINJS },
  { name: 'plain-en.txt', content: TEXT_EN },
  { name: 'plain-ko.txt', content: TEXT_KO },
  { name: 'plain-ja.txt', content: TEXT_JA },
  { name: 'newsroom.txt', content: NEWSROOM },
  { name: 'wire.anpa', content: anpaMessage() },
  { name: 'wire.iptc', content: iptcMessage() },
];
