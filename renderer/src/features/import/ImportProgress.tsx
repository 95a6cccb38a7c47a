// Files done of total, rate, ETA and Cancel while an import runs.
import { useLayoutEffect, useRef } from 'react';
import type { ImportProgressValue } from '../../../../shared/contract/import.ts';
import { focusIfLost } from '../../app/focusIfLost.ts';

export function ImportProgress({ progress, cancelling, onCancel }: { progress: ImportProgressValue | null; cancelling: boolean; onCancel(): void }) {
  const done = progress?.filesDone ?? 0;
  const total = progress?.filesTotal ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const title = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => focusIfLost(title.current), []);
  return (
    <section className="import-progress" aria-labelledby="import-progress-title" data-testid="import-progress">
      <h2 id="import-progress-title" ref={title} tabIndex={-1}>
        Importing…
      </h2>
      <progress max={total || 1} value={done} aria-label="Files imported" aria-valuetext={`${done} of ${total} files`} />
      <p className="figures">
        <span data-testid="import-count">
          {done.toLocaleString('en')} of {total ? total.toLocaleString('en') : '…'} files
        </span>
        <span>{percent}%</span>
        <span>{progress ? `${progress.rate.toFixed(progress.rate < 10 ? 1 : 0)} files/s` : 'starting'}</span>
        <span>{eta(progress?.etaSeconds ?? null)}</span>
      </p>
      {progress?.currentFile && <p className="current-file">{progress.currentFile}</p>}
      {/* aria-disabled once pressed, not disabled: a disabled button drops the keyboard focus to <body>. */}
      <button type="button" onClick={() => !cancelling && onCancel()} aria-disabled={cancelling || undefined}>
        {cancelling ? 'Cancelling…' : 'Cancel import'}
      </button>
    </section>
  );
}

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'ETA …';
  if (seconds < 60) return `ETA ${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `ETA ${m} min ${Math.ceil(seconds % 60)} s` : `ETA ${Math.floor(m / 60)} h ${m % 60} min`;
}
