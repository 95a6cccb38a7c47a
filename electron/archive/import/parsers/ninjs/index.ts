// IPTC ninjs (News in JSON) 1.x, 2.x and 3.x, plus the wrappers agencies
// deliver it in: BBC LDRS's {total, item: [...]} page and plain arrays of
// items. Detected by the document's keys: a `standard`/`$standard` naming
// ninjs, or an item identifier (`uri`, Superdesk's `guid`) beside ninjs fields.
import type { Zone } from '../../../time/zone.ts';
import { describeJson, isObject, type JsonObject, type JsonValue, readJson } from '../json/document.ts';
import { str } from '../json/values.ts';
import { FileRefused, type ParsedArticle, type Parser } from '../types.ts';
import { lower } from './content.ts';
import { parseNinjsItem } from './item.ts';

/** Keys only ninjs (or a news item in JSON) would have; `type`, `version`, `language` prove nothing alone. */
const NINJS_KEYS = [
  'headline', 'headlines', 'bodies', 'byline', 'by', 'versioncreated', 'firstcreated', 'contentcreated', 'embargoed',
  'embargoeduntil', 'pubstatus', 'urgency', 'subject', 'subjects', 'genre', 'genres', 'located', 'slugline', 'ednote',
  'copyrightholder', 'copyrightnotice', 'usageterms', 'descriptions', 'associations', 'renditions', 'altids',
  'representationtype', 'infosource', 'infosources', 'mimetype', 'profile',
];
const NINJS_PREFIXES = ['body_', 'description_', 'headline_'];

/** How sure we are that one object is a ninjs item, 0..1. */
export function ninjsItemScore(o: JsonObject): number {
  const f = lower(o);
  const standard = f.get('standard') ?? f.get('$standard');
  if (isObject(standard) && /ninjs/iu.test(str(standard.name))) return 0.97;
  if (/ninjs/iu.test(str(f.get('$schema')))) return 0.97;
  let n = 0;
  for (const key of f.keys()) if (NINJS_KEYS.includes(key) || NINJS_PREFIXES.some((p) => key.startsWith(p))) n += 1;
  const hasId = str(f.get('uri')) !== '' || str(f.get('guid')) !== '';
  if (hasId) return n >= 3 ? 0.92 : n === 2 ? 0.85 : 0;
  return n >= 4 ? 0.75 : 0;
}

/** The items of a document: the object itself, BBC LDRS's `item` page, or an array. Null when none scores. */
function itemsOf(value: JsonValue): { items: JsonObject[]; container: boolean; score: number } | null {
  if (Array.isArray(value)) {
    const items = value.filter(isObject);
    const score = items.length > 0 && items.length === value.length ? Math.min(...items.slice(0, 20).map(ninjsItemScore)) : 0;
    return score > 0 ? { items, container: true, score: score - 0.05 } : null;
  }
  if (!isObject(value)) return null;
  const own = ninjsItemScore(value);
  if (own > 0) return { items: [value], container: false, score: own };
  const list = value.item ?? value.items;
  if (Array.isArray(list) && list.length > 0) {
    const inner = itemsOf(list);
    if (inner) return { items: inner.items, container: true, score: inner.score };
  }
  return null;
}

export const ninjsParser: Parser = {
  name: 'ninjs',
  detect(input) {
    const read = readJson(input);
    if (!read?.ok) return 0;
    return itemsOf(read.value)?.score ?? 0;
  },
  parse(input) {
    const read = readJson(input);
    if (!read) throw new Error('not JSON');
    if (!read.ok) throw new FileRefused(`malformed JSON: ${read.message} at line ${read.line}, column ${read.column}`);
    const found = itemsOf(read.value);
    if (!found) throw new FileRefused(`not ninjs: ${describeJson(read.value)}`);
    return found.container ? parseContainer(found.items, input.zone) : [parseNinjsItem(found.items[0] as JsonObject, input.zone)];
  },
};

/** Every text item of a page or array, keyed by its id; media items are left out, and a page of nothing but media is refused. */
function parseContainer(items: readonly JsonObject[], zone: Zone): ParsedArticle[] {
  const out: ParsedArticle[] = [];
  let refused: FileRefused | null = null;
  items.forEach((raw, i) => {
    try {
      const article = parseNinjsItem(raw, zone);
      const id = str(lower(raw).get('id')) || `${i + 1}`;
      out.push({ ...article, key: id });
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      refused ??= error;
    }
  });
  if (out.length === 0) throw refused ?? new FileRefused('the ninjs page holds no items');
  return out;
}
