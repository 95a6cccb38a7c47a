import { describe, expect, it } from 'vitest';
import { countWords } from './wordCount.ts';

/** The rule as it was first written (two regexes and a per-character loop): the one-pass count must agree with it everywhere. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*/gu;
function referenceCount(text: string): number {
  if (!IDEOGRAPHIC.test(text)) return text.match(WORD)?.length ?? 0;
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    const token = match[0];
    if (!IDEOGRAPHIC.test(token)) {
      count += 1;
      continue;
    }
    let latinRun = false;
    for (const ch of token) {
      if (IDEOGRAPHIC.test(ch)) {
        count += 1;
        latinRun = false;
      } else if (/[\p{L}\p{N}]/u.test(ch) && !latinRun) {
        count += 1;
        latinRun = true;
      }
    }
  }
  return count;
}

/**
 * Characters at every edge of the rule: ASCII letters, digits and the joiners
 * (' ’ - .), whitespace, Latin with combining marks, Hangul, Han (and its
 * symbols: radicals, 々, 〇), kana full and half width, the prolonged sound
 * mark (Common script), astral Han and emoji, lone surrogates, digits of
 * other scripts, punctuation.
 */
const ALPHABET = [
  'a', 'Z', '7', "'", '’', '-', '.', ',', ' ', '\n', '\t', '\u00A0', 'é', 'e\u0301', '\u0301', 'ß', 'ﬁ',
  '한', '국', 'ᄀ', '東', '京', '⺀', '々', '〇', 'の', 'ア', 'ｶ', 'ｰ', 'ー', '゛', '・', '𠀋', '𪚲', '😀', '🈀',
  '\uD800', '\uDC00', '٣', '५', 'Ⅻ', '²', '!', '(', '“', '—', 'Ω', 'ж', 'ا', '\u200B', '\u16FF0',
].map((c) => (c === '\u16FF0' ? String.fromCodePoint(0x16ff0) : c));

/** Deterministic pseudo-random strings over ALPHABET (a linear congruential generator). */
function* samples(count: number): Generator<string> {
  let seed = 20261203;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let i = 0; i < count; i += 1) {
    let s = '';
    const length = next() % 40;
    for (let j = 0; j < length; j += 1) s += ALPHABET[next() % ALPHABET.length];
    yield s;
  }
}

describe('countWords', () => {
  it('counts spaced words, and Han and kana per character', () => {
    expect(countWords("The mayor's plan, e-mail and 3.5 percent.")).toBe(7);
    expect(countWords('북한 김정은이 신년사를 발표했다')).toBe(4);
    expect(countWords('東京都知事選挙')).toBe(7);
    expect(countWords('G20 首脳会議')).toBe(5);
    expect(countWords('G20首脳')).toBe(3);
    expect(countWords('データ')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(countWords('... -- ’')).toBe(0);
  });

  it('agrees with the regex definition on 20,000 strings of edge characters', () => {
    const differ: string[] = [];
    for (const s of samples(20_000)) if (countWords(s) !== referenceCount(s)) differ.push(s);
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('agrees with it on long mixed text', () => {
    const text = [...samples(2_000)].join(' ');
    expect(countWords(text)).toBe(referenceCount(text));
  });
});
