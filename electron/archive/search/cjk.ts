// CJK text has no spaces between words (Japanese, Chinese) or glues particles
// onto words (Korean: 권리에 = 권리 + 에), so unicode61 indexes whole runs and a
// query for 권리 would miss 권리에. We index every CJK run a second time as
// overlapping bigrams in shadow columns; a query of n >= 2 CJK characters
// becomes the phrase of its n-1 bigrams, which matches exactly where the query
// is a substring of a run. Latin text yields no bigrams, so English archives
// pay nothing for this. (Trigram would need 3+ characters and triple the index.)

/** Runs of characters written without word spaces, plus Hangul, which agglutinates. */
const CJK_RUN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+/gu;

/** Bigrams of every CJK run, space-separated; a lone character stands as itself. */
export function cjkBigrams(text: string | null | undefined): string {
  if (!text) return '';
  const out: string[] = [];
  for (const match of text.matchAll(CJK_RUN)) {
    out.push(...runBigrams(match[0]));
  }
  return out.join(' ');
}

/** The bigrams of one run, in order: the tokens of a query phrase. */
export function runBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return [chars[0] as string];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Split text into alternating CJK and non-CJK pieces. */
export function splitCjk(text: string): Array<{ cjk: boolean; text: string }> {
  const parts: Array<{ cjk: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ cjk: false, text: text.slice(last, start) });
    parts.push({ cjk: true, text: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ cjk: false, text: text.slice(last) });
  return parts;
}
