import { describe, expect, it } from 'vitest';
import { contentFoldHash, contentHash, contentHashes, spaces } from './contentHash.ts';

/** The plain rule the fast pattern must equal. */
const reference = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('content hashes', () => {
  it('collapse whitespace exactly like /\\s+/ → one space, on every kind of run', () => {
    const pieces = ['a', 'Ö', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\u3000', ' \n ', '\r\n', '\u200b', 'x y', 'e\u0301'];
    let seed = 7;
    for (let n = 0; n < 2000; n += 1) {
      let s = '';
      const length = n % 12;
      for (let i = 0; i < length; i += 1) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        s += pieces[seed % pieces.length];
      }
      expect(spaces(s)).toBe(reference(s));
    }
  });

  it('answer both hashes at once as the single functions do', () => {
    const headline = 'Ferry  Strike\tHalts';
    const body = 'Crews walked out.\n\nTalks resume  Monday. ΟΔΟΣ';
    expect(contentHashes(headline, body)).toEqual({ contentHash: contentHash(headline, body), contentFoldHash: contentFoldHash(headline, body) });
    expect(contentHash(headline, body)).not.toBe(contentFoldHash(headline, body));
    expect(contentHash('A  b', 'c\n d')).toBe(contentHash('A b', 'c d'));
  });
});
