// Plain wire text inside XML (G2 inlineData, NewsML 1.2 DataContent, Reuters'
// XHTML whose <p> holds a whole hard-wrapped story) into paragraphs and tables.
// Wires mark paragraphs two ways: blank lines, or an indented first line with
// unindented continuation lines (Reuters, ANSA: "    Gold rose…\nhaven
// demand…"). Results and standings are column-aligned lines: kept line by line
// in a monospaced block so the columns survive.

export type WireSegment = { kind: 'paragraph'; text: string } | { kind: 'table'; lines: string[] };

const TAB_WIDTH = 4;

function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ' || c === '\u00A0') n += 1;
    else if (c === '\t') n += TAB_WIDTH;
    else break;
  }
  return n;
}

/** A column-aligned line (a gap of 3+ spaces between words), or a rule of dashes. */
function isTabular(line: string): boolean {
  const t = line.trim();
  return /\S {3,}\S/u.test(t) || /^[-=_*]{5,}$/u.test(t);
}

/**
 * Indentation marks paragraphs when indented first lines are followed by
 * continuation lines at the margin: the wire convention. Pretty-printed XML
 * (every line after the first indented alike) does not count.
 */
export function usesIndentParagraphs(lines: readonly string[]): boolean {
  const rest = lines.filter((l) => l.trim() !== '').slice(1);
  let indented = 0;
  let continued = false;
  rest.forEach((line, i) => {
    if (indentOf(line) === 0) return;
    indented += 1;
    const next = rest[i + 1];
    if (next !== undefined && indentOf(next) === 0) continued = true;
  });
  return indented >= 2 && continued;
}

/** Lines of text holding at least one table (2+ column-aligned lines together). */
export function hasTable(lines: readonly string[]): boolean {
  let run = 0;
  for (const l of lines) {
    run = isTabular(l) ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

export function wireSegments(text: string): WireSegment[] {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n').map((l) => l.replace(/\s+$/u, ''));
  const indentMode = usesIndentParagraphs(lines);
  const out: WireSegment[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) out.push(...groupSegments(group, indentMode));
    group = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else group.push(line);
  }
  flush();
  return out;
}

/** One blank-line-separated group: prose paragraphs around at most one table run per stretch. */
function groupSegments(group: readonly string[], indentMode: boolean): WireSegment[] {
  const out: WireSegment[] = [];
  let i = 0;
  while (i < group.length) {
    const tableEnd = tableRunFrom(group, i);
    if (tableEnd > i) {
      out.push({ kind: 'table', lines: dedent(group.slice(i, tableEnd)) });
      i = tableEnd;
      continue;
    }
    // Prose up to the next table run.
    let j = i + 1;
    while (j < group.length && tableRunFrom(group, j) === j) j += 1;
    out.push(...proseParagraphs(group.slice(i, j), indentMode));
    i = j;
  }
  return out;
}

/**
 * The end of a table starting at `start` (exclusive), or `start` when none
 * starts there: tabular lines and the short headings between them
 * ("Monday, January 30"), at least two tabular lines.
 */
function tableRunFrom(lines: readonly string[], start: number): number {
  let end = start;
  let tabular = 0;
  let lastTabular = -1;
  // Short lines only bridge tabular ones (a day's heading between results); a few in a row end the scan.
  let shortRun = 0;
  while (end < lines.length) {
    const line = lines[end] as string;
    if (isTabular(line)) {
      tabular += 1;
      lastTabular = end;
      shortRun = 0;
    } else if (line.trim().length > 40 || ++shortRun > 2) break;
    end += 1;
  }
  if (tabular < 2 || (!isTabular(lines[start] as string) && !isTabular(lines[start + 1] ?? ''))) return start;
  // Short lines after the last tabular one belong to the table only when they look like it (a legend "1: …").
  return lastTabular + 1;
}

function proseParagraphs(lines: readonly string[], indentMode: boolean): WireSegment[] {
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    if (i === 0 || (indentMode && indentOf(line) > 0)) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]?.push(line.trim());
  });
  return paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p.join(' ').replace(/\s+/gu, ' ').trim() })).filter((p) => p.text !== '');
}

function dedent(lines: readonly string[]): string[] {
  const min = Math.min(...lines.map(indentOf));
  return lines.map((l) => l.replace(/\t/gu, ' '.repeat(TAB_WIDTH)).slice(min));
}
