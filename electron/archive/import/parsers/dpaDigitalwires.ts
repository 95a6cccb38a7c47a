// dpa digitalwires JSON (`"format": "digitalwires@…"`), dpa's wire format
// since 2024: one entry per file, or the API's {"entries": [...]} page.
// headline, teaser → dek, article_html → body (its dateline span becomes the
// dateline), byline, dateline, urn + version, version_created, embargo,
// urgency, pubstatus, signal, categories (subjects, keywords, genre, desk),
// rubrics → tags, creditline, copyright, usage terms, publishable ednotes.
import { bodyState } from '../../../../shared/editor/build.ts';
import type { Subject } from '../../../../shared/model/newsroom.ts';
import { resolveDate } from '../../time/parseDate.ts';
import type { Zone } from '../../time/zone.ts';
import { guessLanguage, resolveDates } from './dates.ts';
import { bylineAuthors, displayByline } from './json/bylines.ts';
import { describeJson, isObject, type JsonObject, type JsonValue, readJson } from './json/document.ts';
import { htmlBody, tidyDateline } from './json/htmlBody.ts';
import { objects, plainText, pubStatus, scale9, str, strings, unique, versionNumber } from './json/values.ts';
import { FileRefused, type ParsedArticle, type Parser } from './types.ts';

/** Category types read as subjects: dpa's subjects (some coded in IPTC Media Topics) and places. */
const SUBJECT_TYPES = new Set(['dnltype:dpasubject', 'dnltype:geosubject', 'dnltype:subject']);
/** Ednote roles that are notes to the desk; contacts, picture notes and closing lines are not. */
const NOTE_ROLES = /:(?:embargo|editorialnote|correction)$/u;

/** How sure we are that one object is a digitalwires entry. */
export function digitalwiresScore(o: JsonObject): number {
  if (/^digitalwires@/iu.test(str(o.format))) return 0.98;
  const keys = ['urn', 'article_html', 'version_created', 'teaser', 'dateline', 'creditline', 'categories', 'entry_id'];
  const n = keys.filter((k) => k in o).length;
  return 'urn' in o && n >= 4 ? 0.9 : 0;
}

function entriesOf(value: JsonValue): { entries: JsonObject[]; container: boolean; score: number } | null {
  if (!isObject(value)) return null;
  const own = digitalwiresScore(value);
  if (own > 0) return { entries: [value], container: false, score: own };
  const list = objects(value.entries);
  const scores = list.map(digitalwiresScore);
  return list.length > 0 && scores.every((s) => s > 0) ? { entries: list, container: true, score: Math.min(...scores) - 0.02 } : null;
}

export const dpaDigitalwiresParser: Parser = {
  name: 'dpa-digitalwires',
  detect(input) {
    const read = readJson(input);
    return read?.ok ? (entriesOf(read.value)?.score ?? 0) : 0;
  },
  parse(input) {
    const read = readJson(input);
    if (!read?.ok) throw new Error('not JSON');
    const found = entriesOf(read.value);
    if (!found) throw new FileRefused(`not dpa digitalwires: ${describeJson(read.value)}`);
    const articles = found.entries.map((e) => parseEntry(e, input.zone));
    return found.container ? articles.map((a, i) => ({ ...a, key: a.identity?.id || `${i + 1}` })) : articles;
  },
};

export function parseEntry(entry: JsonObject, zone: Zone): ParsedArticle {
  const urn = str(entry.urn);
  const named = urn === '' ? 'the digitalwires entry' : `digitalwires entry ${urn}`;
  const type = str(entry.type).toLowerCase();
  const headline = plainText(str(entry.headline));
  const html = str(entry.article_html);
  if (type !== '' && type !== 'text' && type !== 'composite' && html === '') throw new FileRefused(`${named} is of type ${type} and has no text: Copydesk imports text`);
  const body = htmlBody(html, headline);
  if (headline === '' && body.blocks.length === 0) throw new FileRefused(`${named} has no headline and no article_html`);

  const categories = objects(entry.categories);
  const named2 = (t: string) => categories.filter((c) => str(c.type) === t).map((c) => str(c.name)).filter((n) => n !== '');
  const provider = named2('dnltype:provider')[0] ?? (str(entry.creditline) || 'dpa');
  const byline = displayByline(str(entry.byline));
  const dateline = tidyDateline(str(entry.dateline)) || body.dateline;
  const dates = resolveDates(zone, str(entry.version_created), null);
  const version = versionNumber(entry.version);
  if (version !== null && version > 1 && dates.fields.postedAt) dates.fields.updatedAt = dates.fields.postedAt;
  const embargo = resolveDate(str(entry.embargoed), zone);
  const signals = unique([str(entry.signal), ...categories.filter((c) => str(c.type) === 'dnltype:signal').map((c) => str(c.qcode) || str(c.name))].map((s) => s.replace(/^sig:/u, '').toLowerCase()));
  const notes = objects(entry.ednotes)
    .filter((n) => NOTE_ROLES.test(str(n.role)) && n.is_publishable !== false)
    .map((n) => str(n.ednote));
  const teaser = plainText(str(entry.teaser)) || plainText(str(entry.subhead));
  const language = str(entry.language);
  return {
    fields: {
      headline,
      dek: teaser,
      byline,
      authors: bylineAuthors(byline, [provider, str(entry.creditline)]),
      dateline,
      located: dateline === '' ? null : { name: dateline.replace(/\s*\([^)]*\)\s*$/u, ''), countryCode: '' },
      section: named2('dnltype:desk')[0] ?? '',
      tags: unique([...strings(entry.rubric_names), ...strings(entry.current_rubric_names)]),
      language: language || guessLanguage(headline),
      ...dates.fields,
      embargoedUntil: embargo?.iso ?? null,
      urgency: scale9(entry.urgency) ?? scale9(named2('dnltype:urgency')[0]),
      pubStatus: pubStatus(entry.pubstatus),
      signals,
      subjects: subjectsOf(categories),
      genre: unique(named2('dnltype:genre')).join(', '),
      keywords: unique([...strings(entry.keyword_names), ...named2('dnltype:keyword')]),
      editorNote: unique(notes).join('\n'),
      provider,
      creditLine: str(entry.creditline),
      copyrightHolder: str(entry.copyrightnotice),
      usageTerms: str(entry.usageterms),
    },
    body: bodyState(body.blocks),
    ...(urn !== '' ? { identity: { provider: provider.toLowerCase(), id: urn, version } } : {}),
    flags: [...(body.blocks.length === 0 ? ['no-body'] : []), ...(body.capped ? ['deep-nesting'] : [])],
    zoneAssumed: dates.zoneAssumed || (embargo?.zoneAssumed ?? false),
  };
}

/** `medtop:20000768` → {scheme medtop, code 20000768}; the name is the label. */
function subjectsOf(categories: readonly JsonObject[]): Subject[] {
  const out: Subject[] = [];
  for (const c of categories) {
    if (!SUBJECT_TYPES.has(str(c.type))) continue;
    const qcode = str(c.qcode);
    const cut = qcode.indexOf(':');
    const s = { scheme: cut > 0 ? qcode.slice(0, cut) : '', code: cut > 0 ? qcode.slice(cut + 1) : qcode, label: str(c.name) };
    if ((s.code !== '' || s.label !== '') && !out.some((o) => o.scheme === s.scheme && o.code === s.code && o.label === s.label)) out.push(s);
  }
  return out;
}
