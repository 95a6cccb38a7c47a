// The per-file import report as CSV, for the report table's "Save as CSV".
import type { ImportFileValue } from '../../../shared/contract/import.ts';

const HEADER = ['path', 'outcome', 'articleId', 'encoding', 'confidence', 'reason'];

export function reportToCsv(files: readonly ImportFileValue[]): string {
  const rows = files.map((f) => [f.path, f.outcome, f.articleId ?? '', f.encoding ?? '', f.confidence ?? '', f.reason ?? ''].map(csvCell).join(','));
  return `${[HEADER.join(','), ...rows].join('\n')}\n`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: defuse it with a tick.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
