// Filter chips read and write the query text itself (`section:World`,
// `status:ready`, `tag:"climate change"`, `posted:2019-01-01..2019-03-31`),
// so the box always shows exactly what is searched and a typed filter shows as a chip.
export const CHIP_FIELDS = ['section', 'status', 'tag', 'posted', 'updated', 'provider', 'urgency', 'slug', 'subject', 'embargo'] as const;
export type ChipField = (typeof CHIP_FIELDS)[number];

export interface Chip {
  field: ChipField;
  value: string;
  /** The exact text of the term in the query, for removal. */
  raw: string;
}

const ALIASES: Readonly<Record<string, ChipField>> = {
  section: 'section',
  status: 'status',
  tag: 'tag',
  tags: 'tag',
  posted: 'posted',
  date: 'posted',
  updated: 'updated',
  // Newsroom metadata (the core's search/query/newsroom.ts).
  provider: 'provider',
  agency: 'provider',
  urgency: 'urgency',
  slug: 'slug',
  slugline: 'slug',
  subject: 'subject',
  subjects: 'subject',
  embargo: 'embargo',
  embargoed: 'embargo',
};
// field:value or field:"quoted value", at the start or after whitespace, not negated.
const TERM = /(^|\s)([A-Za-z]+):("([^"]*)"?|[^\s()"]+)/g;

export function readChips(query: string): Chip[] {
  const chips: Chip[] = [];
  for (const m of query.matchAll(TERM)) {
    const field = ALIASES[(m[2] ?? '').toLowerCase()];
    if (!field) continue;
    const value = m[4] ?? m[3] ?? '';
    chips.push({ field, value, raw: `${m[2]}:${m[3]}` });
  }
  return chips;
}

export function formatTerm(field: ChipField, value: string): string {
  return /[\s()"]/.test(value) || value === '' ? `${field}:"${value.replace(/"/g, '')}"` : `${field}:${value}`;
}

/** Replace every term of `field` with one for `value` (or remove them when value is null). */
export function setChip(query: string, field: ChipField, value: string | null): string {
  let text = query;
  for (const chip of readChips(query)) if (chip.field === field) text = removeTerm(text, chip.raw);
  text = text.trim();
  if (value === null || value === '') return text;
  return text === '' ? formatTerm(field, value) : `${text} ${formatTerm(field, value)}`;
}

export function removeChip(query: string, chip: Chip): string {
  return removeTerm(query, chip.raw).trim();
}

function removeTerm(query: string, raw: string): string {
  const at = query.indexOf(raw);
  if (at === -1) return query;
  return `${query.slice(0, at)}${query.slice(at + raw.length)}`.replace(/\s{2,}/g, ' ');
}

/** A date range term value from two optional yyyy-mm-dd inputs; null when both are empty. */
export function rangeValue(from: string, until: string): string | null {
  if (from === '' && until === '') return null;
  if (from !== '' && until !== '' && from === until) return from;
  return `${from}..${until}`;
}

export function splitRange(value: string): { from: string; until: string } {
  const [from = '', until = ''] = value.includes('..') ? value.split('..') : [value, value];
  return { from, until };
}
