// The revision list: time, reason, name and word-count change. Pick two to
// compare (A older, B newer by default), name a revision, restore one. Asked
// with `compare` (a history: search's "Compare rev N with current"), it shows
// that revision against the current text at once.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RevisionSummary } from '../../../../shared/model/revision.ts';
import type { CompareRequest } from '../../app/panels.ts';
import type { DiffFieldName, RevisionDiff } from '../../../../shared/editing/diff.ts';
import { historyApi } from './api.ts';
import { DiffView } from './DiffView.tsx';

export interface HistoryPanelProps {
  articleId: string;
  /** Changes whenever a revision was added, to reload the list. */
  refreshKey: number;
  /** Write pending edits first, so "current" in a comparison is what the user sees. */
  beforeCompare(): Promise<void>;
  onRestore(revisionId: number, field?: DiffFieldName): Promise<boolean>;
  onClose(): void;
  /** Show this revision against the current text now (A = the revision, B = current). */
  compare?: CompareRequest | null;
  /** The requested comparison is on screen (or failed with a message): the request is used up. */
  onCompareShown?(): void;
}

function delta(revs: RevisionSummary[], i: number): string {
  const prev = revs[i - 1];
  if (!prev) return '';
  const d = revs[i]!.wordCount - prev.wordCount;
  return d === 0 ? '±0' : d > 0 ? `+${d}` : `−${-d}`;
}

export function HistoryPanel({ articleId, refreshKey, beforeCompare, onRestore, onClose, compare: request = null, onCompareShown }: HistoryPanelProps) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | 'current' | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [naming, setNaming] = useState<{ id: number; text: string } | null>(null);
  const [reload, setReload] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  // Opened: the focus comes into the panel (its title is read first); closing hands it back to the History button.
  useEffect(() => titleRef.current?.focus(), []);

  useEffect(() => {
    let live = true;
    void historyApi.history({ id: articleId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setRevisions(r.value.revisions);
      const ids = r.value.revisions.map((x) => x.id);
      setA((cur) => (cur !== null && ids.includes(cur) ? cur : (ids[ids.length - 2] ?? ids[0] ?? null)));
      setB((cur) => (cur === 'current' || (cur !== null && ids.includes(cur)) ? cur : (ids[ids.length - 1] ?? null)));
    });
    return () => {
      live = false;
    };
  }, [articleId, refreshKey, reload]);

  const showDiff = useCallback(
    async (from: number, to: number | 'current') => {
      await beforeCompare();
      const r = await historyApi.diff({ id: articleId, from, to });
      if (r.ok) setDiff(r.value);
      else setError(r.error.message);
    },
    [articleId, beforeCompare],
  );
  const compare = async () => {
    if (a === null || b === null) return;
    await showDiff(a, b);
  };

  // A requested comparison: A and B are set to it (the list keeps them) and the diff shows; the title takes
  // the focus again when the panel was already open (the tab has just come to the front).
  useEffect(() => {
    if (request === null) return;
    setA(request.revisionId);
    setB('current');
    titleRef.current?.focus();
    void showDiff(request.revisionId, 'current').then(() => onCompareShown?.());
    // Only a new request runs this (its seq), not a new showDiff or callback.
  }, [request?.seq]);

  const saveName = async () => {
    if (!naming) return;
    const r = await historyApi.nameRevision({ id: articleId, revisionId: naming.id, name: naming.text.trim() || null });
    if (!r.ok) setError(r.error.message);
    setNaming(null);
    setReload((n) => n + 1);
  };

  return (
    <aside
      className="cd-history"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // Escape while naming a revision only ends the naming (its input saves on blur).
        if (e.key !== 'Escape' || naming) return;
        e.stopPropagation();
        onClose();
      }}
    >
      <header>
        <h2 id={titleId} ref={titleRef} tabIndex={-1}>
          Revision history
        </h2>
        <button type="button" onClick={onClose} aria-label="Close history">×</button>
      </header>
      {error && <p role="alert">{error}</p>}
      <table className="cd-revisions">
        <thead>
          <tr>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">When</th>
            <th scope="col">Why</th>
            <th scope="col">Name</th>
            <th scope="col">Words</th>
            <th scope="col"><span className="cd-sr">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((rev, i) => (
            <tr key={rev.id} data-revision={rev.id}>
              <td><input type="radio" name="rev-a" aria-label={`Compare from revision ${rev.id}`} checked={a === rev.id} onChange={() => setA(rev.id)} /></td>
              <td><input type="radio" name="rev-b" aria-label={`Compare to revision ${rev.id}`} checked={b === rev.id} onChange={() => setB(rev.id)} /></td>
              <td><time dateTime={rev.createdAt}>{new Date(rev.createdAt).toLocaleString()}</time></td>
              <td>{rev.reason}</td>
              <td>
                {naming?.id === rev.id ? (
                  <input aria-label={`Name for revision ${rev.id}`} autoFocus value={naming.text} onChange={(e) => setNaming({ id: rev.id, text: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && void saveName()} onBlur={() => void saveName()} />
                ) : (
                  <button type="button" className="cd-linklike" onClick={() => setNaming({ id: rev.id, text: rev.name ?? '' })} aria-label={`Name revision ${rev.id}`}>
                    {rev.name ?? '—'}
                  </button>
                )}
              </td>
              <td>{rev.wordCount} <span className="cd-delta">{delta(revisions, i)}</span></td>
              <td><button type="button" onClick={() => void onRestore(rev.id)} aria-label={`Restore revision ${rev.id}`}>Restore</button></td>
            </tr>
          ))}
          <tr>
            <td />
            <td><input type="radio" name="rev-b" aria-label="Compare to the current text" checked={b === 'current'} onChange={() => setB('current')} /></td>
            <td colSpan={5}>Current text (working copy)</td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={() => void compare()} disabled={a === null || b === null}>Compare A → B</button>
      {diff && <DiffView diff={diff} onRestoreField={(field) => typeof diff.from === 'number' && void onRestore(diff.from, field)} />}
    </aside>
  );
}
