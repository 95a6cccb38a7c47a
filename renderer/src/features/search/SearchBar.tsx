// The search box, the sort order, the result count and the syntax help toggle.
import { type KeyboardEvent, type RefObject, useEffect, useId, useState } from 'react';
import { SEARCH_SORTS, type SearchSort } from '../../../../shared/model/search.ts';
import { SyntaxHelp } from './SyntaxHelp.tsx';

const SORT_LABELS: Readonly<Record<SearchSort, string>> = { relevance: 'Relevance', posted: 'Posted (newest)', updated: 'Updated (newest)' };

export interface SearchBarProps {
  query: string;
  sort: SearchSort;
  total: number;
  loading: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Incremented to open the syntax help (Help › Search Syntax). */
  helpSignal: number;
  onQuery(query: string): void;
  onSort(sort: SearchSort): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

export function SearchBar(props: SearchBarProps) {
  const [help, setHelp] = useState(false);
  const helpId = useId();
  useEffect(() => {
    if (props.helpSignal > 0) setHelp(true);
  }, [props.helpSignal]);
  const countId = useId();
  return (
    <div className="search-bar">
      <div className="search-row">
        <input
          ref={props.inputRef}
          type="search"
          className="search-input"
          placeholder="Search the archive  ( / )"
          aria-label="Search the archive"
          aria-describedby={countId}
          value={props.query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => props.onQuery(e.target.value)}
          onKeyDown={props.onKeyDown}
        />
        <label className="sort">
          <span>Sort</span>
          <select value={props.sort} onChange={(e) => props.onSort(e.target.value as SearchSort)} aria-label="Sort results by">
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="ghost" aria-expanded={help} aria-controls={helpId} onClick={() => setHelp((h) => !h)}>
          Syntax
        </button>
      </div>
      <p id={countId} className="result-count" aria-live="polite" data-testid="result-count">
        {props.loading ? 'Searching…' : `${props.total.toLocaleString('en')} ${props.total === 1 ? 'result' : 'results'}`}
      </p>
      {help && <SyntaxHelp id={helpId} />}
    </div>
  );
}
