// Embargo times as a desk types them: a wall time in a zone the editor picks
// (the viewer's own, UTC, a fixed UTC offset, or any IANA zone the platform
// knows), turned into the one UTC instant the archive stores — and back, to
// show a stored instant in the chosen zone. Intl does the zone arithmetic, so
// daylight-saving rules come from the platform's tz data, not from us.

/** A fixed offset as the picker offers it: `+09:00`, `-05:30`. */
const OFFSET = /^([+-])(\d{2}):(\d{2})$/u;

export function isZoneName(zone: string): boolean {
  if (zone === 'UTC' || OFFSET.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC of `zone` at the instant `at` (ms). */
export function zoneOffsetMinutes(zone: string, at: number): number {
  if (zone === 'UTC') return 0;
  const fixed = OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The stored instant as `YYYY-MM-DDTHH:mm` in `zone` (what a datetime-local input holds); '' when unreadable. */
export function wallTimeIn(iso: string, zone: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  return new Date(t + zoneOffsetMinutes(zone, t) * 60_000).toISOString().slice(0, 16);
}

/**
 * The UTC instant (`YYYY-MM-DDTHH:mm:ssZ`) of a wall time `YYYY-MM-DDTHH:mm` in `zone`; null when the text is
 * not a complete date-time. A wall time skipped by a daylight-saving jump lands just after the jump.
 */
export function instantFromWall(wall: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u.test(wall)) return null;
  const asUtc = Date.parse(`${wall}:00Z`);
  if (!Number.isFinite(asUtc)) return null;
  // The offset at the guessed instant, then once more at the corrected one (they differ only across a DST change).
  const first = asUtc - zoneOffsetMinutes(zone, asUtc) * 60_000;
  let t = asUtc - zoneOffsetMinutes(zone, first) * 60_000;
  // A wall time inside a spring-forward gap does not exist: take it with the offset from before the jump (after it, on the clock).
  if (new Date(t + zoneOffsetMinutes(zone, t) * 60_000).toISOString().slice(0, 16) !== wall) t = first;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** `+09:00` for 540 minutes. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The viewer's own zone (IANA name when the platform knows it). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface ZoneChoice {
  value: string;
  label: string;
}

const OFFSETS = [-720, -660, -600, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 540, 570, 600, 660, 720, 765, 780, 840];

/** The viewer's zone first, then UTC, the fixed offsets, and every IANA zone the platform lists. */
export function zoneChoices(local: string = localZone()): ZoneChoice[] {
  const named = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [
    { value: local, label: `${local} (this computer)` },
    { value: 'UTC', label: 'UTC' },
    ...OFFSETS.map((m) => ({ value: offsetText(m), label: `UTC${offsetText(m)}` })),
    ...named.filter((z) => z !== local && z !== 'UTC').map((z) => ({ value: z, label: z })),
  ];
}
