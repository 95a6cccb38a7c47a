import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs, bodyToPlainText } from '../../../../shared/editor/plainText.ts';
import { cleanText } from '../text.ts';
import { resolveZone } from '../../time/zone.ts';
import { makeParseInput } from './input.ts';
import { parseHtml } from './html.ts';
import { parseNitf } from './nitf/parser.ts';
import { pickParser } from './registry.ts';
import { reutersParser } from './reuters.ts';

const zone = resolveZone('America/New_York');
const input = (text: string, ext: string) => makeParseInput({ rawText: text, ext, path: `/x/file.${ext}`, zone });
const repoRoot = resolve(import.meta.dirname, '../../../..');

describe('HTML pages', () => {
  const html = `<!doctype html><html lang="en-GB"><head>
    <title>Site | Storm hits coast</title>
    <meta property="og:title" content="Storm hits coast (og)">
    <meta property="article:published_time" content="2019-01-09T07:31:00+00:00">
    <meta name="author" content="Jane Roe">
    <meta name="description" content="Thousands without power">
    <meta property="article:section" content="Weather">
    <meta property="article:tag" content="storms"><meta property="article:tag" content="power">
    <script>var tracking = 1;</script><style>p { color: red }</style>
  </head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article>
      <h1>Storm   hits coast</h1>
      <!-- an editor's comment -->
      <p>The storm <b>arrived</b> at <i>dawn</i>, <a href="https://example.com/map">see the map</a>
      or <a href="javascript:alert(1)">click</a>.</p>
      <h2>Damage</h2>
      <ul><li>Roofs torn off</li><li>Trees <strong>down</strong><ul><li>on Main St</li></ul></li></ul>
      <blockquote><p>We have never seen this.</p></blockquote>
      <script>alert('x')</script>
      <p>Mail <a href="mailto:desk@example.com">the desk</a>.</p>
    </article>
    <footer>© Example News</footer>
  </body></html>`;

  it('takes metadata from the head and the body from <article>, formatting kept', () => {
    expect(pickParser(input(html, 'html')).name).toBe('html');
    const a = parseHtml(input(html, 'html'));
    expect(a.fields).toMatchObject({
      headline: 'Storm hits coast',
      byline: 'Jane Roe',
      dek: 'Thousands without power',
      section: 'Weather',
      tags: ['storms', 'power'],
      language: 'en',
      postedAt: '2019-01-09T07:31:00+00:00',
    });
    expect(a.zoneAssumed).toBe(false);
    const types = a.body.root.children.map((b) => b.type);
    expect(types).toEqual(['paragraph', 'heading', 'list', 'quote', 'paragraph']);
    const json = JSON.stringify(a.body);
    expect(json).not.toMatch(/javascript:|tracking|alert|color: red|Home|editor's comment|© Example/u);
    expect(json).toContain('"url":"https://example.com/map"');
    expect(json).toContain('"url":"mailto:desk@example.com"');
    const text = bodyToPlainText(a.body);
    expect(text).toContain('The storm arrived at dawn, see the map or click.');
    expect(text).toContain('on Main St');
    const first = a.body.root.children[0] as { children: Array<{ text?: string; format?: number }> };
    expect(first.children.find((n) => n.text === 'arrived')?.format).toBe(1);
    expect(first.children.find((n) => n.text === 'dawn')?.format).toBe(2);
  });

  it('reads lang="und" (what an export of an article without a language says) as unknown and guesses instead', () => {
    const page = (lang: string) => `<html lang="${lang}"><head><title>T</title></head><body><article><p>권리를 지키는 사람들의 이야기</p></article></body></html>`;
    expect(parseHtml(input(page('und'), 'html')).fields.language).toBe('ko');
    expect(parseHtml(input(page('ja-JP'), 'html')).fields.language).toBe('ja');
  });

  it('falls back to og:title / <title> and <time> without an article element', () => {
    const a = parseHtml(input('<html><head><title>Plain title</title></head><body><div><time datetime="2019-01-09 07:31">Jan 9</time><p>One.</p><p>Two.</p></div></body></html>', 'htm'));
    expect(a.fields.headline).toBe('Plain title');
    expect(a.fields.postedAt).toBe('2019-01-09T07:31:00-05:00');
    expect(a.zoneAssumed).toBe(true);
    expect(bodyToParagraphs(a.body)).toEqual(['Jan 9', 'One.', 'Two.']);
  });
});

describe('NITF 3.x', () => {
  const nitf = `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.4//EN">
  <head>
    <title>Fallback title</title>
    <docdata><date.issue norm="20190109T073100+0900"/><key-list><keyword key="diplomacy"/><keyword key="korea"/></key-list></docdata>
    <pubdata type="web" position.section="World"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Leaders meet in Beijing</hl1><hl2>Fourth visit in a year</hl2></hedline>
      <byline>By <person>Kim Min-su</person></byline>
      <dateline><location>SEOUL</location>, <story.date norm="20190109T073100+0900">Jan. 9</story.date></dateline>
    </body.head>
    <body.content>
      <p>The leaders met on Tuesday &amp; talked.</p>
      <hl2>Background</hl2>
      <block><p>They met three times last year.</p></block>
      <ul><li>April</li><li>June</li></ul>
    </body.content>
  </body>
</nitf>`;

  it('reads hedline, byline, dateline, docdata date and keywords, body.content', () => {
    expect(pickParser(input(nitf, 'xml')).name).toBe('nitf');
    const a = parseNitf(input(nitf, 'xml'));
    expect(a.fields).toMatchObject({
      headline: 'Leaders meet in Beijing',
      dek: 'Fourth visit in a year',
      byline: 'Kim Min-su',
      dateline: 'SEOUL',
      section: 'World',
      // key-list keywords are the wire's keywords, not the desk's tags.
      keywords: ['diplomacy', 'korea'],
      postedAt: '2019-01-09T07:31:00+09:00',
    });
    expect(a.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'list']);
    expect(bodyToPlainText(a.body)).toContain('The leaders met on Tuesday & talked.');
  });
});

describe('Reuters-21578 SGML', () => {
  // Synthetic records in the container's shape: the real corpus is research-only
  // and is read from ../shared at test time, never copied here.
  const sgml = cleanText(`<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>tea</D><D>sugar</D></TOPICS>
<UNKNOWN>&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>HARBOUR WEEKLY NOTE</TITLE>
<DATELINE>    PORTVILLE, Feb 26 - </DATELINE><BODY>Rain fell across
the valley &lt;north district&gt;.
    The late harvest is expected next month.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TOPICS></TOPICS>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>ACME TO OPEN NEW DEPOT
</TITLE>
Blah blah blah.
&#3;

</TEXT>
</REUTERS>`);

  it('makes one article per record, entities decoded, control characters gone, TOPICS as tags', () => {
    expect(pickParser(input(sgml, 'sgm')).name).toBe('reuters-sgml');
    const [a, b] = reutersParser.parse(input(sgml, 'sgm'));
    expect(a?.key).toBe('7');
    expect(a?.fields).toMatchObject({ headline: 'HARBOUR WEEKLY NOTE', dateline: 'PORTVILLE, Feb 26', tags: ['tea', 'sugar'], postedAt: '1987-02-26T15:01:01-05:00' });
    expect(bodyToParagraphs(a!.body)).toEqual(['Rain fell across the valley <north district>.', 'The late harvest is expected next month.']);
    expect([...`${a?.fields.headline}${bodyToPlainText(a!.body)}`].some((c) => c.charCodeAt(0) < 9)).toBe(false);
    expect(b?.key).toBe('8');
    expect(b?.fields.headline).toBe('ACME TO OPEN NEW DEPOT');
    expect(b?.flags).toEqual(['no-body']);
    expect(b?.note).toMatch(/title only/u);
  });

  const corpus = resolve(repoRoot, '../shared/corpus/reuters21578-subset/reut2-021.sgm');
  it.skipIf(!existsSync(corpus))('reads a real container from ../shared: 578 records, bodiless ones flagged', () => {
    const text = cleanText(readFileSync(corpus, 'latin1'));
    const records = reutersParser.parse(input(text, 'sgm'));
    expect(records).toHaveLength(578);
    expect(new Set(records.map((r) => r.key)).size).toBe(578);
    expect(records.filter((r) => r.flags.includes('no-body')).length).toBeGreaterThan(0);
    expect(records.every((r) => (r.fields.headline ?? '') !== '')).toBe(true);
  });
});
