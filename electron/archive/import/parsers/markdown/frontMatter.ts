// YAML front matter: `---` … `---` (or `...`) at the very top, read with the
// yaml library. String values that are HTML-escaped (a static-site template,
// or an exporter guarding templates that print values raw, wrote `&lt;b&gt;`)
// are decoded; a value holding a raw `<`, `>` or a bare `&` is plain text and
// kept as written. The one ambiguous case, a value whose only markup-like text
// is a well-formed entity (`AT&amp;T`), is decoded: a headline that means the
// five characters "&amp;" is far rarer than one escaped twice.
import { decodeHTMLStrict } from 'entities';
import { parse as parseYaml } from 'yaml';

export const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u;

export interface FrontMatter {
  meta: Record<string, unknown>;
  /** The text after the front matter. */
  rest: string;
  /** The block was there but is not valid YAML (flag `bad-front-matter`). */
  bad: boolean;
}

export function splitFrontMatter(text: string): FrontMatter {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return { meta: {}, rest: text, bad: false };
  const rest = text.slice(fm[0].length);
  try {
    const parsed: unknown = parseYaml(fm[1] ?? '');
    const meta = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { meta, rest, bad: false };
  } catch {
    return { meta: {}, rest, bad: true };
  }
}

/** A character reference: named (`&amp;`), decimal (`&#60;`) or hex (`&#x3C;`). */
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/gu;

/** A front matter string as text: HTML-escaped values decoded, raw ones kept. */
export function unescapeValue(value: string): string {
  if (!value.includes('&')) return value;
  const raw = /[<>]/u.test(value) || /&/u.test(value.replace(REFERENCE, ''));
  return raw ? value : decodeHTMLStrict(value);
}

/** A trimmed, unescaped string from a scalar (dates as ISO text); null for anything else or empty. */
export function metaString(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  return unescapeValue(value).trim() || null;
}
