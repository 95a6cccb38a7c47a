// The editor's shared-archive banner. Opening an article takes its soft lock;
// if someone else holds it the article opens read-only ("Kim is editing since
// 10:42"), and a chief may break the lock. An article in conflict shows both
// sides field by field with keep mine / keep theirs / keep my edited text as
// the merge; every choice is recorded as a revision naming both sides.
import { useCallback, useEffect, useState } from 'react';
import type { ConflictValue, LockValue } from '../../../../shared/contract/sync.ts';
import { syncApi } from './api.ts';
import './sync.css';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface SharedBannerProps {
  articleId: string;
  /** Tell the editor whether it may write (someone else's lock: read-only). */
  onReadOnly(readOnly: boolean): void;
  /** The editor's current text, for "keep my edited text as the merge". */
  current(): { fields: Record<string, unknown>; body: unknown };
  /** After a resolution: reload the article (its version changed). */
  onResolved(): void;
}

export function SharedBanner({ articleId, onReadOnly, current, onResolved }: SharedBannerProps) {
  const [lock, setLock] = useState<LockValue | null>(null);
  const [conflict, setConflict] = useState<ConflictValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void syncApi.lock({ id: articleId }).then((r) => {
      if (!live || !r.ok) return;
      setLock(r.value);
      onReadOnly(r.value.shared && !r.value.mine && r.value.holder !== null);
    });
    void syncApi.conflict({ id: articleId }).then((r) => live && r.ok && setConflict(r.value));
    return () => {
      live = false;
      void syncApi.unlock({ id: articleId });
    };
  }, [articleId, onReadOnly]);

  const breakLock = useCallback(async () => {
    const r = await syncApi.breakLock({ id: articleId });
    if (!r.ok) return setError(r.error.message);
    setLock(r.value);
    onReadOnly(!r.value.mine);
  }, [articleId, onReadOnly]);

  const resolve = async (keep: 'mine' | 'theirs' | 'edited') => {
    const r = await syncApi.resolve({ id: articleId, keep: keep === 'edited' ? (current() as never) : keep });
    if (!r.ok) return setError(r.error.message);
    setConflict(null);
    onResolved();
  };

  const heldByOther = lock?.shared && lock.holder !== null && !lock.mine;
  return (
    <>
      {heldByOther && (
        <div className="cd-shared-banner" role="status" data-testid="lock-banner">
          {lock.holder} is editing since {lock.since ? new Date(lock.since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—'}: opened read-only.
          {lock.canBreak && (
            <button type="button" onClick={() => void breakLock()}>
              Break the lock
            </button>
          )}
        </div>
      )}
      {conflict && (
        <div className="cd-shared-banner cd-conflict-banner" role="alert" data-testid="conflict-banner">
          <p>
            This article was changed elsewhere while you edited it, and the changes could not be merged: {conflict.fields.join(', ')}. Both texts are kept.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">field</th>
                <th scope="col">mine</th>
                <th scope="col">theirs{conflict.theirs[0]?.author ? ` (${conflict.theirs[0].author})` : ''}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.fields.map((f) => (
                <tr key={f}>
                  <th scope="row">{f}</th>
                  <td>{f === 'body' ? conflict.mine.bodyText : show(conflict.mine.fields[f])}</td>
                  <td>{f === 'body' ? conflict.theirs[0]?.bodyText : show(conflict.theirs[0]?.fields[f])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void resolve('mine')}>Keep mine</button>
          <button type="button" onClick={() => void resolve('theirs')}>Keep theirs</button>
          <button type="button" onClick={() => void resolve('edited')} title="Edit the text in the editor into the merge you want, then keep it">
            Keep my edited text as the merge
          </button>
        </div>
      )}
      {error && (
        <div className="cd-notice" role="alert">
          {error}
        </div>
      )}
    </>
  );
}
