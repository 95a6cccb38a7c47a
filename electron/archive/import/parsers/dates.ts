// Helpers parsers share for dates: resolve a posted/updated pair against the
// import's zone and remember whether the zone had to be assumed.
import type { ArticleFields } from '../../../../shared/model/article.ts';
import { resolveDate } from '../../time/parseDate.ts';
import type { Zone } from '../../time/zone.ts';

export interface DatePair {
  fields: Pick<Partial<ArticleFields>, 'postedAt' | 'updatedAt'>;
  zoneAssumed: boolean;
}

export function resolveDates(zone: Zone, posted: string | null | undefined, updated: string | null | undefined): DatePair {
  const p = resolveDate(posted, zone);
  const u = resolveDate(updated, zone);
  const fields: DatePair['fields'] = {};
  if (p) fields.postedAt = p.iso;
  if (u) fields.updatedAt = u.iso;
  return { fields, zoneAssumed: (p?.zoneAssumed ?? false) || (u?.zoneAssumed ?? false) };
}

/** Guess a language tag from the script of the text; '' when it is not clear (Latin text is left to metadata). */
export function guessLanguage(text: string): string {
  const n = Math.min(text.length, 600);
  let hangul = 0;
  let kana = 0;
  let han = 0;
  let letters = 0;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) letters += 1;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) hangul += 1;
    else if (c >= 0x3040 && c <= 0x30ff) kana += 1;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han += 1;
  }
  const total = letters + hangul + kana + han;
  if (total === 0) return '';
  if (hangul / total > 0.3) return 'ko';
  if (kana / total > 0.1) return 'ja';
  if (han / total > 0.3) return 'zh';
  return '';
}
