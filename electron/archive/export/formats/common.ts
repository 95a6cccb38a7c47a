// Helpers the interchange formats share: dates in the forms each standard
// wants, the identity of an article exported without history, and the
// metadata fields with their defaults.
import { hasText, isoDateTime } from '../../../../shared/export/escape.ts';
import type { ExportArticle, ExportIdentity } from '../../../../shared/export/types.ts';
import { emptyNewsroomFields, type NewsroomFields } from '../../../../shared/model/newsroom.ts';
import { articleGuid, DEFAULT_PROVIDER, signalsFor } from '../identity.ts';

/** An identity for a render with no archive at hand (a preview): the article's guid, version 1. */
export function firstIdentity(article: ExportArticle, now = new Date().toISOString()): ExportIdentity {
  return { guid: articleGuid(article.id), version: 1, signals: signalsFor(article.signals ?? [], 1), provider: DEFAULT_PROVIDER, exportedAt: now };
}

/** The article's newsroom metadata with every absent field at its empty value. */
export function newsroom(article: ExportArticle): NewsroomFields {
  const out = emptyNewsroomFields();
  for (const key of Object.keys(out) as Array<keyof NewsroomFields>) {
    const value = article[key];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** An ISO 8601 date-time with a zone, or null (G2 and ninjs want full date-times). */
export function dateTime(value: string | null | undefined): string | null {
  const iso = isoDateTime(value);
  if (!iso || !/T\d{2}:\d{2}/u.test(iso)) return iso && /^\d{4}-\d{2}-\d{2}$/u.test(iso) ? `${iso}T00:00:00Z` : null;
  return /(?:Z|[+-]\d{2}:\d{2})$/u.test(iso) ? iso : `${iso}Z`;
}

/** NITF's `norm` form: ISO 8601 basic, `YYYYMMDDTHHMMSS±HHMM`. */
export function nitfNorm(value: string | null | undefined): string | null {
  const iso = dateTime(value);
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/u.exec(iso);
  if (!m) return null;
  const zone = m[7] === 'Z' ? '+0000' : (m[7] as string).replace(':', '');
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6] ?? '00'}${zone}`;
}

export function text(value: string | null | undefined): string | null {
  return hasText(value) ? value : null;
}

/** A G2 / ninjs pubStatus from the article's workflow status and the provider's own. */
export function pubStatusOf(article: ExportArticle): 'usable' | 'withheld' | 'canceled' {
  if (article.status === 'killed' || article.pubStatus === 'canceled') return 'canceled';
  if (article.status === 'withheld' || article.pubStatus === 'withheld') return 'withheld';
  return 'usable';
}
