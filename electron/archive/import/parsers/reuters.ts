// Reuters-21578 SGML containers: no root element, up to 1,000 <REUTERS>
// records per file, control characters written as numeric entities (&#3;).
// Each record is one article keyed by its NEWID. Records without a BODY
// (TYPE="BRIEF": title only; TYPE="UNPROC": raw text) are imported with what
// they have and flagged.
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import { cleanText, collapseSpaces } from '../text.ts';
import { resolveDates } from './dates.ts';
import { splitParagraphs } from './paragraphs.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';

const RECORD = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/gu;

export const reutersParser: Parser = {
  name: 'reuters-sgml',
  detect(input) {
    const { head } = input;
    // A record tag at the start of a line, not a mention of one in prose.
    if (/^<REUTERS\b[^>]*>/mu.test(head)) return 0.95;
    return input.ext === 'sgm' || input.ext === 'sgml' ? 0.3 : 0;
  },
  parse(input) {
    const out: ParsedArticle[] = [];
    let index = 0;
    for (const m of input.text.matchAll(RECORD)) {
      index += 1;
      out.push(parseRecord(m[1] ?? '', m[2] ?? '', index, input));
    }
    if (out.length === 0) throw new Error('no <REUTERS> records found');
    return out;
  },
};

function parseRecord(attrs: string, inner: string, index: number, input: ParseInput): ParsedArticle {
  const newId = /\bNEWID="(\d+)"/u.exec(attrs)?.[1] ?? `record-${index}`;
  const tag = (name: string) => {
    const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'u').exec(inner);
    return m ? decode(m[1] ?? '') : null;
  };
  const topicsRaw = /<TOPICS>([\s\S]*?)<\/TOPICS>/u.exec(inner)?.[1] ?? '';
  const tags = [...topicsRaw.matchAll(/<D>([\s\S]*?)<\/D>/gu)].map((d) => decode(d[1] ?? '').trim()).filter((t) => t !== '');
  const title = tag('TITLE');
  let bodyText = tag('BODY');
  const flags: string[] = [];
  let note: string | undefined;
  if (bodyText === null) {
    flags.push('no-body');
    // UNPROC records keep their story as bare text inside <TEXT>.
    const textBlock = /<TEXT\b[^>]*>([\s\S]*?)<\/TEXT>/u.exec(inner)?.[1] ?? '';
    const bare = title === null ? decode(textBlock.replace(/<[^>]+>/gu, '')) : '';
    bodyText = bare.trim() === '' ? null : bare;
    note = title === null ? 'no BODY or TITLE: raw record text kept' : 'no BODY: title only';
  }
  const lines = (bodyText ?? '').split('\n');
  // The wire's sign-off ("Reuter") is not part of the story.
  while (lines.length > 0 && /^\s*(?:reuter|reuters|)\s*$/iu.test(lines[lines.length - 1] as string)) lines.pop();
  let paragraphs = splitIndented(lines);
  let headline = title === null ? '' : collapseSpaces(title);
  if (headline === '' && paragraphs.length > 0) headline = collapseSpaces(paragraphs.shift() as string);
  if (paragraphs.length === 0 && bodyText !== null) paragraphs = [];
  const dates = resolveDates(input.zone, tag('DATE'), null);
  return {
    key: newId,
    fields: {
      headline,
      dateline: collapseSpaces(tag('DATELINE') ?? '').replace(/\s*-\s*$/u, ''),
      tags,
      language: 'en',
      ...dates.fields,
    },
    body: bodyFromParagraphs(paragraphs),
    flags,
    ...(note ? { note } : {}),
    zoneAssumed: dates.zoneAssumed,
  };
}

/** Reuters bodies are hard-wrapped with paragraphs marked by an indented first line. */
function splitIndented(lines: readonly string[]): string[] {
  if (lines.some((l) => l.trim() === '')) return splitParagraphs(lines);
  const groups: string[][] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (groups.length === 0 || /^\s{2,}\S/u.test(line)) groups.push([]);
    groups[groups.length - 1]?.push(line);
  }
  return groups.map((g) => splitParagraphs(g).join(' ')).filter((p) => p !== '');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities to characters, then the control characters they produce are cleaned away. */
function decode(text: string): string {
  const decoded = text.replace(/&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot|apos);/giu, (all, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? Number.parseInt(ent.slice(2), 16) : Number(ent.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ent.toLowerCase()] ?? all;
  });
  return cleanText(decoded);
}
