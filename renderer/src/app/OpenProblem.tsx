// What the window shows instead of the app when the archive is damaged
// (main put the problem in the URL hash): the file is untouched, and here are
// the ways out, each with the exact command to run.
import { type OpenProblem, waysOut } from '../../../shared/model/openProblem.ts';

export function OpenProblemScreen({ problem }: { problem: OpenProblem }) {
  return (
    // The screen's one main landmark (the app, which has its own, is not mounted).
    <main className="first-run" aria-labelledby="open-problem-title" data-testid="open-problem" data-code={problem.code}>
      <h1 id="open-problem-title">The archive could not be opened</h1>
      <p>
        <code>{problem.archivePath}</code> is damaged. Copydesk has not changed or deleted it. {problem.message}
      </p>
      <ol>
        {waysOut(problem.archivePath).map((way) => (
          <li key={way.title}>
            <strong>{way.title}.</strong> {way.detail}
            <pre>
              <code>{way.command}</code>
            </pre>
          </li>
        ))}
      </ol>
      <p className="muted">Quit Copydesk before running these commands, then start it again.</p>
    </main>
  );
}
