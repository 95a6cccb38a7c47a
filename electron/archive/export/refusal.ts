// The one rule for what may not leave the archive, used by every export path
// (copydesk export, the app's Export…, Copy HTML and batch export):
// - a killed article (status killed, or a provider kill: pubStatus canceled),
//   never;
// - a withheld article, not until the desk or the provider releases it;
// - an embargoed article, not before its embargo instant, unless the user says
//   so (`--ignore-embargo`, or the confirmation in the app's export dialog).
// `now` comes from the archive's clock, so tests move time with a fake one.
import type { Article } from '../../../shared/model/article.ts';

export const REFUSAL_CODES = ['killed', 'withheld', 'embargoed'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface ExportRefusal {
  code: RefusalCode;
  /** What the article is, for the user; reads after "it is" (`embargoed until … (…Z)`). */
  reason: string;
  /** The embargo as the file gave it, for `embargoed`; null otherwise. */
  embargoedUntil: string | null;
}

export interface RefusalOptions {
  /** The user confirmed exporting before the embargo lifts. Never lifts a kill or a withhold. */
  ignoreEmbargo?: boolean;
}

type Checked = Pick<Article, 'status' | 'pubStatus' | 'embargoedUntil'>;

export function exportRefusal(article: Checked, now: Date, options: RefusalOptions = {}): ExportRefusal | null {
  if (article.status === 'killed' || article.pubStatus === 'canceled')
    return { code: 'killed', reason: 'killed (a killed article stays in the archive but is never exported)', embargoedUntil: null };
  if (article.status === 'withheld')
    return { code: 'withheld', reason: 'withheld (it can be exported once the provider or the desk releases it)', embargoedUntil: null };
  if (article.embargoedUntil !== null && !options.ignoreEmbargo) {
    const until = Date.parse(article.embargoedUntil);
    if (!Number.isFinite(until))
      return { code: 'embargoed', reason: `under an embargo whose time cannot be read ("${article.embargoedUntil}")`, embargoedUntil: article.embargoedUntil };
    if (now.getTime() < until)
      return {
        code: 'embargoed',
        reason: `embargoed until ${article.embargoedUntil} (${new Date(until).toISOString().replace('.000Z', 'Z')})`,
        embargoedUntil: article.embargoedUntil,
      };
  }
  return null;
}

/** True while the embargo holds at `now` (false when there is none or it has lifted). */
export function underEmbargo(embargoedUntil: string | null, now: Date): boolean {
  if (embargoedUntil === null) return false;
  const until = Date.parse(embargoedUntil);
  return !Number.isFinite(until) || now.getTime() < until;
}
