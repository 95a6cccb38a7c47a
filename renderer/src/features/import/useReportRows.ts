// The import report's rows, a page at a time from main (import.reportRows):
// a 100k-file report is ~20 MB, so the window holds only the few pages around
// what the table shows and drops the rest. One instance per job and filter
// (the table is keyed by both), so a new filter starts from nothing.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ImportFileValue, ImportOutcomeValue } from '../../../../shared/contract/import.ts';
import { api } from '../../api/client.ts';

/** Rows per request: the size of the first page the finished event carries. */
export const PAGE_ROWS = 200;
/** Pages kept at most; those farthest from the view go first. */
const KEEP_PAGES = 4;

export interface ReportRows {
  /** The row at `index`, or undefined while its page loads. */
  row(index: number): ImportFileValue | undefined;
  total: number;
  /** Load what rows first..last need (the rows the table shows). */
  want(first: number, last: number): void;
  error: string | null;
  /** Pages held now (for tests and the fault suite: it must stay small). */
  held(): number;
}

export function useReportRows(jobId: number, outcome: ImportOutcomeValue | undefined, initialTotal: number, firstPage: readonly ImportFileValue[] | null): ReportRows {
  const pages = useRef(new Map<number, readonly ImportFileValue[]>(firstPage ? [[0, firstPage]] : []));
  const pending = useRef(new Set<number>());
  const view = useRef({ from: 0, to: 0 });
  const alive = useRef(true);
  const [total, setTotal] = useState(initialTotal);
  const [error, setError] = useState<string | null>(null);
  const [, loaded] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const evict = useCallback(() => {
    const { from, to } = view.current;
    const distance = (p: number) => (p < from ? from - p : p > to ? p - to : 0);
    while (pages.current.size > Math.max(KEEP_PAGES, to - from + 1)) {
      const farthest = [...pages.current.keys()].reduce((a, b) => (distance(b) > distance(a) ? b : a));
      pages.current.delete(farthest);
    }
  }, []);

  const want = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / PAGE_ROWS);
      const to = Math.floor(Math.max(0, last) / PAGE_ROWS);
      view.current = { from, to };
      evict();
      for (let p = from; p <= to; p++) {
        if (pages.current.has(p) || pending.current.has(p)) continue;
        pending.current.add(p);
        void api.import.reportRows({ jobId, offset: p * PAGE_ROWS, limit: PAGE_ROWS, ...(outcome ? { outcome } : {}) }).then((answer) => {
          pending.current.delete(p);
          if (!alive.current) return;
          if (!answer.ok) {
            setError(answer.error.message);
            return;
          }
          pages.current.set(p, answer.value.rows);
          evict();
          setError(null);
          setTotal(answer.value.total);
          loaded();
        });
      }
    },
    [jobId, outcome, evict],
  );

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS], []);
  const held = useCallback(() => pages.current.size, []);
  return { row, total, want, error, held };
}
