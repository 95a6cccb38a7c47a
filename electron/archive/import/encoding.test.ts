import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, DecodeFailure } from './encoding.ts';
import { cleanText } from './text.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures/import', name), 'utf8');
const bbcDir = resolve(repoRoot, '../shared/corpus/bbc-news');

describe('legacy encodings round-trip to the UTF-8 original', () => {
  it.each([
    ['ko-wikinews-0004.txt', 'euc-kr', 'EUC-KR'],
    ['ko-wikinews-0005.txt', 'cp949', 'EUC-KR'],
    ['ja-wikinews-0001.txt', 'shift_jis', 'Shift_JIS'],
    ['ja-wikinews-0003.txt', 'euc-jp', 'EUC-JP'],
    ['ja-wikinews-0003.txt', 'gb18030', 'GB18030'],
    ['ko-wikinews-0004.txt', 'utf-16le', 'UTF-16LE'],
    ['ja-wikinews-0001.txt', 'utf-16be', 'UTF-16BE'],
  ])('%s written as %s is detected as %s', (file, encoding, expected) => {
    const original = fixture(file);
    const decoded = decodeBytes(iconv.encode(original, encoding));
    expect(decoded.encoding).toBe(expected);
    expect(decoded.text).toBe(original.normalize('NFC'));
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.confidence).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(bbcDir))('bbc-news files with £ written as windows-1252 come back equal (read from ../shared at test time)', () => {
    const files = readdirSync(join(bbcDir, 'business')).slice(0, 120);
    let checked = 0;
    for (const f of files) {
      const original = readFileSync(join(bbcDir, 'business', f), 'utf8');
      if (/^[\x20-\x7e\n]*$/u.test(original)) continue;
      const decoded = decodeBytes(iconv.encode(original, 'windows-1252'));
      expect(decoded.encoding, f).toBe('windows-1252');
      expect(decoded.text, f).toBe(original);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('byte-order marks, declarations, forcing', () => {
  const text = 'Überschrift\n\nKörper – “quoted” 한국어 日本語';
  it.each([
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'UTF-8'],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'UTF-16LE'],
    [Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'UTF-16BE'],
  ])('BOM %#', (bytes, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding, confidence: 1, text });
  });

  it('strict UTF-8 wins over detection, with full confidence', () => {
    expect(decodeBytes(Buffer.from(text))).toMatchObject({ encoding: 'UTF-8', confidence: 1, text, flags: [] });
  });

  it('honours an HTML meta charset and an XML declaration', () => {
    const html = '<html><head><meta charset="big5"><title>中文新聞標題</title></head><body><p>這是一篇關於經濟的新聞報導。</p></body></html>';
    expect(decodeBytes(iconv.encode(html, 'big5'))).toMatchObject({ encoding: 'big5', text: html });
    const xml = '<?xml version="1.0" encoding="ISO-8859-15"?><nitf><body>Prix: 5 €, café</body></nitf>';
    expect(decodeBytes(iconv.encode(xml, 'iso-8859-15'))).toMatchObject({ encoding: 'ISO-8859-15', text: xml });
  });

  it('--encoding forces a decoder', () => {
    const bytes = iconv.encode('café crème', 'windows-1252');
    expect(decodeBytes(bytes, 'iso-8859-2')).toMatchObject({ encoding: 'iso-8859-2', text: 'café crčme', flags: ['forced-encoding'] });
  });

  it('flags a file whose bytes are damaged instead of guessing silently', () => {
    const decoded = decodeBytes(Buffer.from([0x48, 0x69, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x0a]));
    expect(decoded.flags).toContain('low-confidence-encoding');
  });
});

describe('binary files are refused with a reason', () => {
  it.each([
    [Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'), /PDF/],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /ZIP/],
    [Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256)), /binary/],
  ])('%#', (bytes, reason) => {
    expect(() => decodeBytes(bytes)).toThrow(DecodeFailure);
    expect(() => decodeBytes(bytes)).toThrow(reason);
  });
});

describe('text normalisation', () => {
  it('NFC, LF line ends, no NUL or control characters; tabs and newlines stay', () => {
    expect(cleanText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    expect(cleanText('x\u0000y\u0003z\u007f\u0085\tw\n')).toBe('xyz\tw\n');
    expect(cleanText('\uFEFFcafe\u0301')).toBe('café');
    const decoded = decodeBytes(Buffer.from('Head\r\n\r\nBo\u0000dy with e\u0301\r\n'));
    expect(decoded.text).toBe('Head\n\nBody with é\n');
  });
});
