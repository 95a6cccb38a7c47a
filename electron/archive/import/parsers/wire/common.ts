// What the two wire text formats (ANPA-1312, IPTC 7901) share: splitting a
// capture into its transmissions, the signals a version or take line carries,
// the dateline that opens a story, tables kept as preformatted lines, and
// the clean-up of control codes and typewriter conventions.
/* eslint-disable no-control-regex -- wire framing and format codes (SOH, STX, US, RS, DLE, …) are control characters: matching them is the format */
import { lineBreak, textNode } from '../../../../../shared/editor/build.ts';
import type { Author, PubStatus } from '../../../../../shared/model/newsroom.ts';
import { TEXT_FORMAT, type InlineNode, type SerializedParagraph } from '../../../../../shared/editor/serialized.ts';
import { cleanText, collapseSpaces } from '../../text.ts';
import { para } from '../blocks.ts';

export const SOH = '\u0001';
export const STX = '\u0002';
export const ETX = '\u0003';
export const EOT = '\u0004';

/**
 * One transmission per SOH that opens a message (at the start, after SYN
 * fill, or after the previous message's EOT or line end): real captures of a
 * wire line hold messages back to back. Returns each message's text from its
 * SOH on; CR LF made LF, other controls kept.
 */
export function splitTransmissions(raw: string, header: RegExp): string[] {
  const text = raw.replace(/\r\n?/gu, '\n');
  const starts: number[] = [];
  for (let at = text.indexOf(SOH); at !== -1; at = text.indexOf(SOH, at + 1)) {
    const before = text.slice(Math.max(0, at - 4), at).replace(/[\u0016\u0004\n\u007f\u000c]/gu, '');
    if ((at === 0 || before === '' || starts.length === 0) && header.test(text.slice(at, at + 200))) starts.push(at);
  }
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/** Text with wire controls removed, NFC, whitespace collapsed. */
export function wireLine(text: string): string {
  return collapseSpaces(cleanText(text.replace(/[\u0010\u001e\u001f]/gu, ' ')));
}

export interface Signals {
  signals: string[];
  pubStatus: PubStatus;
}

// Words on a version, take or note line and the signal each sets (lower-case, as the model wants).
const SIGNAL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwrite-?thru\b|\bwritethrough\b/iu, 'writethru'],
  [/\b\d+(?:st|nd|rd|th)\s*(?:ld|lead)\b|\blead\b|\bsub\b|\bupdate[sd]?\b|\bnew lede\b/iu, 'update'],
  [/\bcorrect(?:ion|ed|s)?\b|\bcorrective\b/iu, 'correction'],
  [/\bkill(?:ed)?\b|\belimination\b|\bwithdraw(?:n|al)?\b|\bmandatory kill\b/iu, 'kill'],
  [/\bwithhold\b|\bwithheld\b/iu, 'withhold'],
  [/\badvisory\b|\badvisories\b|\bachtung\b/iu, 'advisory'],
  [/\brefiled?\b/iu, 'refile'],
  [/\b\d+(?:st|nd|rd|th)\s*add\b|\badd\s*\d+\b/iu, 'add'],
  [/newsalert|\bnews alert\b|\balert\b/iu, 'alert'],
  [/\bbulletin\b|\beilt\b/iu, 'bulletin'],
  [/\burgent\b/iu, 'urgent'],
  [/\bflash\b|\bblitz\b/iu, 'flash'],
  [/\bextra\b/iu, 'extra'],
];

/** Signals named by version/take/notice text, and the publishing status a kill or withhold sets. */
export function signalsOf(texts: readonly string[]): Signals {
  const found = new Set<string>();
  for (const text of texts) for (const [pattern, signal] of SIGNAL_WORDS) if (pattern.test(text)) found.add(signal);
  const signals = SIGNAL_WORDS.map(([, s]) => s).filter((s) => found.has(s));
  const pubStatus: PubStatus = found.has('kill') ? 'canceled' : found.has('withhold') ? 'withheld' : '';
  return { signals: [...new Set(signals)], pubStatus };
}

/** The lead or writethru number a version text names (`2nd Ld-Writethru` → 2); null when none. */
export function leadNumber(text: string): number | null {
  const m = /\b(\d+)(?:st|nd|rd|th)\s*(?:ld|lead|writethru|write-thru)\b/iu.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * The dateline that opens a story: `BUENOS AIRES, Argentina (AP) _ …` or
 * `Berlin (dpa) - …`; the place and the agency in brackets, or null.
 */
export function datelineOf(paragraph: string): { place: string; source: string } | null {
  const m = /^([\p{Lu}][\p{L}.'’ -]*?(?:,\s*[\p{L}][\p{L}.'’ -]*?)?)\s+\(([\p{L}/ -]{1,30})\)\s+[_—–-]\s/u.exec(paragraph);
  if (!m) return null;
  const place = (m[1] as string).trim();
  return place.length <= 60 ? { place, source: (m[2] as string).trim() } : null;
}

/**
 * A byline line (`By NAME and NAME`, `By Tom Krasovic, The San Diego
 * Union-Tribune`): the display line without what follows the comma, and one
 * author per name with that affiliation or the role given.
 */
export function bylineOf(line: string, role = ''): { byline: string; authors: Author[] } {
  const body = line.replace(/^by\s+/iu, '').trim();
  const comma = body.indexOf(',');
  const names = comma === -1 ? body : body.slice(0, comma);
  const affiliation = comma === -1 ? role : collapseSpaces(body.slice(comma + 1));
  const authors = names
    .split(/\s*(?:,|\band\b|&)\s*/u)
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((name) => ({ name, role: affiliation }));
  return { byline: `By ${collapseSpaces(names)}`, authors };
}

/** Rows of cells as one preformatted paragraph: columns padded to line up, monospace. */
export function tableParagraph(rows: ReadonlyArray<readonly string[]>): SerializedParagraph {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const children: InlineNode[] = [];
  rows.forEach((row, r) => {
    const line = row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
    if (r > 0) children.push(lineBreak());
    if (line !== '') children.push(textNode(line, TEXT_FORMAT.code));
  });
  return para(children);
}

/** Wire typewriter conventions to the characters they stand for: `` and '' quotes, ` _ ` dashes. */
export function typeset(text: string): string {
  return text.replace(/``/gu, '\u201C').replace(/''/gu, '\u201D').replace(/ _ /gu, ' \u2014 ').replace(/ _$/u, ' \u2014');
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, mär: 3, mrz: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12,
};

/** A month name or abbreviation (English or German) to 1–12; null when unknown. */
export function monthOf(name: string): number | null {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

/** A two-digit year in a wire trailer: 70–99 are 1900s, the rest 2000s. */
export function fullYear(yy: number): number {
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
