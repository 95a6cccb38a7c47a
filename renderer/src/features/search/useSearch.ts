// Search-as-you-type over a virtual list: the query is sent 150 ms after the
// last keystroke; every answer carries the generation it was asked for, and an
// answer for an older generation is dropped, so a slow early query can never
// overwrite a newer one. Further pages load on demand as rows scroll into view.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchSort } from '../../../../shared/model/search.ts';
import type { ErrorValue } from '../../../../shared/result.ts';
import { api } from '../../api/client.ts';

export const PAGE_SIZE = 100;
export const DEBOUNCE_MS = 150;

export interface SearchState {
  /** Generation of the query this state answers. */
  generation: number;
  loading: boolean;
  total: number;
  notices: string[];
  error: ErrorValue | null;
  pages: ReadonlyMap<number, SearchHit[]>;
  tookMs: number | null;
}

const initial: SearchState = { generation: 0, loading: true, total: 0, notices: [], error: null, pages: new Map(), tookMs: null };

export function useSearch(query: string, sort: SearchSort, refreshKey: number) {
  const [state, setState] = useState<SearchState>(initial);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const params = useRef({ query, sort });
  /** The generation whose first page has landed; more pages are fetched only for it. */
  const landed = useRef(0);

  useEffect(() => {
    const gen = ++generation.current;
    params.current = { query, sort };
    requested.current = new Set([0]);
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const started = performance.now();
      void api.archive.search({ query, sort, limit: PAGE_SIZE, offset: 0 }).then((result) => {
        if (gen !== generation.current) return; // stale: a newer query is on its way
        if (!result.ok && result.error.code === 'superseded') return; // replaced in the queue by a newer search
        const tookMs = Math.round(performance.now() - started);
        landed.current = gen;
        if (!result.ok) {
          setState({ generation: gen, loading: false, total: 0, notices: [], error: result.error, pages: new Map(), tookMs });
          return;
        }
        const { total, hits, notices } = result.value;
        setState({ generation: gen, loading: false, total, notices, error: null, pages: new Map([[0, hits]]), tookMs });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, sort, refreshKey]);

  /** Ask for the pages covering rows [start, end]; already requested pages are skipped. */
  const ensureRows = useCallback((start: number, end: number) => {
    const gen = generation.current;
    if (landed.current !== gen) return;
    for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      const { query: q, sort: s } = params.current;
      void api.archive.search({ query: q, sort: s, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then((result) => {
        if (gen !== generation.current) return;
        if (!result.ok) {
          requested.current.delete(page);
          return;
        }
        setState((current) => {
          if (current.generation !== gen) return current;
          const pages = new Map(current.pages);
          pages.set(page, result.value.hits);
          return { ...current, pages };
        });
      });
    }
  }, []);

  const hitAt = useCallback((index: number): SearchHit | null => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null, [state.pages]);

  return { state, ensureRows, hitAt };
}
