// Inline content flattened into runs: text with a format, line breaks and
// links. Both the HTML and the Markdown writers start from runs, so they agree
// on which formats exist and on merging adjacent text of the same format
// (Lexical normally merges them, but imported or hand-made JSON may not).
import type { InlineNode } from '../editor/serialized.ts';
import { TEXT_FORMAT } from '../editor/serialized.ts';
import { cleanText, safeHref } from './escape.ts';

/** The formats an export keeps; code, subscript and superscript become plain text. */
export const KEPT_FORMATS = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline | TEXT_FORMAT.strikethrough;

export type Run =
  | { kind: 'text'; text: string; format: number }
  | { kind: 'break' }
  | { kind: 'link'; href: string; runs: Run[] };

export function toRuns(nodes: readonly InlineNode[]): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'tab':
        pushText(out, cleanText(typeof node.text === 'string' ? node.text : ''), (node.format ?? 0) & KEPT_FORMATS);
        break;
      case 'linebreak':
        out.push({ kind: 'break' });
        break;
      case 'link':
      case 'autolink': {
        const children = toRuns(Array.isArray(node.children) ? node.children : []);
        const href = typeof node.url === 'string' ? safeHref(node.url) : null;
        // A link we may not write keeps its text: the reader loses the target, never the words.
        if (href === null || children.length === 0) for (const run of children) pushRun(out, run);
        else out.push({ kind: 'link', href, runs: children });
        break;
      }
      default:
        // Unknown inline nodes (a newer editor, hostile JSON) are skipped, not guessed at.
        break;
    }
  }
  return out;
}

function pushRun(out: Run[], run: Run): void {
  if (run.kind === 'text') pushText(out, run.text, run.format);
  else out.push(run);
}

function pushText(out: Run[], text: string, format: number): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text' && last.format === format) last.text += text;
  else out.push({ kind: 'text', text, format });
}

/** True when the runs would show nothing: no visible text (line breaks alone do not count). */
export function isBlank(runs: readonly Run[]): boolean {
  return runs.every((r) => (r.kind === 'text' ? r.text.trim() === '' : r.kind === 'break' || isBlank(r.runs)));
}

/** Leading and trailing line breaks would render as empty lines: drop them. */
export function trimBreaks(runs: Run[]): Run[] {
  let start = 0;
  let end = runs.length;
  while (start < end && runs[start]?.kind === 'break') start += 1;
  while (end > start && runs[end - 1]?.kind === 'break') end -= 1;
  return runs.slice(start, end);
}
