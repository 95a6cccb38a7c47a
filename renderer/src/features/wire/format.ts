// Times of wire metadata for display: in the viewer's own zone (where the desk
// is), with the instant itself beside it so nobody has to convert a zone to
// know when an embargo lifts.
export function instantText(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().replace(/:\d{2}\.\d{3}Z$/u, 'Z') : iso;
}

export function localText(iso: string, locale?: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(
    new Date(t),
  );
}

/** True while the embargo holds at `now` (an unreadable time counts as holding: never assume it lifted). */
export function embargoHolds(iso: string | null, now: number): boolean {
  if (iso === null) return false;
  const t = Date.parse(iso);
  return !Number.isFinite(t) || now < t;
}
