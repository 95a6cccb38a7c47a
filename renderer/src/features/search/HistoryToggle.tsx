// "All versions": search every version of each article, not only the current
// text. The toggle is the `history:` scope of the query language, read from and
// written into the query text (historyScope.ts), like the filter chips: the box
// shows what is searched, a typed `history:` turns the toggle on, and the same
// text searches the same way in the CLI and in "Export search results…".
import { useId } from 'react';
import { hasHistoryScope, withHistoryScope } from './historyScope.ts';
import './historyToggle.css';

export interface HistoryToggleProps {
  query: string;
  onQuery(query: string): void;
}

export function HistoryToggle({ query, onQuery }: HistoryToggleProps) {
  const hintId = useId();
  const on = hasHistoryScope(query);
  return (
    <>
      <label className="history-toggle" title="Search every version of each article, not only the current text (history: in the query)">
        <input type="checkbox" checked={on} aria-describedby={hintId} onChange={(e) => onQuery(withHistoryScope(query, e.target.checked))} />
        <span>All versions</span>
      </label>
      <span id={hintId} className="sr-only">
        Also searches the text of earlier versions, as history: in the query does.
      </span>
    </>
  );
}
