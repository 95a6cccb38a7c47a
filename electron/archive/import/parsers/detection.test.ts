// The registry's detection and ties table: which parser reads which input,
// by content (the extension only breaks ties). One `describe` per format, so
// engineers adding formats add rows in their own block.
import { describe, expect, it } from 'vitest';
import { inputFromText } from './input.ts';
import { pickParser, rankParsers, registeredParsers } from './registry.ts';
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
