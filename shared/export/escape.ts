// Escaping and URL policy shared by every export format. Everything the
// exporter writes from article data goes through one of these functions:
// the serializer never concatenates raw user text into markup.

// C0 controls (except tab, LF, CR), DEL and C1 controls are not text a reader
// can see; HTML calls them parse errors and YAML refuses them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Lone surrogates cannot be encoded as UTF-8; replace them rather than let the
// encoder do it silently later (the manifest hash must describe the real bytes).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it may appear in any output: invisible controls dropped, lone surrogates replaced. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** True when a field shows something once cleaned: fields that show nothing are left out, not written empty. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && cleanText(value).trim() !== '';
}

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escape for an HTML text node (and RCDATA such as <title>). */
export function escapeHtmlText(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (c) => HTML_TEXT[c] ?? c);
}

/** Escape for a double-quoted HTML attribute value. */
export function escapeHtmlAttr(text: string): string {
  return cleanText(text).replace(/[&<>"]/g, (c) => HTML_TEXT[c] ?? c);
}

/** Link schemes an export may carry. Anything else becomes plain text. */
export const EXPORT_LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const;

/**
 * The href to write for a stored link URL, or null when the link must be
 * dropped (relative, unparsable, or a scheme such as javascript: or data:).
 * The WHATWG parser does the normalising browsers do (stripped tabs and
 * newlines, case-folded scheme), so what we check is what a browser would run.
 */
export function safeHref(raw: string): string | null {
  const trimmed = cleanText(raw).trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!(EXPORT_LINK_SCHEMES as readonly string[]).includes(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return null;
  return url.href;
}

/** True for links that leave the document (they get rel="noopener noreferrer"). */
export function isExternalHref(href: string): boolean {
  return href.startsWith('http:') || href.startsWith('https:');
}

/**
 * JSON for a <script type="application/ld+json"> block. `<`, `>` and `&` are
 * written as \u escapes, so no field can spell `</script` or `<!--` and end or
 * confuse the element; U+2028/2029 are escaped for old JavaScript parsers.
 * The result is still exactly the same JSON value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date or date-time fit for `datetime=` and JSON-LD, or null. */
export function isoDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  return ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** A BCP 47 language tag, or null when the stored value is not one. */
export function languageTag(value: string | null | undefined): string | null {
  if (!value) return null;
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
}
