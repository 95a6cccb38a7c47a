// Snippets are built here rather than with FTS5's snippet(): the body text is
// stored compressed and CJK matches live in bigram columns, so one highlighter
// over the plain text serves every script the same way. Output is data
// (segments), never HTML.
import type { SnippetSegment } from '../../../shared/model/search.ts';
import type { HighlightTerm } from './query/compile.ts';

const WINDOW = 220;
const LEAD = 60;
const NOT_TOKEN = '[^\\p{L}\\p{N}\\p{M}]+';

export function highlighter(terms: readonly HighlightTerm[]): RegExp | null {
  const sources = terms
    .filter((t) => t.tokens.length > 0)
    .map((t) => {
      const body = t.tokens.map(escapeRegExp).join(t.cjk ? '' : NOT_TOKEN);
      if (t.cjk) return body;
      return `(?<![\\p{L}\\p{N}\\p{M}])${body}${t.prefix ? '[\\p{L}\\p{N}\\p{M}]*' : '(?![\\p{L}\\p{N}\\p{M}])'}`;
    });
  if (sources.length === 0) return null;
  // Longest alternatives first so a phrase wins over its own words.
  sources.sort((a, b) => b.length - a.length);
  return new RegExp(sources.join('|'), 'giu');
}

export function buildSnippet(text: string, pattern: RegExp | null): SnippetSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return [];
  const matches = pattern ? findMatches(flat, pattern) : [];
  const [start, end] = chooseWindow(flat, matches);
  const segments: SnippetSegment[] = [];
  let cursor = start;
  const push = (s: string, match: boolean) => {
    if (s !== '') segments.push({ text: s, match });
  };
  if (start > 0) push('…', false);
  for (const [ms, me] of matches) {
    if (me <= start || ms >= end) continue;
    push(flat.slice(cursor, Math.max(cursor, ms)), false);
    push(flat.slice(Math.max(ms, cursor), Math.min(me, end)), true);
    cursor = Math.min(me, end);
  }
  push(flat.slice(cursor, end), false);
  if (end < flat.length) push('…', false);
  // Merge neighbouring plain segments (the ellipsis with its text).
  return segments.reduce<SnippetSegment[]>((acc, s) => {
    const prev = acc[acc.length - 1];
    if (prev && !prev.match && !s.match) prev.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}

function findMatches(text: string, pattern: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    if (out.length > 200) break;
  }
  return out;
}

/** The window of about WINDOW characters holding the most matches, cut at spaces. */
function chooseWindow(text: string, matches: Array<[number, number]>): [number, number] {
  if (text.length <= WINDOW) return [0, text.length];
  let bestStart = 0;
  let bestCount = -1;
  for (const [ms] of matches) {
    const start = Math.max(0, ms - LEAD);
    const count = matches.filter(([s, e]) => s >= start && e <= start + WINDOW).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  let start = bestStart;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space - start < 20 && (matches[0] === undefined || space < (matches.find(([s]) => s >= start)?.[0] ?? Infinity))) start = space + 1;
  }
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + WINDOW / 2) end = space;
  }
  return [start, end];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
