// Telling apart single-byte encodings that a statistical detector cannot:
// they share almost every letter, and differ at a few bytes where one has a
// letter and the other a symbol. ISO-8859-15 puts € Š š Ž ž Œ œ Ÿ where
// windows-1252 (and ISO-8859-1) have ¤ ¦ ¨ ´ ¸ ¼ ½ ¾; windows-1253 puts Ά
// at 0xA2 where ISO-8859-7 has a closing quote, and ISO-8859-7 puts Ά at 0xB6
// where windows-1253 has ¶. Which reading is right shows in the neighbours: a
// letter inside a word, a currency sign beside a number, a fraction after a
// digit, a quote after a word.

const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isLower = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0xdf && b <= 0xff && b !== 0xf7);
const isUpper = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0xc0 && b <= 0xde && b !== 0xd7);
const isLatinLetter = (b: number) => isAsciiLetter(b) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xa0;

/** Bytes where ISO-8859-15 has a lower-case letter (š ž œ) and windows-1252 a symbol. */
const LATIN9_LOWER = new Set([0xa8, 0xb8, 0xbd]);
/** Bytes where ISO-8859-15 has an upper-case letter (Š Ž Œ Ÿ). */
const LATIN9_UPPER = new Set([0xa6, 0xb4, 0xbc, 0xbe]);

function hasC1Range(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

/**
 * True when a Western European file reads better as ISO-8859-15 than as
 * windows-1252: it uses none of windows-1252's 0x80–0x9F characters, and its
 * 0xA4/0xA6/0xA8/0xB4/0xB8/0xBC/0xBD/0xBE bytes sit where ISO-8859-15's € and
 * letters belong (œuf, Tšehhov, 2212 €) more often than where windows-1252's
 * symbols do (2½, don´t).
 */
export function readsAsLatin9(bytes: Uint8Array): boolean {
  if (hasC1Range(bytes) || !isolatedHighBytes(bytes)) return false;
  let latin9 = 0;
  let cp1252 = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b < 0xa4 || b > 0xbe) continue;
    const prev = bytes[i - 1] ?? 0x20;
    const next = bytes[i + 1] ?? 0x20;
    if (b === 0xa4) {
      // The euro sign beside an amount or alone in brackets; ¤ appears in no real copy.
      latin9 += 1;
    } else if (LATIN9_LOWER.has(b)) {
      if (isLatinLetter(next) && !isUpper(next)) latin9 += 1;
      else if (b === 0xbd && (isDigit(prev) || isSpace(prev))) cp1252 += 1;
    } else if (LATIN9_UPPER.has(b)) {
      if (b === 0xb4 && isLower(prev) && isLower(next)) cp1252 += 1;
      else if (isLatinLetter(next) && !isLower(prev)) latin9 += 1;
      else if ((b === 0xbc || b === 0xbe) && isDigit(prev)) cp1252 += 1;
    }
  }
  return latin9 > cp1252;
}

/**
 * Western European text has its accented letters one at a time between ASCII
 * letters; a double-byte encoding (EUC-JP kana start with 0xA4) has them in
 * runs. True when most high bytes stand alone.
 */
function isolatedHighBytes(bytes: Uint8Array): boolean {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if ((bytes[i] as number) < 0x80) continue;
    high += 1;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) paired += 1;
  }
  return paired * 3 <= high;
}

const isGreekLetter = (b: number) => b >= 0xb8 && b <= 0xfe && b !== 0xbb && b !== 0xbd && b !== 0xd2;

/**
 * For a Greek file: 'windows-1253' when it reads as such (characters at
 * 0x80–0x9F, or Ά at 0xA2 opening a word), 'ISO-8859-7' when its 0xB6 opens
 * words or its 0xA2 closes them (an apostrophe, απ’τον), null when neither shows.
 */
export function greekVariant(bytes: Uint8Array): 'windows-1253' | 'ISO-8859-7' | null {
  let cp1253 = 0;
  let iso = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b >= 0x80 && b <= 0x9f) {
      // windows-1253's quotes, dashes and € live here; ISO-8859-7 has only controls.
      if (b !== 0x81 && b !== 0x88 && b !== 0x8a && b !== 0x8c && b !== 0x8d && b !== 0x8e && b !== 0x8f && b !== 0x90 && b !== 0x98 && b !== 0x9a && b !== 0x9c && b !== 0x9d && b !== 0x9e && b !== 0x9f) cp1253 += 1;
      continue;
    }
    const prev = bytes[i - 1] ?? 0x20;
    const next = bytes[i + 1] ?? 0x20;
    if (b === 0xa2) {
      if (isGreekLetter(next) && !isGreekLetter(prev)) cp1253 += 1;
      else if (isGreekLetter(prev)) iso += 1;
    } else if (b === 0xb6) {
      if (isGreekLetter(next) && !isGreekLetter(prev)) iso += 1;
      else cp1253 += 1;
    }
  }
  if (cp1253 > iso) return 'windows-1253';
  if (iso > cp1253) return 'ISO-8859-7';
  return null;
}
