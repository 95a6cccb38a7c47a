// Field text from XML: whitespace collapsed, entities a producer escaped twice
// (`o&amp;#39;clock` → `o'clock`) decoded, HTML-typed strings reduced to their
// text, language tags in BCP 47 case.
import { parseDocument } from 'htmlparser2';
import { collapseSpaces } from '../../text.ts';
import { textOf } from '../htmlBlocks.ts';
import { htmlEntity } from './tree.ts';

/** An entity left in text after XML decoding: the producer escaped it twice. `&lt;`/`&gt;` stay (they would become markup). */
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/giu;

export function decodeLeftoverEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      if (code === 60 || code === 62 || !(code > 0 && code <= 0x10ffff)) return all;
      return String.fromCodePoint(code);
    }
    if (/^(?:lt|gt)$/iu.test(name)) return all;
    return htmlEntity(name) ?? all;
  });
}

/** A one-line field: double-escaped entities decoded, whitespace collapsed and trimmed (`\s` without the `u` flag: the same match, faster). */
export function cleanField(text: string): string {
  return collapseSpaces(decodeLeftoverEntities(text).replace(/\s+/g, ' '));
}

/** A string that holds HTML (an Atom `type="html"` title, an RSS description) as its text. */
export function htmlText(html: string): string {
  if (!/[<&]/u.test(html)) return cleanField(html);
  return cleanField(textOf(parseDocument(html, { decodeEntities: true })).replace(/\s+/gu, ' '));
}

/** A BCP 47 tag in its conventional case (`EN` → `en`, `zh-hant` → `zh-Hant`, `fi-fi` → `fi-FI`); '' for none or `x-default`. */
export function languageTag(raw: string): string {
  const tag = raw.trim().replace(/_/gu, '-');
  if (tag === '' || /^x-default$/iu.test(tag) || !/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u.test(tag)) return '';
  return tag
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 4 && /^[A-Za-z]+$/u.test(part)) return part[0]?.toUpperCase() + part.slice(1).toLowerCase();
      if (part.length === 2 && /^[A-Za-z]+$/u.test(part)) return part.toUpperCase();
      return part.toLowerCase();
    })
    .join('-');
}

/** A byline without its leading "By" (and the German, Spanish, French and Nordic equivalents). */
export function stripBy(byline: string): string {
  return byline.replace(/^(?:by|von|por|par|av|af)\s*[:]?\s+/iu, '').replace(/^[Bb]y(?=\p{Lu})/u, '').trim();
}

/**
 * A dateline is a place ("BERLIN (dpa)"): a trailing dash goes, and one that is only a date or a
 * timestamp (ANA's "4/4/2018", Reuters' "2014-07-16 15:53:10 GMT+00:00") is no dateline.
 */
export function placeDateline(raw: string): string {
  const d = cleanField(raw).replace(/[\s–—-]+$/u, '');
  return /\p{L}/u.test(d.replace(/\b(?:GMT|UTC)\b/gu, '').replace(/(?<=\d)[TZ]|[TZ](?=\d)/gu, '')) ? d : '';
}

/** A number 1–9 from an urgency or priority value; null otherwise. */
export function scale9(value: string): number | null {
  const n = Number.parseInt(value.trim(), 10);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

/** The holder named in a copyright line: `© 2024 AFP` → `AFP`, `Copyright Business Wire 2013` → `Business Wire`. */
export function copyrightHolderOf(line: string): string {
  return cleanField(line.replace(/^\s*(?:©|\(c\)|copyright)\s*/iu, '').replace(/\b(?:19|20)\d{2}\b[,.]?/gu, '').replace(/^[\s,.-]+|[\s,.-]+$/gu, ''));
}

/** Join distinct non-empty values. */
export function distinct(values: Iterable<string>): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== '' && !out.includes(v)) out.push(v);
  return out;
}
