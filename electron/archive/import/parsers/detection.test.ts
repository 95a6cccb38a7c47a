// The registry's detection and ties table: which parser reads which input,
// by content (the extension only breaks ties). One `describe` per format, so
// engineers adding formats add rows in their own block.
import { describe, expect, it } from 'vitest';
import { inputFromText } from './input.ts';
import { pickParser, rankParsers } from './registry.ts';
import { anpaMessage, iptcMessage } from './wire/fixtures.ts';

const picked = (raw: string, path: string) => pickParser(inputFromText(raw, path)).name;

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
