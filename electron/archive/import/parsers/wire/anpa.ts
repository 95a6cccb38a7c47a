// ANPA-1312, the American newspaper wire format (AP's feed as received):
//
//   SYN SYN SOH W2870 US asian                       ← service, message number, selector
//   r a DC3 DC1 BC-US--Keyword 1stLd-Writethru 11-13 1693   ← priority, category, keyword, version
//   STX ^BC-US--Keyword Full, 1st Ld-Writethru,1140<  ← the keyword line
//   ^Headline<   ^AP Photo …<   ^Eds: …<   ^Summary<
//   ^By NAME=    ^Associated Press=                  ← byline and role
//   TAB   CITY (AP) _ Paragraph one.                 ← one tab-indented line per paragraph
//   BS Team;W;L;Pct DLE                              ← table rows (tabular stories)
//   TAB   ETX AP-WF-11-13-13 1509GMT<   FF EOT       ← transmission time, end
//
// Caret lines before the story are its header (headline, notes, summary,
// byline); after it they are subheads. Identity: the keyword without its
// cycle designator, scoped by the provider the trailer names (`AP-WF…` → ap);
// version: the lead/writethru number (0 for a first transmission). A kill,
// withhold or advisory in the version or notes sets signals and pubStatus.
/* eslint-disable no-control-regex -- wire framing and format codes (SOH, STX, US, RS, DLE, …) are control characters: matching them is the format */
import { bodyState, textNode } from '../../../../../shared/editor/build.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import { para } from '../blocks.ts';
import { resolveDates } from '../dates.ts';
import { FileRefused, type ParsedArticle, type ParseInput, type Parser } from '../types.ts';
import { ANPA_FIRST_LINE, anpaCategoryLabel, anpaUrgency, parseAnpaHeader, withoutCycle, type AnpaHeader } from './anpaHeader.ts';
import { anpaStory } from './anpaStory.ts';
import { datelineOf, ETX, fullYear, leadNumber, pad2, signalsOf, splitTransmissions, STX, wireLine } from './common.ts';

const FRAMED = /^[\r\n]*\u0016\u0016?\u0001[A-Za-z]\d{4}\u001f/u;
const SECOND_LINE_SHAPE = /\n[a-z] [a-z][\u0013\u0014][\u0011\u0012] /iu;

export const anpaParser: Parser = {
  name: 'anpa-1312',
  detect(input) {
    const head = input.rawText.slice(0, 512);
    const framed = FRAMED.test(head);
    const shaped = ANPA_FIRST_LINE.test(head.replace(/^[\r\n\u0016]*/u, '')) && SECOND_LINE_SHAPE.test(head.replace(/\r/gu, ''));
    if (framed && shaped) return 0.98;
    if (framed || (shaped && head.includes(STX))) return 0.9;
    return 0;
  },
  parse(input) {
    const messages = splitTransmissions(input.rawText, /^\u0001[A-Za-z]\d{4}\u001f/u);
    if (messages.length === 0) throw new FileRefused('ANPA-1312: no message header (SOH, service letter, four-digit number, US) found');
    const out = messages.map((m) => parseMessage(m, input));
    const usable = out.filter((a): a is ParsedArticle => a !== null);
    if (usable.length === 0) throw new FileRefused('ANPA-1312: the transmission holds no text after its header (no STX, or nothing after it)');
    if (usable.length > 1) {
      const seen = new Map<string, number>();
      for (const a of usable) {
        const base = a.key ?? 'message';
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        if (n > 1) a.key = `${base}-${n}`;
      }
    } else {
      delete usable[0]?.key;
    }
    return usable;
  },
};

function parseMessage(message: string, input: ParseInput): ParsedArticle | null {
  const stx = message.indexOf(STX);
  if (stx === -1) return null;
  const header = parseAnpaHeader(message.slice(0, stx));
  const etx = message.indexOf(ETX, stx);
  const flags: string[] = [];
  if (etx === -1) flags.push('truncated');
  const text = message.slice(stx + 1, etx === -1 ? undefined : etx);
  const trailer = etx === -1 ? '' : (message.slice(etx + 1).split('\n')[0] ?? '');
  const story = anpaStory(text.split('\n'), header, (line) => keywordMatches(line, header));
  if (story.headline === '' && story.paragraphCount === 0 && story.blocks.length === 0) return null;

  const sent = trailerTime(trailer);
  const provider = sent?.provider ?? providerFromDateline(story.firstParagraph);
  const versionText = story.version || header?.version || '';
  const lead = leadNumber(versionText);
  const { signals, pubStatus } = signalsOf([versionText, ...story.notices, ...keywordNotices(story.keyword || header?.keyword || '')]);
  const keyword = story.keyword || header?.keyword || '';
  const slug = withoutCycle(keyword);
  const add = /\b(\d+)(?:st|nd|rd|th)\s*add\b/iu.exec(versionText);
  const dates = resolveDates(input.zone, sent?.iso, lead !== null && lead > 0 ? sent?.iso : null);
  const dateline = datelineOf(story.firstParagraph);
  const urgency = header ? anpaUrgency(header.priority) : null;

  let headline = story.headline;
  if (headline === '') headline = fallbackHeadline(story.firstParagraph, story.paragraphCount, slug);
  const blocks: BlockNode[] = story.blocks.length > 0 ? story.blocks : [para([textNode(headline)])];
  return {
    key: header ? `${header.service}${header.number}` : undefined,
    fields: {
      headline,
      dek: story.dek,
      byline: story.byline,
      authors: story.authors,
      dateline: dateline?.place ?? '',
      slugline: slug,
      urgency,
      priority: urgency,
      editorNote: story.notes.join('\n'),
      pubStatus,
      provider: provider.toUpperCase() === 'AP' ? 'AP' : provider,
      signals,
      subjects: header?.category ? [{ scheme: 'anpa-category', code: header.category, label: anpaCategoryLabel(header.category) }] : [],
      ...dates.fields,
    },
    body: bodyState(blocks),
    identity: slug === '' ? undefined : {
      provider: provider.toLowerCase(),
      id: add ? `${storyId(slug)}/add-${add[1]}` : storyId(slug),
      // A kill or withhold names no version of its own: it applies to the story whatever version is current.
      version: lead ?? (add || pubStatus !== '' ? null : 0),
    },
    flags,
    ...(etx === -1 ? { note: 'transmission ends without ETX: text kept up to the end of the file' } : {}),
    zoneAssumed: dates.zoneAssumed,
  };
}

/** The story's identity: the keyword without spaces and without a `-KILL`/`-WITHHOLD` notice suffix. */
const storyId = (slug: string) => compact(slug).replace(/-(?:KILL|WITHHOLD)$/u, '');

/** Keyword comparison without spaces: the header's keyword is the caret line's, squeezed into 24 characters. */
const compact = (s: string) => s.replace(/\s+/gu, '');

function keywordMatches(line: string, header: AnpaHeader | null): boolean {
  const first = compact(line.split(',')[0] ?? '');
  if (header && header.keyword.length >= 4) {
    const key = header.keyword.slice(0, 12);
    return first.startsWith(key) || key.startsWith(first.slice(0, 12));
  }
  return /^[A-Z]{2,3}-[\w-]*-/u.test(first);
}

/**
 * Service words a keyword carries (`BC-US--APNewsAlert`, `BC-AP--Advisory`,
 * `BC-US--Harbor Fire-KILL`). Only these: a slug's own words (`Lead Pipes`,
 * `Flash Flood`) are the story's subject, not signals.
 */
function keywordNotices(keyword: string): string[] {
  const out: string[] = [];
  if (/newsalert/iu.test(keyword)) out.push('NewsAlert');
  if (/advisor(?:y|ies)/iu.test(keyword)) out.push('Advisory');
  if (/(?:^|[-\s])KILL(?:$|[-\s])/u.test(keyword)) out.push('KILL');
  if (/(?:^|[-\s])WITHHOLD(?:$|[-\s])/u.test(keyword)) out.push('WITHHOLD');
  return out;
}

/** `AP-WF-11-13-13 1509GMT` → provider `AP` and the instant; null when the trailer says no time. */
function trailerTime(trailer: string): { provider: string; iso: string } | null {
  const m = /([A-Za-z]+)-[A-Za-z]*-?(\d{1,2})-(\d{1,2})-(\d{2,4})\s+(\d{2})(\d{2})\s*(GMT|UTC|Z)?/u.exec(wireLine(trailer));
  if (!m) return null;
  const year = (m[4] as string).length === 2 ? fullYear(Number(m[4])) : Number(m[4]);
  const zone = m[7] ? ' GMT' : '';
  return { provider: m[1] as string, iso: `${year}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))} ${m[5]}:${m[6]}${zone}` };
}

function providerFromDateline(paragraph: string): string {
  return datelineOf(paragraph)?.source ?? '';
}

/** No caret headline: an alert's one paragraph (after its dateline) is the headline; otherwise the slug. */
function fallbackHeadline(first: string, paragraphs: number, slug: string): string {
  if (paragraphs === 1 && first !== '') return first.replace(/^.*?\([^)]{1,30}\)\s+[_—–-]\s+/u, '');
  const words = slug.replace(/^[A-Z]{2,4}--/u, '').trim();
  return words !== '' ? words : first;
}
