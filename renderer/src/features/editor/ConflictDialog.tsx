// A stale save: someone (another window, another tab) saved this article
// after it was opened here. Two ways out, both explicit; neither loses text.
export function ConflictDialog({ onChoose }: { onChoose(choice: 'reload' | 'keep-mine'): void }) {
  return (
    <div className="cd-dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="cd-conflict-title" aria-describedby="cd-conflict-text" className="cd-dialog">
        <h2 id="cd-conflict-title">This article changed elsewhere</h2>
        <p id="cd-conflict-text">
          It was saved in another window after you opened it here, so your last changes were not written. Reload to see that
          version (your unsaved changes here are dropped), or keep yours as a new revision on top: the other text stays in the
          history either way.
        </p>
        <div className="cd-dialog-actions">
          <button type="button" onClick={() => onChoose('reload')}>Reload their version</button>
          <button type="button" onClick={() => onChoose('keep-mine')} autoFocus>Keep mine on top</button>
        </div>
      </div>
    </div>
  );
}
