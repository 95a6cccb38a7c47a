// Splitting plain text into paragraphs, shared by the text-like parsers.

const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * Paragraphs split on blank lines, with hard-wrapped lines inside a paragraph
 * joined; when the text has no blank line at all, every line is a paragraph
 * (exports that write one paragraph per line, like ko-wikinews).
 */
export function splitParagraphs(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] as string).trim() === '') start += 1;
  while (end > start && (lines[end - 1] as string).trim() === '') end -= 1;
  const inner = lines.slice(start, end);
  if (!inner.some((l) => l.trim() === '')) return inner.map((l) => l.trim()).filter((l) => l !== '');
  const out: string[] = [];
  let current: string[] = [];
  for (const line of inner) {
    const t = line.trim();
    if (t === '') {
      if (current.length > 0) out.push(joinWrapped(current));
      current = [];
    } else {
      current.push(t);
    }
  }
  if (current.length > 0) out.push(joinWrapped(current));
  return out;
}

/** Join hard-wrapped lines: a space between words, nothing between CJK characters. */
export function joinWrapped(lines: readonly string[]): string {
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i += 1) {
    const next = lines[i] as string;
    out += CJK_END.test(out) && CJK_START.test(next) ? next : ` ${next}`;
  }
  return out;
}
