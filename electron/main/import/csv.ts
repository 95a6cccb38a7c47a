// The per-file import report as CSV, for the report table's "Save as CSV".
// Built a page of rows at a time (../worker/importOps.ts), so a 100k-file
// report is never held whole.
import type { ImportFileValue } from '../../../shared/contract/import.ts';

export const CSV_HEADER = 'path,outcome,articleId,encoding,confidence,reason\n';

/** One line per file, each ending in a newline. */
export function csvLines(files: readonly ImportFileValue[]): string {
  return files.map((f) => `${[f.path, f.outcome, f.articleId ?? '', f.encoding ?? '', f.confidence ?? '', f.reason ?? ''].map(csvCell).join(',')}\n`).join('');
}

export function reportToCsv(files: readonly ImportFileValue[]): string {
  return CSV_HEADER + csvLines(files);
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: defuse it with a tick.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
