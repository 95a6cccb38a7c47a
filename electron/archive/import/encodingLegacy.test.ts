// ISO-2022, the look-alike single-byte encodings and the standard CJK tables,
// on text written for these tests (the outside corpus is in encodingCorpus.test.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { wireFramed } from './binary.ts';
import { decodeAs, decodeBytes, DecodeFailure, encodingSupported } from './encoding.ts';
import { decodeIso2022Kr, iso2022Kind } from './iso2022.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures/import', name), 'utf8').normalize('NFC');

/** EUC bytes → ISO-2022-JP: each double-byte run between ESC $ B and ESC ( B, 7-bit. */
function toIso2022Jp(text: string): Buffer {
  const euc = iconv.encode(text, 'euc-jp');
  const out: number[] = [];
  let kanji = false;
  for (let i = 0; i < euc.length; i += 1) {
    const b = euc[i] as number;
    if (b >= 0xa1) {
      if (!kanji) out.push(0x1b, 0x24, 0x42);
      kanji = true;
      out.push(b & 0x7f, (euc[i + 1] as number) & 0x7f);
      i += 1;
    } else {
      if (kanji) out.push(0x1b, 0x28, 0x42);
      kanji = false;
      out.push(b);
    }
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** EUC-KR bytes → ISO-2022-KR (RFC 1557): the ESC $ ) C header line, Korean between SO and SI. */
function toIso2022Kr(text: string): Buffer {
  const euc = iconv.encode(text, 'euc-kr');
  const out: number[] = [0x1b, 0x24, 0x29, 0x43, 0x0a];
  let shifted = false;
  for (let i = 0; i < euc.length; i += 1) {
    const b = euc[i] as number;
    if (b >= 0xa1) {
      if (!shifted) out.push(0x0e);
      shifted = true;
      out.push(b & 0x7f, (euc[i + 1] as number) & 0x7f);
      i += 1;
    } else {
      if (shifted) out.push(0x0f);
      shifted = false;
      out.push(b);
    }
  }
  if (shifted) out.push(0x0f);
  return Buffer.from(out);
}

describe('ISO-2022', () => {
  it('reads ISO-2022-JP, agreeing with the WHATWG decoder, instead of ASCII with its escapes left in', () => {
    const text = fixture('ja-wikinews-0001.txt');
    const bytes = toIso2022Jp(text);
    expect(iso2022Kind(bytes)).toBe('ISO-2022-JP');
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('ISO-2022-JP');
    expect(decoded.text).toBe(text);
    expect(decoded.raw).toBe(new TextDecoder('iso-2022-jp').decode(bytes));
    expect(decoded.text).not.toContain('\u001b');
  });

  it('reads JIS X 0201 Roman and half-width katakana designations', () => {
    const bytes = Buffer.from([0x1b, 0x28, 0x4a, 0x5c, 0x31, 0x30, 0x1b, 0x28, 0x49, 0x31, 0x32, 0x1b, 0x28, 0x42, 0x21, 0x1b, 0x24, 0x42, 0x24, 0x22, 0x1b, 0x28, 0x42]);
    expect(decodeBytes(bytes).text).toBe('¥10ｱｲ!あ');
  });

  it('reads ISO-2022-KR instead of failing it as binary (SO/SI are its shift bytes)', () => {
    const text = fixture('ko-wikinews-0004.txt');
    const bytes = toIso2022Kr(text);
    expect(iso2022Kind(bytes)).toBe('ISO-2022-KR');
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding: 'ISO-2022-KR', flags: [] });
    expect(decoded.text).toBe(`\n${text}`);
    expect(decodeAs(bytes, 'ISO-2022-KR').text).toBe(decoded.raw);
  });

  it('a line end returns ISO-2022-KR to ASCII; an 8-bit byte is a decode error', () => {
    expect(decodeIso2022Kr(Buffer.from([0x0e, 0x30, 0x21, 0x0a, 0x41]))).toBe('가\nA');
    const bad = Buffer.concat([toIso2022Kr('한국어 기사'), Buffer.from([0xff, 0x0a])]);
    expect(decodeBytes(bad).flags).toContain('decode-errors');
  });

  it('SO/SI without the ISO-2022-KR designator are still control bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x0e : i % 3 === 1 ? 0x0f : 0x41)));
    expect(() => decodeBytes(bytes)).toThrow(DecodeFailure);
  });

  it('--encoding accepts the ISO-2022 names', () => {
    expect(encodingSupported('iso-2022-kr')).toBe(true);
    expect(encodingSupported('ISO-2022-JP')).toBe(true);
    expect(decodeBytes(toIso2022Kr('서울'), 'iso-2022-kr').text).toBe('\n서울');
  });
});

describe('ISO-8859-15 is told from windows-1252 by its letters', () => {
  const latin9 = [
    ["Le cœur du problème reste l'œuvre : un œuf coûte désormais 25 € au marché de Nancy, et les sœurs le savent bien.", 'French'],
    ['Tšehhovi näidendid ja Šostakovitši muusika: žürii otsustas, et auhind läheb Tallinna teatrile.', 'Estonian'],
    ['Hinta nousi 12 €:sta 15 €:een, ja kauppias sanoi, että syy on kuljetuskustannuksissa.', 'Finnish, euro only'],
  ];
  it.each(latin9)('%s (%s)', (text) => {
    const decoded = decodeBytes(iconv.encode(`${text}\n${text}\n`, 'iso-8859-15'));
    expect(decoded.encoding).toBe('ISO-8859-15');
    expect(decoded.text).toBe(`${text}\n${text}\n`);
  });

  it.each([
    ['The recipe needs 2½ cups of flour and ¼ cup of sugar; don´t skip the salt, says the café owner.'],
    ['Das Café am Fluß öffnet um 9 Uhr, und die Preise sind seit Jahren unverändert geblieben.'],
    ['“Quoted” text with an œuvre and a 5 € price: windows-1252 has œ and € in 0x80–0x9F.'],
  ])('windows-1252 stays windows-1252: %s', (text) => {
    const decoded = decodeBytes(iconv.encode(`${text}\n`, 'windows-1252'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(`${text}\n`);
  });
});

describe('ties and runs of high bytes', () => {
  it.each([
    ['euc-jp', 'EUC-JP'],
    ['euc-kr', 'EUC-KR'],
  ])('a short snippet of katakana in %s, which chardet scores alike in four encodings, reads as kana', (encoding, name) => {
    const decoded = decodeBytes(iconv.encode('<p>ログイン</p>', encoding));
    expect(decoded).toMatchObject({ encoding: name, text: '<p>ログイン</p>' });
  });

  it('double-byte text is never taken for ISO-8859-15 (EUC-JP kana start with 0xA4, its euro sign)', () => {
    expect(decodeBytes(iconv.encode('ログインしてください', 'euc-jp')).encoding).not.toBe('ISO-8859-15');
  });
});

describe('windows-1253 is told from ISO-8859-7', () => {
  const greek = 'Άλλες γλώσσες μιλιούνται επίσης στην περιοχή. Άρθρο για την ιστορία της πόλης και τους ανθρώπους της.';
  it('Ά at 0xA2 opening words is windows-1253', () => {
    const decoded = decodeBytes(iconv.encode(`${greek}\n`, 'windows-1253'));
    expect(decoded.encoding).toBe('windows-1253');
    expect(decoded.text).toBe(`${greek}\n`);
  });

  it('Ά at 0xB6 and an apostrophe at 0xA2 are ISO-8859-7', () => {
    const text = `${greek} Ήρθε απ’την Αθήνα σ’ένα ταξίδι.`;
    const decoded = decodeBytes(iconv.encode(`${text}\n`, 'iso-8859-7'));
    expect(decoded.encoding).toBe('ISO-8859-7');
    expect(decoded.text).toBe(`${text}\n`);
  });
});

describe('standard tables for Shift_JIS, EUC-JP, GB2312 and Big5', () => {
  it('Shift_JIS 0x8160 is WAVE DASH (JIS X 0208), unless the file uses CP932-only rows', () => {
    const plain = Buffer.from([0x82, 0xa0, 0x81, 0x60, 0x82, 0xa2, 0x81, 0x7c]);
    expect(decodeBytes(plain, 'Shift_JIS').text).toBe('あ\u301Cい\u2212');
    const withNec = Buffer.concat([plain, Buffer.from([0x87, 0x40])]);
    expect(decodeBytes(withNec, 'Shift_JIS').text).toBe('あ\uFF5Eい\uFF0D①');
    expect(decodeBytes(plain, 'windows-31j').text).toBe('あ\uFF5Eい\uFF0D');
  });

  it('EUC-JP and a declared GB2312 get their standard characters; a recorded encoding decodes the same way again', () => {
    const euc = Buffer.from([0xa4, 0xa2, 0xa1, 0xc1, 0xa4, 0xa4]);
    expect(decodeBytes(euc, 'EUC-JP').text).toBe('あ\u301Cい');
    const html = '<html><head><meta charset="gb2312"></head><body><p>经济——新闻·报道</p></body></html>';
    const decoded = decodeBytes(iconv.encode(html, 'gb2312'));
    expect(decoded.text).toBe(html.replace(/—/gu, '\u2015').replace('·', '\u30FB'));
    expect(decodeAs(iconv.encode(html, 'gb2312'), decoded.encoding).text).toBe(decoded.raw);
  });
});

describe('wire framing is not binary evidence', () => {
  it('an ANPA-1312 transmission with table codes decodes', () => {
    const row = '\u0008Team\u001f\u001e 73\u001e \u001e 52\u001e \u001e .584\r\n';
    const raw = `\u0016\u0016\u0001a1234\u001f-----\nr s\u0014\u0012 BC-BBO--Glance     08-18 \r\n\u0002^BC-BBO--Glance<\r\n${row.repeat(40)}\u0003AP-WF-08-18-19 2017GMT<\r\n\u0004`;
    const bytes = Buffer.from(raw, 'latin1');
    expect(wireFramed(bytes)).toBe(true);
    expect(decodeBytes(bytes).raw).toBe(raw);
  });

  it('the same control share without the framing is still refused', () => {
    const row = '\u0008Team\u001f\u001e 73\u001e \u001e 52\u001e \u001e .584\r\n';
    expect(() => decodeBytes(Buffer.from(`Glance\n${row.repeat(40)}`, 'latin1'))).toThrow(/control bytes/u);
  });
});
