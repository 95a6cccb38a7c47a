// Where a `history:` hit's match was. In the result row, one line of text
// (rows are options of a listbox, which may hold no controls of their own);
// in the preview, every revision that held the match, each with a button that
// opens the article with the history panel showing that revision against the
// current text.
import { useId } from 'react';
import { type HistoryHit, placeLabel, revisionLabel, rowDetail } from './historyMatches.ts';
import './historyMatches.css';

export function HistoryRowNote({ hit }: { hit: HistoryHit }) {
  const detail = rowDetail(hit);
  return (
    <p className="history-note" data-testid="history-note">
      <span className="history-badge" data-place={hit.currentMatches === false ? 'earlier' : 'current'}>
        {placeLabel(hit)}
        {/* Read, not drawn: the badge's edge does the colon's work on screen. */}
        {detail && <span className="sr-only">:</span>}
      </span>
      {detail && ` ${detail}`}
    </p>
  );
}

export interface HistoryMatchesProps {
  hit: HistoryHit;
  /** False in builds without the editor: the revisions are listed without buttons. */
  canCompare: boolean;
  onCompare(revisionId: number): void;
}

export function HistoryMatches({ hit, canCompare, onCompare }: HistoryMatchesProps) {
  const headingId = useId();
  const earlier = hit.currentMatches === false;
  return (
    <section className="history-matches" aria-labelledby={headingId} data-testid="history-matches">
      <h3 id={headingId}>Versions with the match</h3>
      <p>
        <span className="history-badge" data-place={earlier ? 'earlier' : 'current'}>
          {placeLabel(hit)}
        </span>{' '}
        {earlier ? 'The current text no longer has it.' : 'The current text has it too.'}
      </p>
      {hit.revisions.length > 0 && (
        <ul className="history-revisions">
          {hit.revisions.map((rev) => (
            <li key={rev.id} data-revision={rev.id}>
              <span>{revisionLabel(rev)}</span>
              {canCompare && (
                <button type="button" onClick={() => onCompare(rev.id)} title="Open the article with this revision’s changes against the current text">
                  Compare rev {rev.id} with current
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
