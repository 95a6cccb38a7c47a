// IPTC 7901, the agencies' wire text format (dpa's English service):
//
//   SOH eca062 4 i 211 ccccb   dpa 061    ← source + message number, priority 1–6, category, word count, free field
//   Germany-politics/                      ← keyword line(s), ending in "/"
//   STX 1ST LEAD                           ← take key lines (REFILE, EXTRA, 1ST LEAD, (Achtung)), optional
//   Headline, perhaps on two lines
//   By Name, Affiliation =                 ← the heading block ends at " ="
//   Berlin (dpa) - Hard-wrapped paragraphs separated by blank lines …
//   # Notebook …  * * * * not for publication …   ← notes for the desk
//   dpa wsz jln                            ← editors' initials
//   ETX 131137 GMT Nov 13                  ← day, hour, minute; month, two-digit year
//   DEL DEL EOT
//
// No identity: the keyword line names a topic (`Yemen/conflict/`) that many
// different stories share, and the message number changes with every
// transmission, so neither can make a later take a revision of an earlier one.
/* eslint-disable no-control-regex -- wire framing and format codes (SOH, STX, US, RS, DLE, …) are control characters: matching them is the format */
import { bodyFromParagraphs } from '../../../../../shared/editor/build.ts';
import { resolveDates } from '../dates.ts';
import { joinWrapped } from '../paragraphs.ts';
import { FileRefused, type ParsedArticle, type ParseInput, type Parser } from '../types.ts';
import { bylineOf, datelineOf, ETX, fullYear, monthOf, pad2, signalsOf, splitTransmissions, STX, wireLine } from './common.ts';

// SOH, source letters with the message number, priority digit, category letters, word count.
const HEADER = /^\u0001([A-Za-z]{1,5})(\d{1,5}) ([1-6]) ([A-Za-z]{1,3}) (\d{1,5})\b(.*)$/mu;
/** Take keys: short upper-case lines before the headline (`1ST LEAD`, `REFILE`, `EXTRA`) or a bracketed word. */
const TAKE_KEY = /^(?:[\p{Lu}\d][\p{Lu}\d .'-]{1,30}|\([\p{L} ]{2,20}\))$/u;
const NOTEBOOK = /^#+\s*(?:dpa\s+)?notebook\b|^\*\s*\*\s*\*|^the following information is not (?:intended )?for publication/iu;
const INITIALS = /^[a-z]{2,4}(?:-[a-z]+)?(?:\s+[a-z]{2,3}){1,6}$/u;

export const iptc7901Parser: Parser = {
  name: 'iptc7901',
  detect(input) {
    const head = input.rawText.slice(0, 1024).replace(/^[\r\n]+/u, '');
    if (!HEADER.test(head.split('\n')[0] ?? '')) return 0;
    return head.includes(STX) ? 0.95 : 0.7;
  },
  parse(input) {
    const messages = splitTransmissions(input.rawText, /^\u0001[A-Za-z]{1,5}\d{1,5} [1-6] [A-Za-z]{1,3} \d/u);
    const out = messages.map((m) => parseMessage(m, input)).filter((a): a is ParsedArticle => a !== null);
    if (out.length === 0) throw new FileRefused('IPTC 7901: no message with a header and text after STX found');
    if (out.length === 1) delete out[0]?.key;
    return out;
  },
};

function parseMessage(message: string, input: ParseInput): ParsedArticle | null {
  const header = HEADER.exec(message.split('\n')[0] ?? '');
  const stx = message.indexOf(STX);
  if (!header || stx === -1) return null;
  const etx = message.indexOf(ETX, stx);
  const flags = etx === -1 ? ['truncated'] : [];
  const keywordLines = message.slice(message.indexOf('\n') + 1, stx).split('\n').map(wireLine).filter((l) => l !== '');
  const lines = message.slice(stx + 1, etx === -1 ? undefined : etx).split('\n').map((l) => wireLine(l));
  const trailer = etx === -1 ? '' : wireLine(message.slice(etx + 1).split('\n')[0] ?? '');

  // The heading block: up to the line that ends with " =" (within the first lines), else the first line.
  let end = lines.slice(0, 8).findIndex((l) => /\s=$|^=$/u.test(l));
  if (end === -1) end = lines.findIndex((l) => l !== '');
  const block = lines.slice(0, end + 1).map((l) => l.replace(/\s*=$/u, '').trim()).filter((l) => l !== '');
  const takeKeys: string[] = [];
  const headlineLines: string[] = [];
  let by: ReturnType<typeof bylineOf> | null = null;
  for (const line of block) {
    if (/^By\s+\S/u.test(line)) by = bylineOf(line);
    else if (headlineLines.length === 0 && TAKE_KEY.test(line) && block.length > 1) takeKeys.push(line);
    else headlineLines.push(line);
  }

  const rest = lines.slice(end + 1);
  const noteAt = rest.findIndex((l) => NOTEBOOK.test(l));
  const copy = noteAt === -1 ? rest : rest.slice(0, noteAt);
  const notes = noteAt === -1 ? [] : rest.slice(noteAt);
  dropSignOff(copy);
  dropSignOff(notes);
  const paragraphs = hardWrapped(copy);
  const first = paragraphs[0] ?? '';
  const dateline = datelineOf(first);

  const provider = providerOf(header[6] ?? '', dateline?.source ?? '');
  const { signals, pubStatus } = signalsOf(takeKeys);
  const sent = trailerTime(trailer);
  const dates = resolveDates(input.zone, sent, null);
  const priority = Number(header[3]);
  const headline = headlineLines.join(' ') || first;
  if (headline === '' && paragraphs.length === 0) return null;
  return {
    key: `${header[1]}${header[2]}`,
    fields: {
      headline,
      byline: by?.byline ?? '',
      authors: by?.authors ?? [],
      dateline: dateline?.place ?? '',
      slugline: keywordLines.join(' ').replace(/\/+$/u, ''),
      urgency: priority,
      priority,
      editorNote: notes.filter((l) => l !== '' && !/^\*(?:\s*\*)+$/u.test(l)).map((l) => l.replace(/^#+\s*/u, '')).join('\n'),
      pubStatus,
      provider,
      signals,
      copyrightHolder: copyrightOf([...notes, ...copy]),
      subjects: [{ scheme: 'iptc7901-category', code: (header[4] as string).toLowerCase(), label: '' }],
      ...dates.fields,
    },
    body: bodyFromParagraphs(paragraphs),
    flags,
    ...(etx === -1 ? { note: 'transmission ends without ETX: text kept up to the end of the file' } : {}),
    zoneAssumed: dates.zoneAssumed,
  };
}

/** `(c)2018 The San Diego Union-Tribune`, `© dpa`, `copyright by dpa` in the notes or copy; '' when none. */
function copyrightOf(lines: readonly string[]): string {
  for (const line of lines) {
    const m = /(?:\(c\)|©)\s*(?:\d{4}\s*)?(\S.*)$/iu.exec(line) ?? /\bcopyright by ([\p{L}-]+)/iu.exec(line);
    if (m) return (m[1] as string).replace(/[.\s]+$/u, '');
  }
  return '';
}

/** IPTC 7901 copy is hard-wrapped: paragraphs end at blank lines, never at a line end (even when there is one paragraph). */
function hardWrapped(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line !== '') current.push(line);
    else if (current.length > 0) {
      out.push(joinWrapped(current));
      current = [];
    }
  }
  return out;
}

/** Trailing blank lines and the editors' initials (`dpa wsz jln`), a line of its own after a blank one. */
function dropSignOff(lines: string[]): void {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const last = lines[lines.length - 1];
  if (last !== undefined && INITIALS.test(last) && (lines.length === 1 || lines[lines.length - 2] === '')) lines.pop();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
}

/** The agency: a lower-case word in the header's free field (`dpa`, `dpa-tns` → dpa), else the dateline's. */
function providerOf(free: string, datelineSource: string): string {
  const word = /(?:^|\s)([a-z]{2,8})(?:-[a-z]+)?\s+\d+\s*$/u.exec(free)?.[1];
  if (word) return word;
  const source = datelineSource.split('/').pop() ?? '';
  return source.toLowerCase();
}

/** `131137 GMT Nov 13` → 13 November 2013, 11:37 GMT; without GMT the import's zone is assumed. */
function trailerTime(trailer: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})\s+(?:(GMT|UTC|MEZ|MESZ|CET|CEST)\s+)?([\p{L}]{3,9})\.?\s+(\d{2}|\d{4})\b/u.exec(trailer);
  if (!m) return null;
  const month = monthOf(m[5] as string);
  if (month === null) return null;
  const year = (m[6] as string).length === 2 ? fullYear(Number(m[6])) : Number(m[6]);
  const zone = m[4] === 'GMT' || m[4] === 'UTC' ? ' GMT' : m[4] === 'MEZ' || m[4] === 'CET' ? ' +01:00' : m[4] ? ' +02:00' : '';
  return `${year}-${pad2(month)}-${m[1]} ${m[2]}:${m[3]}${zone}`;
}
