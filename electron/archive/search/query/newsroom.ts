// Filters on the newsroom metadata wire items carry (shared/model/newsroom.ts):
//   slug:BC-US-Economy   slug:BC-US*        the wire slugline (case-insensitive; * = prefix)
//   urgency:2  urgency:<=3  urgency:1..3     urgency 1 (flash) … 9
//   provider:dpa                             the agency (its name or the identity's provider)
//   subject:medtop:20000106  subject:crime   a coded subject by scheme:code, code, or label
//   embargo:2026-03  embargo:..2026-03-01    the embargo instant, as a date or range (like posted:)
// Each returns SQL over `articles a`, or null with a notice when the value cannot be read.
import { type DateRange, parseDateRange } from './dates.ts';

export const NEWSROOM_FILTER_FIELDS = ['slug', 'urgency', 'provider', 'subject', 'embargo'] as const;
export type NewsroomFilterField = (typeof NEWSROOM_FILTER_FIELDS)[number];

export const NEWSROOM_ALIASES: Readonly<Record<string, NewsroomFilterField>> = {
  slug: 'slug',
  slugline: 'slug',
  urgency: 'urgency',
  provider: 'provider',
  agency: 'provider',
  subject: 'subject',
  subjects: 'subject',
  embargo: 'embargo',
  embargoed: 'embargo',
};

interface Filter {
  sql: string;
  params: Array<string | number>;
}

export function newsroomFilterSql(field: NewsroomFilterField, value: string, notices: string[]): Filter | null {
  switch (field) {
    case 'slug':
      return slugSql(value);
    case 'urgency': {
      const range = parseUrgency(value);
      if (!range) {
        notices.push(`"${value}" is not an urgency (1 is the most urgent, 9 the least; try urgency:2, urgency:<=3 or urgency:1..3); the filter matched nothing.`);
        return null;
      }
      return { sql: 'a.urgency BETWEEN ? AND ?', params: [range.min, range.max] };
    }
    case 'provider':
      return { sql: '(a.provider = ? COLLATE NOCASE OR a.item_provider = ?)', params: [value, value.toLowerCase()] };
    case 'subject':
      return subjectSql(value);
    case 'embargo': {
      const range = parseDateRange(value);
      if (!range) {
        notices.push(`"${value}" is not a date or range (try embargo:2026, embargo:2026-03 or embargo:2026-03-01..2026-03-31); the filter matched nothing.`);
        return null;
      }
      return dateRangeSql('a.embargoed_until', range);
    }
  }
}

/** `2`, `<3`, `<=3`, `>5`, `>=5`, `1..3`, `..3`, `5..` → an inclusive range within 1..9; null when unreadable or empty. */
export function parseUrgency(value: string): { min: number; max: number } | null {
  const v = value.trim();
  const num = (s: string) => (/^\d$/u.test(s) && Number(s) >= 1 ? Number(s) : null);
  let min = 1;
  let max = 9;
  const cmp = /^(<=|>=|<|>|=)(\d+)$/u.exec(v);
  if (cmp) {
    const n = num(cmp[2] as string);
    if (n === null) return null;
    if (cmp[1] === '<') max = n - 1;
    else if (cmp[1] === '<=') max = n;
    else if (cmp[1] === '>') min = n + 1;
    else if (cmp[1] === '>=') min = n;
    else min = max = n;
  } else if (v.includes('..')) {
    const [a = '', b = '', ...rest] = v.split('..');
    if (rest.length > 0 || (a === '' && b === '')) return null;
    if (a !== '') {
      const n = num(a);
      if (n === null) return null;
      min = n;
    }
    if (b !== '') {
      const n = num(b);
      if (n === null) return null;
      max = n;
    }
  } else {
    const n = num(v);
    if (n === null) return null;
    min = max = n;
  }
  return min <= max ? { min, max } : null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/gu, (c) => `\\${c}`);

function slugSql(value: string): Filter {
  if (value.endsWith('*') && value.length > 1) return { sql: "a.slugline LIKE ? ESCAPE '\\'", params: [`${likeEscape(value.replace(/\*+$/u, ''))}%`] };
  return { sql: 'a.slugline = ? COLLATE NOCASE', params: [value] };
}

/** The names IPTC's own schemes go by: the alias a G2 file declares, or the scheme URI a ninjs file writes. */
const SCHEME_ALIASES: Readonly<Record<string, readonly string[]>> = {
  medtop: ['medtop', 'http://cv.iptc.org/newscodes/mediatopic/', 'http://cv.iptc.org/newscodes/mediatopic'],
  subj: ['subj', 'http://cv.iptc.org/newscodes/subjectcode/', 'http://cv.iptc.org/newscodes/subjectcode'],
};

function subjectSql(value: string): Filter {
  const code = "json_extract(j.value, '$.code')";
  const label = "json_extract(j.value, '$.label')";
  const scheme = "json_extract(j.value, '$.scheme')";
  const conditions: string[] = [];
  const params: Array<string | number> = [];
  if (value.endsWith('*') && value.length > 1) {
    const prefix = `${likeEscape(value.replace(/\*+$/u, ''))}%`;
    conditions.push(`${label} LIKE ? ESCAPE '\\'`, `${code} LIKE ? ESCAPE '\\'`);
    params.push(prefix, prefix);
  } else {
    conditions.push(`${label} = ? COLLATE NOCASE`, `${code} = ?`);
    params.push(value, value);
    const qcode = /^(.+):([^:]+)$/u.exec(value);
    if (qcode) {
      const names = SCHEME_ALIASES[(qcode[1] as string).toLowerCase()] ?? [qcode[1] as string];
      conditions.push(`(${code} = ? AND ${scheme} COLLATE NOCASE IN (${names.map(() => '?').join(', ')}))`);
      params.push(qcode[2] as string, ...names);
    }
  }
  return { sql: `EXISTS (SELECT 1 FROM json_each(a.subjects) j WHERE ${conditions.join(' OR ')})`, params };
}

// Like posted:, the instant compares as the calendar date the file wrote it in.
function dateRangeSql(column: string, range: DateRange): Filter {
  const conditions: string[] = [];
  const params: string[] = [];
  if (range.from) {
    conditions.push(`${column} >= ?`);
    params.push(range.from);
  }
  if (range.until) {
    conditions.push(`${column} < ?`);
    params.push(range.until);
  }
  if (conditions.length === 0) conditions.push(`${column} IS NOT NULL`);
  return { sql: conditions.join(' AND '), params };
}
