// ninjs concepts into the shared shape: subjects (1.x {scheme, code, name},
// 2.x/3.x {uri, literal, name}), genres, places and the located place.
import type { Located, Subject } from '../../../../../shared/model/newsroom.ts';
import type { JsonObject } from '../json/document.ts';
import { objects, str } from '../json/values.ts';
import { type Fields, lower } from './content.ts';

/** IPTC controlled vocabularies by URI, written as their catalog aliases (what G2 files and searches use). */
const IPTC_ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/$/iu, 'medtop'],
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/$/iu, 'subj'],
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/genre\/$/iu, 'genre'],
];

/** A concept as {scheme, code, label}; null when it names nothing. */
export function concept(raw: JsonObject): Subject | null {
  const f = lower(raw);
  const label = str(f.get('name'));
  let scheme = str(f.get('scheme'));
  let code = str(f.get('code')) || str(f.get('qcode'));
  const uri = str(f.get('uri'));
  const literal = str(f.get('literal'));
  if (code === '' && uri !== '') {
    const cut = uri.replace(/\/+$/u, '').lastIndexOf('/') + 1;
    const prefix = uri.slice(0, cut);
    scheme = IPTC_ALIASES.find(([p]) => p.test(prefix))?.[1] ?? prefix;
    code = uri.slice(cut).replace(/\/+$/u, '');
  } else if (code === '' && literal !== '' && literal !== label) {
    code = literal;
  }
  // A 1.x scheme given as a vocabulary URI reads as its alias too.
  scheme = IPTC_ALIASES.find(([p]) => p.test(scheme))?.[1] ?? scheme;
  // A qcode (`medtop:20000106`) carries its scheme.
  const q = /^([a-z][\w-]*):(.+)$/iu.exec(code);
  if (scheme === '' && q && !/^https?$/iu.test(q[1] as string)) [scheme, code] = [q[1] as string, q[2] as string];
  if (label === '' && code === '') return null;
  return { scheme, code, label: label === '' && literal !== '' ? literal : label };
}

/** `subject`/`subjects` and `place`/`places` of the item, without repeats. */
export function subjects(item: Fields): Subject[] {
  const out: Subject[] = [];
  for (const key of ['subject', 'subjects', 'place', 'places']) {
    for (const raw of objects(item.get(key))) {
      const s = concept(raw);
      if (s && !out.some((o) => o.scheme === s.scheme && o.code === s.code && o.label === s.label)) out.push(s);
    }
  }
  return out;
}

/** Genre names (else codes), joined: `Feature`, `Actuality`. */
export function genre(item: Fields): string {
  const names = [...objects(item.get('genre')), ...objects(item.get('genres'))]
    .map((g) => concept(g))
    .map((g) => (g ? g.label || g.code : ''))
    .filter((g) => g !== '');
  return [...new Set(names)].join(', ');
}

/**
 * `located` ("Grossetto, Italy") as the dateline and a place; the country
 * code comes from a place of the item coded in ISO 3166 whose name ends the
 * located string, which is then dropped from the place's name.
 */
export function located(item: Fields): { dateline: string; located: Located | null } {
  const text = str(item.get('located')).replace(/\s+/gu, ' ');
  if (text === '') return { dateline: '', located: null };
  for (const key of ['place', 'places']) {
    for (const raw of objects(item.get(key))) {
      const c = concept(raw);
      if (!c || !/iso3166/iu.test(c.scheme) || !/^[a-z]{2}$/iu.test(c.code) || c.label === '') continue;
      if (text === c.label) return { dateline: text, located: { name: text, countryCode: c.code.toUpperCase() } };
      if (text.endsWith(`, ${c.label}`)) return { dateline: text, located: { name: text.slice(0, -c.label.length - 2), countryCode: c.code.toUpperCase() } };
    }
  }
  return { dateline: text, located: { name: text, countryCode: '' } };
}
