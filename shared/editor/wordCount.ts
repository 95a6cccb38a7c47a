// Word counts, in one pass over the text. The rule (what plainText.ts always
// counted): a word is a run matching /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*/u;
// Han ideographs and kana are written without spaces, so inside a word each of
// them counts as one (the 文字数 convention of Japanese and Chinese desks), and
// each stretch of other letters or digits between them as one more (`G20首脳`
// is 3). Hangul is spaced like English and counts by spaced words.
//
// The regexes above ran once per match and once per character of CJK text;
// here each UTF-16 unit is classified once per process (a lazily filled table,
// from the same Unicode properties), so a body costs one loop over its text.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{N}\p{M}'’\-.]$/u;
const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

const KNOWN = 1;
const STARTS = 2; // a letter or digit: starts a word, and counts where a latin run starts
const CONTINUES = 4; // a letter, digit, mark, apostrophe, hyphen or full stop
const IDEO = 8;

function classify(ch: string): number {
  return KNOWN | (LETTER_OR_DIGIT.test(ch) ? STARTS : 0) | (WORD_PART.test(ch) ? CONTINUES : 0) | (IDEOGRAPHIC.test(ch) ? IDEO : 0);
}

/** Classes of BMP code units (0 = not looked up yet); astral code points in a map. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classOfUnit(unit: number): number {
  let c = bmp[unit] as number;
  if (c === 0) {
    // A lone surrogate is a code point of its own to a /u regex: none of the classes.
    c = classify(String.fromCharCode(unit));
    bmp[unit] = c;
  }
  return c;
}

function classOfAstral(codePoint: number): number {
  let c = astral.get(codePoint);
  if (c === undefined) {
    c = classify(String.fromCodePoint(codePoint));
    astral.set(codePoint, c);
  }
  return c;
}

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let latinRun = false;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const unit = text.charCodeAt(i);
    let c: number;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = classOfAstral(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i += 1;
      } else c = classOfUnit(unit);
    } else c = classOfUnit(unit);
    if (!inWord) {
      if ((c & STARTS) === 0) continue;
      inWord = true;
      latinRun = false;
    } else if ((c & CONTINUES) === 0) {
      inWord = false;
      continue;
    }
    if ((c & IDEO) !== 0) {
      count += 1;
      latinRun = false;
    } else if ((c & STARTS) !== 0 && !latinRun) {
      count += 1;
      latinRun = true;
    }
  }
  return count;
}
