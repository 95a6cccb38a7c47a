// The registry's detection and ties table: which parser reads which input,
// by content (the extension only breaks ties). One `describe` per format, so
// engineers adding formats add rows in their own block.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveZone } from '../../time/zone.ts';
import { htmlParser } from './html.ts';
import { inputFromText, makeParseInput } from './input.ts';
import { parseInput, pickParser, rankParsers, registeredParsers } from './registry.ts';
import { FileRefused } from './types.ts';
import { anpaMessage, iptcMessage } from './wire/fixtures.ts';

const picked = (raw: string, path: string) => pickParser(inputFromText(raw, path)).name;
const scores = (text: string, name: string) => {
  const input = inputFromText(text, `/in/${name}`);
  // Plain text is always last, whatever it says.
  const claims = registeredParsers().filter((p) => p.name !== 'text').map((p) => [p.name, p.detect(input)] as const);
  return Object.fromEntries(claims.filter(([, s]) => s > 0));
};
const pick = (text: string, name: string) => pickParser(inputFromText(text, `/in/${name}`)).name;

describe('anpa-1312', () => {
  it.each([
    ['an AP transmission (.tst)', anpaMessage(), '/wire/a.tst', 'anpa-1312'],
    ['the same bytes named .txt', anpaMessage(), '/wire/a.txt', 'anpa-1312'],
    ['the same bytes named .xml', anpaMessage(), '/wire/a.xml', 'anpa-1312'],
    ['a tabular story (DC4 DC2)', anpaMessage({ format: '\u0014\u0012' }), '/wire/a', 'anpa-1312'],
    ['near miss: a plain text file starting with a caret', '^Headline<\n\nBody of an ordinary note.\n', '/notes/a.tst', 'text'],
    ['near miss: a text file with one stray control byte', 'Harbor fire\n\nA fire \u0001destroyed a \u0002warehouse.\n', '/notes/b.txt', 'text'],
  ])('%s → %s', (_what, raw, path, name) => {
    expect(picked(raw, path)).toBe(name);
  });

  it('a wire transmission is never offered to the markup parsers first', () => {
    expect(rankParsers(inputFromText(anpaMessage(), '/wire/a.html')).map((p) => p.name).slice(0, 1)).toEqual(['anpa-1312']);
  });
});

describe('iptc7901', () => {
  it.each([
    ['a dpa transmission', iptcMessage(), '/wire/a.txt', 'iptc7901'],
    ['the same bytes named .tst', iptcMessage(), '/wire/a.tst', 'iptc7901'],
    ['near miss: the header line without SOH', 'eca0412 3 i 120  dpa 0077\nRail strike =\n\nBody.\n', '/notes/c.txt', 'text'],
    ['near miss: an ANPA transmission is not IPTC 7901', anpaMessage(), '/wire/a.txt', 'anpa-1312'],
  ])('%s → %s', (_what, raw, path, name) => {
    expect(picked(raw, path)).toBe(name);
  });
});

describe('html (web captures and simple pages)', () => {
  const page = '<!DOCTYPE html><html lang="en"><head><title>Harbour</title></head><body><nav>Home</nav><article><p>Story.</p></article></body></html>';
  it.each([
    // [what, content, path, html's confidence, parser chosen]
    ['a saved page, .html', page, '/c/story.html', 0.9, 'html'],
    ['a saved page without an extension', page, '/c/story', 0.8, 'html'],
    ['a saved page named .txt', page, '/c/story.txt', 0.8, 'html'],
    ['<html> with no doctype', '<html><body><p>x</p></body></html>', '/c/page', 0.8, 'html'],
    ['an HTML fragment, .htm', '<h1>Title</h1><p>Body.</p>', '/c/frag.htm', 0.9, 'html'],
    ['an XHTML file', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>', '/c/page.xhtml', 0.9, 'html'],
    ['text that mentions <html> later', 'Notes\n\nWe saved the page as <html> once.\n', '/c/notes.txt', 0, 'text'],
    ['NITF is not a page', '<?xml version="1.0"?><nitf><head><title>T</title></head><body><body.content><p>x</p></body.content></body></nitf>', '/c/wire.xml', 0, 'nitf'],
  ])('%s', (_what, content, path, confidence, chosen) => {
    const input = inputFromText(content, path);
    expect(htmlParser.detect(input)).toBe(confidence);
    expect(pickParser(input).name).toBe(chosen);
  });
});

describe('JSON formats (ninjs, dpa digitalwires, unknown JSON)', () => {
  const ninjs1 = JSON.stringify({ uri: 'urn:x:1', type: 'text', headline: 'H', body_html: '<p>b</p>', versioncreated: '2024-01-01T00:00:00Z' });
  const ninjs3 = JSON.stringify({ uri: 'urn:x:1', standard: { name: 'ninjs', version: '3.0' }, headlines: [{ role: 'main', value: 'H' }] });
  const dw = JSON.stringify({ format: 'digitalwires@0.9.1', urn: 'urn:newsml:dpa.com:1', headline: 'H', article_html: '<p>b</p>' });
  const rows: Array<[string, string, string, string, Record<string, number>]> = [
    // what, content, file name, parser chosen, every parser's confidence above 0 (plain text aside)
    ['ninjs 1.x by its keys', ninjs1, 'a.json', 'ninjs', { ninjs: 0.92, json: 0.5 }],
    ['ninjs naming its standard', ninjs3, 'a.json', 'ninjs', { ninjs: 0.97, json: 0.5 }],
    ['ninjs with a .txt name', ninjs1, 'a.txt', 'ninjs', { ninjs: 0.92, json: 0.5 }],
    ['ninjs with no extension', ninjs1, 'a', 'ninjs', { ninjs: 0.92, json: 0.5 }],
    ['a page of ninjs items', JSON.stringify({ total: 1, item: [JSON.parse(ninjs1)] }), 'a.json', 'ninjs', { ninjs: 0.87, json: 0.5 }],
    ['dpa digitalwires', dw, 'a.json', 'dpa-digitalwires', { 'dpa-digitalwires': 0.98, json: 0.5 }],
    ['a package.json', JSON.stringify({ name: 'x', version: '1.0.0', dependencies: {} }), 'package.json', 'json', { json: 0.5 }],
    ['GeoJSON', JSON.stringify({ type: 'FeatureCollection', features: [] }), 'a.geojson', 'json', { json: 0.5 }],
    ['an array', '[1, 2, 3]', 'a.json', 'json', { json: 0.5 }],
    ['malformed JSON', '{"headline": "H", ', 'a.json', 'json', { json: 0.5 }],
    ['prose that opens with a bracket is not JSON', '[Updated] Council votes\n\nThe council voted.', 'a.txt', 'text', {}],
    ['prose that opens with a brace is not JSON', '{Draft} Council votes\n\nThe council voted.', 'a.json', 'text', {}],
  ];
  it.each(rows)('%s', (_what, text, name, parser, confidence) => {
    expect(pick(text, name)).toBe(parser);
    expect(scores(text, name)).toEqual(confidence);
  });
});

describe('Markdown', () => {
  const rows: Array<[string, string, string, string, Record<string, number>]> = [
    ['a .md file', '# Title\n\nBody.', 'a.md', 'markdown', { markdown: 0.9 }],
    ['front matter in a .txt file', '---\ntitle: T\n---\nBody.', 'a.txt', 'markdown', { markdown: 0.7 }],
    ['a README opening with a badge is not JSON', '[![build](https://e.org/b.svg)](https://e.org)\n\n# Project', 'README.md', 'markdown', { markdown: 0.9 }],
    ['a JSON document named .md is JSON (content first)', '{"a": 1}', 'a.md', 'json', { json: 0.5 }],
    ['Markdown opening with a JSON-looking line that is not a JSON document stays Markdown', '{"a": 1}\n\nSome *prose*.', 'a.md', 'markdown', { markdown: 0.9, json: 0.5 }],
  ];
  it.each(rows)('%s', (_what, text, name, parser, confidence) => {
    expect(pick(text, name)).toBe(parser);
    expect(scores(text, name)).toEqual(confidence);
  });
});

// The XML formats' rows (branch xml): inputs as the importer builds them, times in UTC.
const xmlInput = (text: string, path: string) => makeParseInput({ rawText: text, path, zone: resolveZone('UTC') });
const xmlPicked = (text: string, path: string) => pickParser(xmlInput(text, path)).name;
const G2 = 'http://iptc.org/std/nar/2006-10-01/';
const seedDir = resolve(import.meta.dirname, '../../../../../shared/corpus/seed');

type Row = [what: string, text: string, path: string, parser: string];

describe('nitf', () => {
  it.each<Row>([
    ['a NITF file', '<?xml version="1.0"?>\n<nitf><body/></nitf>', 'a.xml', 'nitf'],
    ['a NITF file without a declaration, any extension', '<nitf version="3.4"><body/></nitf>', 'story.txt', 'nitf'],
    ['NITF inside NewsML-G2 goes to G2', `<newsItem xmlns="${G2}"><contentSet><inlineXML><nitf/></inlineXML></contentSet></newsItem>`, 'a.xml', 'newsml-g2'],
  ])('%s → %s', (_what, text, path, parser) => expect(xmlPicked(text, path)).toBe(parser));
});

describe('newsml-g2', () => {
  it.each<Row>([
    ['a newsItem', `<?xml version="1.0"?><newsItem xmlns="${G2}"/>`, 'item.xml', 'newsml-g2'],
    ['a newsMessage with no extension (as Reuters names them)', `<?xml version="1.0"?><newsMessage xmlns="${G2}"/>`, 'tag_reuters.com,2018_newsml_X', 'newsml-g2'],
    ['a G2 item saved as .html wins on content', `<newsItem xmlns="${G2}"/>`, 'item.html', 'newsml-g2'],
  ])('%s → %s', (_what, text, path, parser) => expect(xmlPicked(text, path)).toBe(parser));
});

describe('newsml-1.2', () => {
  it.each<Row>([
    ['a NewsML envelope', '<?xml version="1.0"?>\n<NewsML Version="1.2"/>', 'afp.xml', 'newsml-1.2'],
    ['a NewsML envelope after a blank line, no declaration', '\n<NewsML Version="1.2"/>', 'bw.xml', 'newsml-1.2'],
  ])('%s → %s', (_what, text, path, parser) => expect(xmlPicked(text, path)).toBe(parser));
});

describe('rss / atom', () => {
  it.each<Row>([
    ['RSS 2.0', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'feed.xml', 'rss'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>', 'feed.rdf', 'rss'],
    ['Atom', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'feed.atom', 'atom'],
    ['an RSS feed saved as .html wins on content', '<rss version="2.0"><channel/></rss>', 'feed.html', 'rss'],
  ])('%s → %s', (_what, text, path, parser) => expect(xmlPicked(text, path)).toBe(parser));
});

describe('wordpress-wxr', () => {
  it.each<Row>([
    ['a WXR export beats plain RSS (tie broken by the wp namespace)', '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', 'site.xml', 'wordpress-wxr'],
    ['WXR 1.0', '<rss xmlns:wp="http://wordpress.org/export/1.0/"><channel/></rss>', 'old.xml', 'wordpress-wxr'],
  ])('%s → %s', (_what, text, path, parser) => expect(xmlPicked(text, path)).toBe(parser));

  it('rss is ranked next, so a broken export is never read as text', () => {
    expect(rankParsers(xmlInput('<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', 's.xml')).map((p) => p.name).slice(0, 2)).toEqual(['wordpress-wxr', 'rss']);
  });
});

describe('unknown-xml', () => {
  it.each<Row>([
    ['an SVG', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>', 'logo.svg', 'unknown-xml'],
    ['a sitemap with no declaration but a namespace', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>', 'sitemap', 'unknown-xml'],
    ['an undeclared root in a .xml file', '<catalog><book>x</book></catalog>', 'books.xml', 'unknown-xml'],
    ['an XHTML page with its doctype stays HTML', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>', 'page.xhtml', 'html'],
    ['an XHTML page with an XML declaration, saved as .html, stays HTML', '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body><p>x</p></body></html>', 'page.html', 'html'],
    ['an HTML fragment in a .txt file is not XML', '<p>Hello <b>world</b></p>\n\nMore text.', 'note.txt', 'text'],
    ['a Markdown file is not XML', '# Title\n\n<!-- a comment -->\nText with <em>inline HTML</em>.', 'note.md', 'markdown'],
    ['Reuters SGML stays Reuters', '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1"><TITLE>T</TITLE><BODY>b</BODY></REUTERS>', 'r.sgm', 'reuters-sgml'],
  ])('%s → %s', (_what, text, path, parser) => expect(xmlPicked(text, path)).toBe(parser));

  it('refuses with the root and its namespace, never falling back to text', () => {
    const svg = xmlInput('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>', 'logo.xml');
    expect(() => parseInput(svg)).toThrow(FileRefused);
    expect(() => parseInput(svg)).toThrow(/^unrecognized XML: root <svg> in namespace http:\/\/www\.w3\.org\/2000\/svg; /u);
    expect(() => parseInput(xmlInput('<catalog><book>x</book></catalog>', 'b.xml'))).toThrow(/^unrecognized XML: root <catalog> \(no namespace\)/u);
    expect(() => parseInput(xmlInput('<?xml version="1.0"?><catalog><book>x</catalog>', 'b.xml'))).toThrow(/^unrecognized XML \(root <catalog>\): malformed XML at line 1/u);
  });

  it('a malformed file of a known format is refused by its parser, not read as text by a weaker one', () => {
    expect(() => parseInput(xmlInput(`<newsItem xmlns="${G2}"><contentSet>`, 'g2.xml'))).toThrow(/^NewsML-G2: malformed XML/u);
    expect(() => parseInput(xmlInput('<rss><channel><item><title>AT&T</title></item></channel></rss>', 'f.xml'))).toThrow(/^RSS: malformed XML/u);
  });

  it.skipIf(!existsSync(seedDir))('the seed text layout still goes to the newsroom parser', () => {
    const path = join(seedDir, 'donga-2019-01-09-denuke.txt');
    expect(xmlPicked(readFileSync(path, 'utf8'), path)).toBe('newsroom');
  });
});
