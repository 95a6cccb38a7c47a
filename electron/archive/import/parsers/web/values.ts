// Small value readers for page metadata: titles without the site's name,
// language tags, list fields, copyright lines and the canonical URL that
// identifies a saved page.
import type { ItemIdentity } from '../types.ts';
import { fieldText, sameText } from './dom.ts';

/** Separators sites put between a story's title and their own name: `|`, `-`, `–`, `—`, `_`, `::`, `»`, `·`. */
const SEPARATOR = /(\s*(?:\||::|»|·)\s*|\s+[-–—]\s+|\s+_)/u;

/**
 * A <title> or og:title as the story's headline: a page <h1> it starts with
 * (`Story title _Section _Site`), else without a leading or trailing part that
 * is the site's name (`Story title - BBC News`).
 */
export function cleanTitle(title: string, siteNames: readonly string[], h1s: readonly string[]): string {
  const t = fieldText(title);
  if (t === '') return '';
  for (const h of h1s) {
    if (h === '' || !t.startsWith(h)) continue;
    const rest = t.slice(h.length);
    if (rest === '' || SEPARATOR.exec(rest)?.index === 0) return h;
  }
  // [part, separator, part, separator, part …]
  const pieces = t.split(SEPARATOR);
  const isSite = (p: string | undefined) => p !== undefined && siteNames.some((s) => sameText(s, p));
  while (pieces.length > 2 && isSite(pieces[pieces.length - 1])) pieces.splice(-2, 2);
  while (pieces.length > 2 && isSite(pieces[0])) pieces.splice(0, 2);
  return pieces.join('').trim();
}

/**
 * The primary language subtag, lower case (`en-GB` → `en`, `pt_BR` → `pt`): the file's own tag
 * first. `und` (BCP 47 undetermined: what our own export writes for an unknown language) says nothing.
 */
export function languageOf(...tags: ReadonlyArray<string | null | undefined>): string {
  for (const tag of tags) {
    const primary = (tag ?? '').trim().split(/[-_,;\s]/u)[0]?.toLowerCase() ?? '';
    if (/^[a-z]{2,3}$/u.test(primary) && primary !== 'und') return primary;
  }
  return '';
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A keyword or tag line as items: split on commas (or semicolons); CJK lines without them on spaces. */
export function splitList(value: string): string[] {
  const separator = /[,;，、；]/u.test(value) || !CJK.test(value) ? /[,;，、；]/u : /\s+/u;
  return value
    .split(separator)
    .map((x) => fieldText(x))
    .filter((x) => x !== '' && x.toLowerCase() !== 'null');
}

/** The holder in a copyright line: `1999-2021 (c) Economia, a.s.` → `Economia, a.s.`. */
export function copyrightName(line: string | undefined): string {
  return fieldText(line)
    .replace(/copyright|©|\(c\)|all rights reserved\.?|\b\d{4}(?:\s*[-–]\s*\d{4})?\b/giu, ' ')
    .replace(/^[\s,.;:]+|[\s,;:]+$/gu, '')
    .replace(/\s+/gu, ' ');
}

/** Query parameters that only track a visit; a re-saved page keeps its identity without them. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|smid)$/iu;

/**
 * The page's identity: its canonical URL (first absolute http(s) candidate;
 * fragment and tracking parameters dropped), scoped by its host without
 * `www.`. A page saved again later is the same item: a new version of the
 * same article, never a second article.
 */
export function canonicalIdentity(candidates: ReadonlyArray<string | null | undefined>): ItemIdentity | null {
  for (const c of candidates) {
    if (typeof c !== 'string' || c.trim() === '') continue;
    let url: URL;
    try {
      url = new URL(c.trim().replace(/^\/\//u, 'https://'));
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
    return { provider: url.hostname.replace(/^www\d*\./u, ''), id: url.href, version: null };
  }
  return null;
}
