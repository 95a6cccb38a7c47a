// The results as a virtual list: only the rows on screen exist in the DOM, so
// 100k results scroll like 10. Rows not fetched yet show a placeholder and ask
// for their page.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect } from 'react';
import type { SearchHit } from '../../../../shared/model/search.ts';
import { shortDate } from './format.ts';
import { HistoryRowNote } from './HistoryMatches.tsx';
import { isHistoryHit } from './historyMatches.ts';
import { Snippet } from './Snippet.tsx';
import { ResultBadges } from '../wire/ResultBadges.tsx';

export const ROW_HEIGHT = 84;

export interface ResultsListProps {
  total: number;
  generation: number;
  /** Changes when the query or order changes: the list goes back to the top. */
  resetKey: string;
  selected: number;
  listRef: RefObject<HTMLDivElement | null>;
  hitAt(index: number): SearchHit | null;
  ensureRows(start: number, end: number): void;
  onSelect(index: number): void;
  onOpen(index: number): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

export function ResultsList(props: ResultsListProps) {
  const { total, selected, listRef, hitAt, ensureRows, generation, resetKey } = props;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, generation, ensureRows]);

  useEffect(() => {
    if (selected >= 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  useEffect(() => {
    listRef.current?.scrollTo({ top: 0 });
  }, [resetKey, listRef]);

  return (
    <div
      ref={listRef}
      className="results"
      role="listbox"
      aria-label="Search results"
      tabIndex={0}
      aria-activedescendant={selected >= 0 && selected < total ? `result-${selected}` : undefined}
      onKeyDown={props.onKeyDown}
      data-testid="results"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const hit = hitAt(item.index);
          return (
            <div
              key={item.key}
              id={`result-${item.index}`}
              role="option"
              aria-selected={item.index === selected}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              className={`result${item.index === selected ? ' selected' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              data-index={item.index}
              onClick={() => props.onSelect(item.index)}
              onDoubleClick={() => props.onOpen(item.index)}
            >
              {hit ? <ResultRow hit={hit} /> : <p className="placeholder">Loading…</p>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ResultRow({ hit }: { hit: SearchHit }) {
  return (
    <>
      <div className="result-head">
        <span className="headline">{hit.headline || '(no headline)'}</span>
        <span className="meta">
          <ResultBadges hit={hit} />
          {hit.section && <span className="section">{hit.section}</span>}
          <time dateTime={hit.postedAt ?? undefined}>{shortDate(hit.postedAt)}</time>
        </span>
      </div>
      <Snippet segments={hit.snippet} />
      {isHistoryHit(hit) && <HistoryRowNote hit={hit} />}
    </>
  );
}
