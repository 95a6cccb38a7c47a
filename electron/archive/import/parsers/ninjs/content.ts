// The text parts of a ninjs item, across the three majors: 1.x writes
// `headline`, `body_html`/`body_text`/`body_*` and `description_*`; 2.x and 3.x
// write `headlines[]`, `bodies[]` and `descriptions[]` of {role, contenttype, value}.
import type { JsonValue } from '../json/document.ts';
import { objects, plainText, str } from '../json/values.ts';

/** An item's fields under lower-case keys: 3.x spells them in camelCase (`versionCreated`, `contentType`). */
export type Fields = ReadonlyMap<string, JsonValue>;

export interface Part {
  kind: 'html' | 'nitf' | 'text' | 'xml';
  role: string;
  value: string;
}

const SUB_ROLE = /^(?:sub|subhead|subheadline|subtitle|secondary|dek|deck|standfirst)$/iu;

export function headlines(item: Fields): { headline: string; dek: string } {
  const list = objects(item.get('headlines')).map((h) => ({
    role: str(lower(h).get('role')),
    text: plainText(str(lower(h).get('value'))),
  }));
  for (const [key, value] of item) {
    if (key === 'headline') list.unshift({ role: 'main', text: plainText(str(value)) });
    else if (key.startsWith('headline_')) list.push({ role: key.slice('headline_'.length), text: plainText(str(value)) });
  }
  const usable = list.filter((h) => h.text !== '');
  const main = usable.find((h) => h.role.toLowerCase() === 'main') ?? usable.find((h) => !SUB_ROLE.test(h.role));
  const sub = usable.find((h) => h !== main && (SUB_ROLE.test(h.role) || /sub/iu.test(h.role)));
  return { headline: main?.text ?? '', dek: sub?.text ?? '' };
}

/** Bodies in the file's order; 1.x `body_<kind>` keys and 2.x/3.x `bodies[]`. */
export function bodies(item: Fields): Part[] {
  const out: Part[] = [];
  for (const b of objects(item.get('bodies'))) {
    const f = lower(b);
    const value = str(f.get('value'));
    if (value !== '') out.push({ kind: kindOf(str(f.get('contenttype')), str(f.get('role')), value), role: str(f.get('role')), value });
  }
  for (const [key, value] of item) {
    if (!key.startsWith('body_') || str(value) === '') continue;
    const suffix = key.slice('body_'.length);
    out.push({ kind: kindOf('', suffix, str(value)), role: suffix, value: str(value) });
  }
  return out;
}

/** The body to read: HTML first, then NITF, then plain text; other XML (TT's own) only when nothing else is there. */
export function chooseBody(parts: readonly Part[]): Part | null {
  for (const kind of ['html', 'nitf', 'text', 'xml'] as const) {
    const found = parts.find((p) => p.kind === kind);
    if (found) return found;
  }
  return null;
}

/** Descriptions as plain text, in the file's order (1.x `description_text`/`description_html`, 2.x/3.x `descriptions[]`). */
export function descriptions(item: Fields): Part[] {
  const out: Part[] = [];
  for (const d of objects(item.get('descriptions'))) {
    const f = lower(d);
    const value = str(f.get('value'));
    if (value !== '') out.push({ kind: kindOf(str(f.get('contenttype')), str(f.get('role')), value), role: str(f.get('role')), value });
  }
  const html = item.get('description_html');
  const text = item.get('description_text');
  if (str(html) !== '') out.push({ kind: 'html', role: 'html', value: str(html) });
  if (str(text) !== '') out.push({ kind: 'text', role: 'text', value: str(text) });
  return out;
}

function kindOf(contentType: string, role: string, value: string): Part['kind'] {
  const hint = `${contentType} ${role}`.toLowerCase();
  if (/nitf/u.test(hint)) return /<nitf[\s>]/u.test(value) ? 'nitf' : 'xml';
  if (/html/u.test(hint)) return 'html';
  if (/xml/u.test(hint)) return 'xml';
  if (/text\/plain|^\s*text\b/u.test(hint)) return 'text';
  // No content type: markup decides.
  return /<[a-z][\w-]*[\s/>]/iu.test(value) ? 'html' : 'text';
}

/** An object's keys lower-cased (first spelling wins). */
export function lower(o: Readonly<Record<string, JsonValue>>): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  for (const [k, v] of Object.entries(o)) {
    const key = k.toLowerCase();
    if (!out.has(key)) out.set(key, v);
  }
  return out;
}
