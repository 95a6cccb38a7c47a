// Text agreement between an extracted body and a reference extraction
// (Readability's expected output for a saved page): the share of words, in
// order, that both hold. Used by the web-capture tests and bench:import.
// Chinese, Japanese and Korean characters count one by one, since their
// text has no spaces between words.
import { diffArrays } from 'diff';
import { parseDocument } from 'htmlparser2';
import { textOf } from '../parsers/htmlBlocks.ts';

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export interface Agreement {
  /** Share of our words that the reference holds in the same order. */
  precision: number;
  /** Share of the reference's words we hold in the same order. */
  recall: number;
  /** Harmonic mean of the two. */
  f1: number;
}

/** Agreement of `got` with `reference` over their longest common subsequence of words. */
export function textAgreement(got: string, reference: string): Agreement {
  const a = tokens(got);
  const b = tokens(reference);
  let common = 0;
  for (const part of diffArrays(a, b)) if (!part.added && !part.removed) common += part.value.length;
  const precision = a.length === 0 ? 0 : common / a.length;
  const recall = b.length === 0 ? 0 : common / b.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The text of an HTML fragment (Readability's expected.html), entities decoded. */
export function htmlText(html: string): string {
  return textOf(parseDocument(html, { decodeEntities: true }));
}
