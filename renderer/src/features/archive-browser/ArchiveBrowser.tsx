// The archive browser: search box and chips on top, the virtual result list,
// the preview on the right. Keyboard: / or Ctrl/Cmd+F to search, ↑/↓ to move,
// Enter to open, Escape back to the search box.
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FacetsValue } from '../../../../shared/contract/archive.ts';
import type { SearchSort } from '../../../../shared/model/search.ts';
import { api } from '../../api/client.ts';
import { focusIfLost } from '../../app/focusIfLost.ts';
import { FilterChips } from '../search/FilterChips.tsx';
import { SearchBar } from '../search/SearchBar.tsx';
import { useSearch } from '../search/useSearch.ts';
import { reportSearch } from '../export/searchScope.ts';
import { isHistoryHit } from './historyMatches.ts';
import { PreviewPane } from './PreviewPane.tsx';
import { ResultsList } from './ResultsList.tsx';

export interface ArchiveBrowserProps {
  refreshKey: number;
  /** Incremented to move focus to the search box (menu, shortcut). */
  focusSignal: number;
  helpSignal: number;
  /** An article to preview regardless of the results (e.g. opened from the import report). */
  revealId: string | null;
  /** Incremented with revealId when the preview should take the focus once it shows the article. */
  revealFocus?: number;
  canEdit: boolean;
  onEdit(id: string): void;
  /** The article shown in the preview (for File › Export…). */
  onPreview?(id: string | null): void;
  /** Open an article with its history panel showing a revision against the current text (history: results). */
  onCompare?(id: string, revisionId: number): void;
}

export function ArchiveBrowser(props: ArchiveBrowserProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [selected, setSelected] = useState(-1);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [facets, setFacets] = useState<FacetsValue | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { state, ensureRows, hitAt } = useSearch(query, sort, props.refreshKey);
  const { onPreview } = props;
  useEffect(() => onPreview?.(previewId), [previewId, onPreview]);
  useEffect(() => reportSearch(query), [query]); // File › Export… offers these results

  useEffect(() => {
    void api.archive.facets({}).then((r) => r.ok && setFacets(r.value));
  }, [props.refreshKey]);

  // A new query or order starts at the top; a refresh of the same one (after an import or an edit) keeps the place.
  const resetKey = `${sort}\u0000${query}`;
  useEffect(() => setSelected(-1), [resetKey]);

  // A layout effect: the control that asked (a closed report, a closed tab) is gone in this same commit.
  useLayoutEffect(() => {
    if (props.focusSignal > 0) inputRef.current?.focus();
  }, [props.focusSignal]);
  // On start, and when the browser replaces the first-run page, the search box is where work begins.
  useLayoutEffect(() => focusIfLost(inputRef.current), []);

  useEffect(() => {
    if (props.revealId) setPreviewId(props.revealId);
  }, [props.revealId]);

  const select = useCallback(
    (index: number) => {
      setSelected(index);
      const hit = hitAt(index);
      if (hit) setPreviewId(hit.id);
    },
    [hitAt],
  );

  // A selected row whose page arrives late still fills the preview.
  useEffect(() => {
    const hit = selected >= 0 ? hitAt(selected) : null;
    if (hit) setPreviewId(hit.id);
  }, [selected, hitAt]);

  const open = useCallback(
    (index: number) => {
      const hit = hitAt(index);
      if (hit && props.canEdit) props.onEdit(hit.id);
    },
    [hitAt, props],
  );

  const onListKey = (event: KeyboardEvent<HTMLElement>) => {
    if (state.total === 0) return;
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 400) / 84) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      select(Math.min(state.total - 1, Math.max(0, selected + delta)));
    } else if (event.key === 'Home' && event.currentTarget === listRef.current) {
      event.preventDefault();
      select(0);
    } else if (event.key === 'End' && event.currentTarget === listRef.current) {
      event.preventDefault();
      select(state.total - 1);
    } else if (event.key === 'Enter' && selected >= 0) {
      event.preventDefault();
      open(selected);
    } else if (event.key === 'Escape') {
      inputRef.current?.focus();
    }
  };

  const focusSearch = useCallback(() => inputRef.current?.focus(), []);
  // A history: result tells the preview which of its revisions held the match.
  const selectedHit = selected >= 0 ? hitAt(selected) : null;

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || (event.key === 'Enter' && selected >= 0)) {
      onListKey(event);
    }
  };

  return (
    <div className="browser">
      <section className="browser-main" aria-label="Archive search">
        <SearchBar
          query={query}
          sort={sort}
          total={state.total}
          loading={state.loading}
          inputRef={inputRef}
          helpSignal={props.helpSignal}
          onQuery={setQuery}
          onSort={setSort}
          onKeyDown={onSearchKey}
        />
        <FilterChips query={query} facets={facets} onQuery={setQuery} onFocusSearch={focusSearch} />
        {state.notices.length > 0 && (
          <ul className="notices" aria-live="polite" data-testid="notices">
            {state.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {state.error && (
          <p role="alert" className="error">
            {state.error.message}
          </p>
        )}
        {!state.loading && state.total === 0 && !state.error && <p className="empty-results">No articles match this search.</p>}
        <ResultsList
          total={state.total}
          generation={state.generation}
          resetKey={resetKey}
          selected={selected}
          listRef={listRef}
          hitAt={hitAt}
          ensureRows={ensureRows}
          onSelect={select}
          onOpen={open}
          onKeyDown={onListKey}
        />
      </section>
      <PreviewPane
        articleId={previewId}
        refreshKey={props.refreshKey}
        canEdit={props.canEdit}
        onEdit={props.onEdit}
        focusSignal={props.revealFocus ?? 0}
        focusId={props.revealId}
        historyHit={isHistoryHit(selectedHit) ? selectedHit : null}
        {...(props.onCompare ? { onCompare: props.onCompare } : {})}
      />
    </div>
  );
}
