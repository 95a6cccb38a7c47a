// Whether an embargo still holds, re-evaluated when it lifts while the view is open.
import { useEffect, useState } from 'react';
import { embargoHolds } from './format.ts';

/** setTimeout's longest wait; a later embargo is checked again after this long. */
const MAX_WAIT = 2_147_000_000;

export function useEmbargoHolds(until: string | null): boolean {
  const [now, setNow] = useState(() => Date.now());
  const holds = embargoHolds(until, now);
  useEffect(() => {
    if (!holds || until === null) return;
    const t = Date.parse(until);
    if (!Number.isFinite(t)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_WAIT, Math.max(0, t - Date.now()) + 50));
    return () => clearTimeout(timer);
  }, [holds, until, now]);
  return holds;
}
