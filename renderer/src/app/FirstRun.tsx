// What a new user sees: what Copydesk is, and the way in (import).
import { useLayoutEffect, useRef } from 'react';
import { focusIfLost } from './focusIfLost.ts';

export function FirstRun({ onImportFiles, onImportFolder }: { onImportFiles(): void; onImportFolder(): void }) {
  const title = useRef<HTMLHeadingElement>(null);
  // It replaces the browser once the archive turns out empty: the welcome is read first.
  useLayoutEffect(() => focusIfLost(title.current), []);
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h1 id="first-run-title" ref={title} tabIndex={-1}>
        Welcome to Copydesk
      </h1>
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
