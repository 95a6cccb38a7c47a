// The rules for items that carry an identity (a G2 guid, a ninjs uri, an ANPA
// keyword…): how an arriving version compares with what the archive holds,
// what status the provider's notice gives the article, what the new revision
// is called, and when an item says nothing new. Pure functions: store code
// (storeItem.ts) applies them, tests pin them as tables.
import type { ArticleFields, ArticleStatus } from '../../../shared/model/article.ts';
import { canonicalJson } from '../db/hash.ts';

/**
 * How an arriving version relates to the version the article's head holds.
 * A version that is not stated counts as the newest (arrival order decides);
 * two unstated versions are the "same" version, so an identical re-send is a
 * duplicate and a changed one replaces the head.
 */
export type VersionOrder = 'newer' | 'same' | 'older';

export function compareVersions(incoming: number | null, head: number | null): VersionOrder {
  if (incoming === null || head === null) return incoming === head ? 'same' : 'newer';
  return incoming > head ? 'newer' : incoming === head ? 'same' : 'older';
}

/** What the provider says about using the item: a kill, a withhold, or nothing against it. */
export type ProviderNotice = 'killed' | 'withheld' | null;

export function providerNotice(fields: Partial<ArticleFields>): ProviderNotice {
  const signals = fields.signals ?? [];
  if (fields.pubStatus === 'canceled' || signals.includes('kill')) return 'killed';
  if (fields.pubStatus === 'withheld' || signals.includes('withhold')) return 'withheld';
  return null;
}

/**
 * The head's status after a newer version: a kill is final; a kill or withhold
 * notice sets its status; a version without one releases a withhold back to the
 * status the article had before it (`beforeHold`); otherwise the desk's status stays.
 */
export function statusAfter(current: ArticleStatus, notice: ProviderNotice, beforeHold: () => ArticleStatus): ArticleStatus {
  if (current === 'killed') return 'killed';
  if (notice !== null) return notice;
  if (current === 'withheld') return beforeHold();
  return current;
}

/** Signals that name a revision, strongest first; numbered ones carry the item's version (`Writethru 2`). */
const SIGNAL_LABELS: ReadonlyArray<readonly [signal: string, label: string, numbered: boolean]> = [
  ['kill', 'Kill', false],
  ['withhold', 'Withhold', false],
  ['correction', 'Correction', false],
  ['writethru', 'Writethru', true],
  ['update', 'Update', true],
  ['advisory', 'Advisory', false],
];

/** The signal's name for this version (`Writethru 2`, `Correction`, `Kill`), or `Version N`; null when neither is known. */
export function versionLabel(fields: Partial<ArticleFields>, version: number | null): string | null {
  const signals = fields.signals ?? [];
  for (const [signal, label, numbered] of SIGNAL_LABELS) if (signals.includes(signal)) return numbered && version !== null ? `${label} ${version}` : label;
  if (fields.pubStatus === 'canceled') return 'Kill';
  if (fields.pubStatus === 'withheld') return 'Withhold';
  return version === null ? null : `Version ${version}`;
}

export type Arrival = 'first' | 'newer' | 'resent' | 'older';

/** The name of the import revision an arriving version makes (history and `copydesk history` show it). */
export function revisionName(arrival: Arrival, fields: Partial<ArticleFields>, version: number | null, headVersion: number | null): string | null {
  const label = versionLabel(fields, version);
  switch (arrival) {
    case 'first':
      // A plain first version needs no name; a story first seen as its 3rd writethru, or as a kill, does.
      return label !== null && (version === null || version > 1 || label !== `Version ${version}`) ? label : null;
    case 'newer':
      return label ?? 'New version';
    case 'resent':
      return `${label ?? 'Version'} (re-sent with changes)`;
    case 'older':
      return `${label ?? 'Older version'} (arrived after version ${headVersion ?? '?'}; kept in history)`;
  }
}

/**
 * True when every field the parser gave equals the article's: a re-send that
 * changes only the urgency, an embargo or a subject is an update. The headline
 * is left to the content hash (whitespace-insensitive, case-sensitive), the slug
 * is derived and the status is decided by the rules above.
 */
export function sameFields(current: ArticleFields, given: Partial<ArticleFields>): boolean {
  for (const [name, value] of Object.entries(given) as Array<[keyof ArticleFields, unknown]>) {
    if (value === undefined || name === 'headline' || name === 'slug' || name === 'status') continue;
    if (!sameValue(current[name], value)) return false;
  }
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The fields a later version writes: what the parser gave, without the slug
 * (the desk's, or derived once) and without an empty headline (a notice that
 * says nothing must not blank the story).
 */
export function fieldsToWrite(given: Partial<ArticleFields>): Partial<ArticleFields> {
  const { slug: _slug, ...fields } = given;
  if (fields.headline === '') delete fields.headline;
  return fields;
}
