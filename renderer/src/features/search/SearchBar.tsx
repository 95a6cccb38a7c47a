// The search box, the sort order, the "All versions" (history:) toggle, the result count and the syntax help toggle.
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { SEARCH_SORTS, type SearchSort } from '../../../../shared/model/search.ts';
import { HistoryToggle } from './HistoryToggle.tsx';
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
  const helpButton = useRef<HTMLButtonElement>(null);
  // What opened the help (the Syntax button, or the search box for Help › Search Syntax): Escape returns there.
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (props.helpSignal === 0) return;
    opener.current = props.inputRef.current;
    setHelp(true);
  }, [props.helpSignal, props.inputRef]);
  const toggleHelp = () => {
    opener.current = helpButton.current;
    setHelp((h) => !h);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !help) return;
    event.preventDefault();
    setHelp(false);
    (opener.current?.isConnected ? opener.current : helpButton.current)?.focus();
  };
  const countId = useId();
  return (
    <div className="search-bar" onKeyDown={onKeyDown}>
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
        <HistoryToggle query={props.query} onQuery={props.onQuery} />
        <button type="button" className="ghost" ref={helpButton} aria-expanded={help} aria-controls={helpId} onClick={toggleHelp} title="The search language (F1; Escape closes)">
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
