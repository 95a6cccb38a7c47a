// What a new user sees: what Copydesk is, and the way in (import).
export function FirstRun({ onImportFiles, onImportFolder }: { onImportFiles(): void; onImportFolder(): void }) {
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h1 id="first-run-title">Welcome to Copydesk</h1>
      <p>
        Copydesk keeps your newsroom’s archive on this computer: every article searchable in an instant, in English, Korean, Japanese or any other
        language, with its full history. Nothing leaves this machine.
      </p>
      <p>Start by importing old articles — text, Markdown or HTML files, in any encoding. Every file is accounted for in a report.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onImportFolder}>
          Import a folder…
        </button>
        <button type="button" onClick={onImportFiles}>
          Import files…
        </button>
      </div>
      <p className="muted">You can also drop files or folders anywhere on this window.</p>
    </section>
  );
}
