// Date filters: posted:2019, posted:2019-01, posted:2019-01-09, and ranges
// A..B (either side may be left open). Bounds are local date strings: `from`
// inclusive, `until` exclusive (the start of the period after B).

export interface DateRange {
  from: string | null;
  until: string | null;
}

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

export function parseDateRange(value: string): DateRange | null {
  const parts = value.split('..');
  if (parts.length > 2) return null;
  if (parts.length === 1) {
    const d = parseDate(value);
    return d ? { from: d.start, until: d.next } : null;
  }
  const [a, b] = parts as [string, string];
  const from = a === '' ? null : parseDate(a);
  const until = b === '' ? null : parseDate(b);
  if ((a !== '' && !from) || (b !== '' && !until) || (!from && !until)) return null;
  const range = { from: from?.start ?? null, until: until?.next ?? null };
  if (range.from && range.until && range.from >= range.until) return null;
  return range;
}

function parseDate(text: string): { start: string; next: string } | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: pad4(year), next: pad4(year + 1) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) {
    const next = month === 12 ? `${pad4(year + 1)}-01` : `${pad4(year)}-${pad2(month + 1)}`;
    return { start: `${pad4(year)}-${pad2(month)}`, next };
  }
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const following = new Date(Date.UTC(year, month - 1, day + 1));
  return { start: isoDate(date), next: isoDate(following) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');
const isoDate = (d: Date) => `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
