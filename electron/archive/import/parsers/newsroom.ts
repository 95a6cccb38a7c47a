// Newsroom web captures (text saved from a paper's site, like the seed file):
// boilerplate lines, a headline, Posted/Updated lines, maybe a byline, then
// the body. Everything paper-specific lives in newsroomPatterns.ts and
// ../../time/dateForms.ts.
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import { DATE_LABELS } from '../../time/dateForms.ts';
import { parseDateText } from '../../time/parseDate.ts';
import { collapseSpaces, tidyLine } from '../text.ts';
import { guessLanguage, resolveDates } from './dates.ts';
import { BOILERPLATE, BYLINES, TRAILERS } from './newsroomPatterns.ts';
import { splitParagraphs } from './paragraphs.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';

/** How far into the file the header (headline, dates, byline) may reach, in non-empty lines. */
const HEADER_LINES = 15;

interface DateLine {
  field: 'postedAt' | 'updatedAt';
  text: string;
}

export const newsroomParser: Parser = {
  name: 'newsroom',
  detect(input) {
    const { head } = input;
    if (input.ext !== 'txt' && input.ext !== 'text' && input.ext !== '') return 0;
    // Most text files are not web captures: one regex over the head rules them out cheaply.
    if (!ANY_LABEL.test(head) && !BOILERPLATE.some((p) => p.test(firstLine(head)))) return 0;
    const lines = head.split('\n').map(tidyLine).filter((l) => l !== '').slice(0, HEADER_LINES);
    const dated = lines.some((l) => dateLines(l).length > 0);
    const boiler = lines.slice(0, 3).some(isBoilerplate);
    return dated ? 0.8 : boiler ? 0.6 : 0;
  },
  parse(input) {
    return [parseNewsroom(input)];
  },
};

export function parseNewsroom(input: ParseInput): ParsedArticle {
  const lines = input.text.split('\n').map(tidyLine);
  // The header ends at the last date line among the first non-empty lines, or
  // at a byline right after it (or, with no dates, a byline near the top).
  // A byline further down is a sign-off, handled below.
  let headerEnd = -1;
  let seen = 0;
  let firstByline = -1;
  for (let i = 0; i < lines.length && seen < HEADER_LINES; i += 1) {
    const line = lines[i] as string;
    if (line === '') continue;
    seen += 1;
    if (dateLines(line).length > 0) headerEnd = i;
    else if (firstByline < 0 && seen <= 4 && bylineOf(line) !== null) firstByline = i;
  }
  const next = lines.findIndex((l, i) => i > headerEnd && l !== '' && !isBoilerplate(l));
  if (headerEnd >= 0 && next >= 0 && bylineOf(lines[next] as string) !== null) headerEnd = next;
  headerEnd = Math.max(headerEnd, firstByline);
  let headline = '';
  const dek: string[] = [];
  let byline = '';
  let posted: string | null = null;
  let updated: string | null = null;
  for (let i = 0; i <= headerEnd; i += 1) {
    const line = lines[i] as string;
    if (line === '' || isBoilerplate(line)) continue;
    const dates = dateLines(line);
    if (dates.length > 0) {
      for (const d of dates) {
        if (d.field === 'postedAt') posted ??= d.text;
        else updated ??= d.text;
      }
      continue;
    }
    const by = bylineOf(line);
    if (by !== null) byline ||= by;
    else if (headline === '') headline = collapseSpaces(line);
    else dek.push(collapseSpaces(line));
  }
  const bodyLines: string[] = [];
  let started = false;
  for (let i = headerEnd + 1; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (isBoilerplate(line)) continue;
    if (started && TRAILERS.some((p) => p.test(line))) break;
    if (!started && line !== '' && headline === '') {
      headline = collapseSpaces(line);
      continue;
    }
    if (line !== '') started = true;
    bodyLines.push(line);
  }
  const paragraphs = splitParagraphs(bodyLines);
  // Korean papers sign at the end: "홍길동 기자 hong@example.com".
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && byline === '') {
    const by = bylineOf(last);
    if (by !== null) {
      byline = by;
      paragraphs.pop();
    }
  }
  const dates = resolveDates(input.zone, posted, updated);
  return {
    fields: { headline, dek: dek.join(' '), byline, language: guessLanguage(input.text), ...dates.fields },
    body: bodyFromParagraphs(paragraphs),
    flags: paragraphs.length === 0 ? ['no-body'] : [],
    ...(paragraphs.length === 0 ? { note: 'no body: header only' } : {}),
    zoneAssumed: dates.zoneAssumed,
  };
}

// A date label at the start of some line of the head (the labels' sources, unanchored per line).
const ANY_LABEL = new RegExp(DATE_LABELS.map(({ pattern }) => `(?:${pattern.source.replace(/^\^/, '')})`).join('|').replace(/^/, '(?:^|\\n)[\\s\u00A0]*(?:') + ')', 'iu');

function firstLine(text: string): string {
  const m = /^\s*([^\n]*)/u.exec(text);
  return tidyLine(m?.[1] ?? '');
}

function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((p) => p.test(line));
}

function bylineOf(line: string): string | null {
  if (line.length > 120) return null;
  for (const p of BYLINES) {
    const m = p.exec(line);
    if (m) return collapseSpaces(m[1] ?? line);
  }
  return null;
}

/** `Posted January. 09, 2019 07:31`, or `입력 2019-01-09 07:31 수정 2019-01-09 09:00` (two in one line). */
function dateLines(line: string): DateLine[] {
  if (line.length > 200) return [];
  const out: DateLine[] = [];
  let rest = line;
  for (let guard = 0; guard < 4 && rest !== ''; guard += 1) {
    const label = DATE_LABELS.map((l) => ({ l, m: l.pattern.exec(rest) })).find((x) => x.m !== null);
    if (!label?.m) break;
    rest = rest.slice(label.m[0].length);
    // The date runs up to the next label, if the line holds two.
    const next = nextLabelIndex(rest);
    const text = next < 0 ? rest : rest.slice(0, next);
    if (parseDateText(text) === null) return [];
    out.push({ field: label.l.field, text });
    rest = next < 0 ? '' : rest.slice(next);
  }
  return out;
}

// The labels again, found anywhere after a separator (for lines holding two dates).
const INNER_LABELS = DATE_LABELS.map(
  ({ pattern }) => new RegExp(pattern.source.replace(/^\^/, '(?:^|[\\s|·,/]+)'), pattern.flags),
);

function nextLabelIndex(text: string): number {
  let best = -1;
  for (const unanchored of INNER_LABELS) {
    const m = unanchored.exec(text.slice(1));
    if (m && m.index !== undefined) {
      const idx = m.index + 1 + (m[0].length - m[0].replace(/^[\s|·,/]+/u, '').length);
      if (best < 0 || idx < best) best = idx;
    }
  }
  return best;
}
