// Time zones for source times that name none. A zone is an IANA name (its
// offset depends on the date: daylight saving, historical changes) or a fixed
// ±HH:MM offset. Intl does the IANA arithmetic, so no tz database ships here.
import { ArchiveError } from '../errors.ts';

export interface Zone {
  /** What the user gave (or the machine's zone name): recorded as source.timezoneAssumed. */
  name: string;
  /** Minutes east of UTC at the given instant. */
  offsetAt(utcMs: number): number;
}

const FIXED = /^([+-])(\d{2}):?(\d{2})$/;

/** The machine's zone: TZ, else what Intl reports, else UTC. */
export function machineZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Parse `Asia/Seoul`, `UTC`, `+09:00`, `-0530`; unknown names raise `invalid-input`. */
export function resolveZone(spec?: string | null): Zone {
  const name = spec?.trim() || machineZoneName();
  const fixed = FIXED.exec(name);
  if (fixed) {
    const minutes = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
    if (Math.abs(minutes) > 14 * 60) throw new ArchiveError('invalid-input', `Time zone offset ${name} is out of range.`);
    return { name, offsetAt: () => minutes };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new ArchiveError('invalid-input', `Unknown time zone "${name}": use an IANA name such as Asia/Seoul, or an offset such as +09:00.`);
  }
  return { name, offsetAt: (utcMs) => intlOffset(format, utcMs) };
}

function intlOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The offset (minutes) a wall-clock time has in a zone; DST gaps resolve forward like most libraries. */
export function offsetForWallTime(wall: WallTime, zone: Zone): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Two passes: the first guess can sit on the other side of a DST change.
  let offset = zone.offsetAt(naive);
  offset = zone.offsetAt(naive - offset * 60000);
  return offset;
}

/** `2019-01-09T07:31:00+09:00`: ISO 8601 with the offset, never `Z`, so the source's local time stays readable. */
// A module function, not a closure per call: the source runner (tsx) names every closure it creates.
function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatIso(wall: WallTime, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
