// Bylines as pages give them: "By JANE ROE", "by: Jane Roe", a profile URL in
// article:author, a Twitter handle, the site's own name, or a date a template
// put in the byline slot. Only a name comes out; everything else is refused.
import type { Author } from '../../../../../shared/model/newsroom.ts';
import { parseDateText } from '../../../time/parseDate.ts';
import { fieldText, sameText } from './dom.ts';

/** "By", "by:", "Par", "Por" before the name. */
const BY = /^(?:by|par|por)\s*:?\s+(?=\S)/iu;
const MAX_NAME = 120;

/** True for a URL, an e-mail address, a path or a social handle: never a byline. */
export function isAddress(value: string): boolean {
  const v = value.trim();
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:mailto|tel|javascript|data):|\/\/|www\.|\/)/iu.test(v) || /^@\w/u.test(v) || /^\S+@\S+\.\S+$/u.test(v) || /^[^\s/]+\.[a-z]{2,}\/\S*$/iu.test(v);
}

/**
 * The name in a byline, or null when what the page put there is not a name.
 * `stripBy` for a byline read from the page's text ("By JANE ROE"); a
 * metadata value is kept as the page wrote it.
 */
export function cleanName(raw: string | null | undefined, stripBy = false): string | null {
  const text = fieldText(raw).replace(stripBy ? BY : /^(?!)/u, '').replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/gu, '');
  if (text === '' || text.length > MAX_NAME || !/\p{L}/u.test(text)) return null;
  if (isAddress(text)) return null;
  // A template that prints the date where the byline goes ("April 28, 2019 at 6:01 am").
  if (/\d/u.test(text) && parseDateText(text) !== null) return null;
  return text;
}

/**
 * The authors a source gives, cleaned, without the publisher or site itself
 * (a page that names "BBC News" as its author has no byline: the credit line
 * holds the publisher). Duplicates are dropped.
 */
export function cleanAuthors(people: ReadonlyArray<{ name: string; role: string }>, publisherNames: readonly string[], stripBy = false): Author[] {
  const out: Author[] = [];
  for (const p of people) {
    const name = cleanName(p.name, stripBy);
    if (name === null || publisherNames.some((pub) => sameText(pub, name))) continue;
    if (out.some((a) => sameText(a.name, name))) continue;
    out.push({ name, role: fieldText(p.role) });
  }
  return out;
}

/** The display byline: the names, without job titles, in the page's order. */
export function bylineOf(authors: readonly Author[]): string {
  return authors.map((a) => a.name).join(', ');
}
