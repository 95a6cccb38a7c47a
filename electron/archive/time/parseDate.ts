// Read a date written the way papers print it (see dateForms.ts) and turn it
// into ISO 8601 with an offset: the source's own zone when it names one, else
// the zone the user chose for this import (which is then recorded).
import { DATE_FORMS, MONTHS, ZONE_ABBREVIATIONS } from './dateForms.ts';
import { formatIso, offsetForWallTime, type WallTime, type Zone } from './zone.ts';

export interface ParsedDate extends WallTime {
  /** Minutes east of UTC when the text named a zone; null when it did not. */
  offsetMinutes: number | null;
  form: string;
}

export function parseDateText(text: string): ParsedDate | null {
  for (const form of DATE_FORMS) {
    const match = form.pattern.exec(text);
    const g = match?.groups;
    if (!g) continue;
    const month = monthNumber(g.month ?? '');
    const year = Number(g.year);
    const day = Number(g.day);
    if (month === null || !validDay(year, month, day)) continue;
    let hour = g.hour === undefined ? 0 : Number(g.hour);
    const minute = g.minute === undefined ? 0 : Number(g.minute);
    const second = g.second === undefined ? 0 : Number(g.second);
    const pm = /^p/i.test(g.meridiem ?? '') || g.meridiemKo === '오후';
    const am = /^a/i.test(g.meridiem ?? '') || g.meridiemKo === '오전';
    if (pm && hour < 12) hour += 12;
    if (am && hour === 12) hour = 0;
    if (hour > 23 || minute > 59 || second > 60) continue;
    return { year, month, day, hour, minute, second: Math.min(second, 59), offsetMinutes: zoneOffset(g.zone), form: form.name };
  }
  return null;
}

export interface ResolvedDate {
  iso: string;
  /** True when the text named no zone and `zone` was assumed. */
  zoneAssumed: boolean;
}

export function resolveDate(text: string | null | undefined, zone: Zone): ResolvedDate | null {
  if (!text) return null;
  const parsed = parseDateText(text);
  if (!parsed) return null;
  if (parsed.offsetMinutes !== null) return { iso: formatIso(parsed, parsed.offsetMinutes), zoneAssumed: false };
  return { iso: formatIso(parsed, offsetForWallTime(parsed, zone)), zoneAssumed: true };
}

function monthNumber(raw: string): number | null {
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    return n >= 1 && n <= 12 ? n : null;
  }
  return MONTHS[raw.toLowerCase()] ?? null;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffset(raw: string | undefined): number | null {
  if (!raw) return null;
  const abbr = ZONE_ABBREVIATIONS[raw.toUpperCase()];
  if (abbr !== undefined) return abbr;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
