import { writeFileSync } from 'node:fs';
import type { ImportFileResult } from '../archive/import/types.ts';
import { UsageError } from './command.ts';

/** Write the per-file import report as CSV or JSON, chosen by the file's extension. */
export function writeReport(path: string, files: readonly ImportFileResult[]): void {
  if (path.endsWith('.json')) {
    writeFileSync(path, `${JSON.stringify(files, null, 2)}\n`);
    return;
  }
  assertReportPath(path);
  const header = ['path', 'outcome', 'articleId', 'encoding', 'confidence', 'reason', 'flags'];
  const rows = files.map((f) =>
    [f.path, f.outcome, f.articleId ?? '', f.encoding ?? '', f.confidence ?? '', f.reason ?? '', (f.flags ?? []).join(' ')]
      .map(csvCell)
      .join(','),
  );
  writeFileSync(path, `${header.join(',')}\n${rows.join('\n')}\n`);
}

/** Checked before an import starts, so a typo does not cost a whole run's report. */
export function assertReportPath(path: string): void {
  if (!path.endsWith('.csv') && !path.endsWith('.json')) throw new UsageError('--report must end in .csv or .json.');
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it with a tick.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
