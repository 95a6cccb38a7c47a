// The registry's detection and ties, one row per case: which parser reads a
// file, decided by content (the extension only breaks ties). Engineers adding
// formats keep their rows in a describe named after their format.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveZone } from '../../time/zone.ts';
import { makeParseInput } from './input.ts';
import { parseInput, pickParser, rankParsers } from './registry.ts';
import { FileRefused } from './types.ts';

const input = (text: string, path: string) => makeParseInput({ rawText: text, path, zone: resolveZone('UTC') });
const picked = (text: string, path: string) => pickParser(input(text, path)).name;
const G2 = 'http://iptc.org/std/nar/2006-10-01/';
const seedDir = resolve(import.meta.dirname, '../../../../../shared/corpus/seed');

type Row = [what: string, text: string, path: string, parser: string];

describe('nitf', () => {
  it.each<Row>([
    ['a NITF file', '<?xml version="1.0"?>\n<nitf><body/></nitf>', 'a.xml', 'nitf'],
    ['a NITF file without a declaration, any extension', '<nitf version="3.4"><body/></nitf>', 'story.txt', 'nitf'],
    ['NITF inside NewsML-G2 goes to G2', `<newsItem xmlns="${G2}"><contentSet><inlineXML><nitf/></inlineXML></contentSet></newsItem>`, 'a.xml', 'newsml-g2'],
  ])('%s → %s', (_what, text, path, parser) => expect(picked(text, path)).toBe(parser));
});

describe('newsml-g2', () => {
  it.each<Row>([
    ['a newsItem', `<?xml version="1.0"?><newsItem xmlns="${G2}"/>`, 'item.xml', 'newsml-g2'],
    ['a newsMessage with no extension (as Reuters names them)', `<?xml version="1.0"?><newsMessage xmlns="${G2}"/>`, 'tag_reuters.com,2018_newsml_X', 'newsml-g2'],
    ['a G2 item saved as .html wins on content', `<newsItem xmlns="${G2}"/>`, 'item.html', 'newsml-g2'],
  ])('%s → %s', (_what, text, path, parser) => expect(picked(text, path)).toBe(parser));
});

describe('newsml-1.2', () => {
  it.each<Row>([
    ['a NewsML envelope', '<?xml version="1.0"?>\n<NewsML Version="1.2"/>', 'afp.xml', 'newsml-1.2'],
    ['a NewsML envelope after a blank line, no declaration', '\n<NewsML Version="1.2"/>', 'bw.xml', 'newsml-1.2'],
  ])('%s → %s', (_what, text, path, parser) => expect(picked(text, path)).toBe(parser));
});

describe('rss / atom', () => {
  it.each<Row>([
    ['RSS 2.0', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'feed.xml', 'rss'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>', 'feed.rdf', 'rss'],
    ['Atom', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'feed.atom', 'atom'],
    ['an RSS feed saved as .html wins on content', '<rss version="2.0"><channel/></rss>', 'feed.html', 'rss'],
  ])('%s → %s', (_what, text, path, parser) => expect(picked(text, path)).toBe(parser));
});

describe('wordpress-wxr', () => {
  it.each<Row>([
    ['a WXR export beats plain RSS (tie broken by the wp namespace)', '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', 'site.xml', 'wordpress-wxr'],
    ['WXR 1.0', '<rss xmlns:wp="http://wordpress.org/export/1.0/"><channel/></rss>', 'old.xml', 'wordpress-wxr'],
  ])('%s → %s', (_what, text, path, parser) => expect(picked(text, path)).toBe(parser));

  it('rss is ranked next, so a broken export is never read as text', () => {
    expect(rankParsers(input('<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', 's.xml')).map((p) => p.name).slice(0, 2)).toEqual(['wordpress-wxr', 'rss']);
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
  ])('%s → %s', (_what, text, path, parser) => expect(picked(text, path)).toBe(parser));

  it('refuses with the root and its namespace, never falling back to text', () => {
    const svg = input('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>', 'logo.xml');
    expect(() => parseInput(svg)).toThrow(FileRefused);
    expect(() => parseInput(svg)).toThrow(/^unrecognized XML: root <svg> in namespace http:\/\/www\.w3\.org\/2000\/svg; /u);
    expect(() => parseInput(input('<catalog><book>x</book></catalog>', 'b.xml'))).toThrow(/^unrecognized XML: root <catalog> \(no namespace\)/u);
    expect(() => parseInput(input('<?xml version="1.0"?><catalog><book>x</catalog>', 'b.xml'))).toThrow(/^unrecognized XML \(root <catalog>\): malformed XML at line 1/u);
  });

  it('a malformed file of a known format is refused by its parser, not read as text by a weaker one', () => {
    expect(() => parseInput(input(`<newsItem xmlns="${G2}"><contentSet>`, 'g2.xml'))).toThrow(/^NewsML-G2: malformed XML/u);
    expect(() => parseInput(input('<rss><channel><item><title>AT&T</title></item></channel></rss>', 'f.xml'))).toThrow(/^RSS: malformed XML/u);
  });

  it.skipIf(!existsSync(seedDir))('the seed text layout still goes to the newsroom parser', () => {
    const path = join(seedDir, 'donga-2019-01-09-denuke.txt');
    expect(picked(readFileSync(path, 'utf8'), path)).toBe('newsroom');
  });
});
