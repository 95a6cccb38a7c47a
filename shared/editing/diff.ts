// The shape of a field-by-field comparison of two revisions. Computed in the
// core (word-level), rendered by the history panel inline or side by side.
import type { FieldName } from '../model/article.ts';
import { type Author, authorText, type Located, locatedText, NEWSROOM_FIELD_NAMES, type Subject, subjectText } from '../model/newsroom.ts';

export type DiffFieldName = FieldName | 'body';

/** Fields compared, in the order the history panel shows them. */
export const DIFF_FIELDS: readonly DiffFieldName[] = [
  'headline',
  'dek',
  'byline',
  'dateline',
  'section',
  'tags',
  'slug',
  'status',
  'targetLength',
  'language',
  'postedAt',
  'updatedAt',
  ...NEWSROOM_FIELD_NAMES,
  'body',
];

/** A field's value as the text the diff compares and the history panel shows (lists joined with ", "). */
export function fieldValueText(field: FieldName, value: unknown): string {
  if (value == null) return '';
  if (field === 'subjects') return (value as Subject[]).map(subjectText).join(', ');
  if (field === 'authors') return (value as Author[]).map(authorText).join(', ');
  if (field === 'located') return locatedText(value as Located);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A run of text that is common to both sides, only in the old one, or only in the new one. */
export interface DiffPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export interface FieldDiff {
  field: DiffFieldName;
  changed: boolean;
  /** The field as text on each side (tags joined with ", ", body as plain text). */
  before: string;
  after: string;
  parts: DiffPart[];
  /** Words added and removed in this field. */
  added: number;
  removed: number;
}

/** `current` names the working copy (the article as autosaved), not a revision. */
export type RevisionRef = number | 'current';

export interface RevisionDiff {
  articleId: string;
  from: RevisionRef;
  to: RevisionRef;
  fields: FieldDiff[];
  /** True when the diff gave up on word granularity for a huge change and shows whole replacements. */
  coarse: boolean;
}

/** Split parts into the two columns of a side-by-side view. */
export function sideBySide(parts: readonly DiffPart[]): { left: DiffPart[]; right: DiffPart[] } {
  return {
    left: parts.filter((p) => p.op !== 'added'),
    right: parts.filter((p) => p.op !== 'removed'),
  };
}
