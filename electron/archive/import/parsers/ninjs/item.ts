// One ninjs item (1.x, 2.x or 3.x, and Superdesk's and BBC LDRS's variants)
// into the shared shape. Only text items are read; pictures and other media
// in `associations` are ignored, and a media-only item is refused by name.
import { parseDocument } from 'htmlparser2';
import { bodyState, textNode } from '../../../../../shared/editor/build.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import type { Author } from '../../../../../shared/model/newsroom.ts';
import { resolveDate } from '../../../time/parseDate.ts';
import type { Zone } from '../../../time/zone.ts';
import { para } from '../blocks.ts';
import { guessLanguage, resolveDates } from '../dates.ts';
import { bylineAuthors, displayByline } from '../json/bylines.ts';
import type { JsonObject } from '../json/document.ts';
import { htmlBody } from '../json/htmlBody.ts';
import { textOf } from '../htmlBlocks.ts';
import { objects, plainText, pubStatus, scale9, str, strings, versionNumber } from '../json/values.ts';
import { splitParagraphs } from '../paragraphs.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { genre, located, subjects } from './concepts.ts';
import { bodies, chooseBody, descriptions, type Fields, headlines, lower, type Part } from './content.ts';

/** News types Copydesk imports as articles (BBC LDRS writes `story` and `advisory`). */
const TEXT_TYPES = new Set(['', 'text', 'composite', 'story', 'advisory']);

export function parseNinjsItem(raw: JsonObject, zone: Zone): ParsedArticle {
  const item: Fields = lower(raw);
  const id = str(item.get('uri')) || str(item.get('guid'));
  const named = id === '' ? 'the ninjs item' : `ninjs item ${id}`;
  const type = str(item.get('type')).toLowerCase();
  if (!TEXT_TYPES.has(type)) throw new FileRefused(`${named} is a ${type} item: Copydesk imports text items only`);

  const { headline: mainHeadline, dek: subHeadline } = headlines(item);
  const headline = mainHeadline || plainText(str(item.get('title')));
  const descs = descriptions(item);
  const flags: string[] = [];
  let note: string | undefined;
  let blocks: BlockNode[] = [];
  let bodyDateline = '';
  const body = chooseBody(bodies(item));
  if (body) {
    const read = readPart(body, headline);
    blocks = read.blocks;
    bodyDateline = read.dateline;
    if (read.capped) flags.push('deep-nesting');
  }
  let dek = subHeadline || (descs[0] ? plainText(descs[0].value) : '');
  if (blocks.length === 0 && descs[0]) {
    // NTB sends some items with a description and no body: the description is the copy.
    blocks = readPart(descs[0], headline).blocks;
    if (!subHeadline) dek = '';
    note = 'no body: the description is the text';
  }
  // A description that is the story's first paragraph (ADDB's `lead`) is the lede, not a dek.
  if (dek !== '' && !subHeadline && firstText(blocks) === dek) dek = '';
  if (headline === '' && blocks.length === 0) throw new FileRefused(`${named} has no headline, body or description`);
  if (blocks.length === 0) flags.push('no-body');

  const place = located(item);
  const byline = displayByline(str(item.get('byline')) || str(item.get('by')));
  const provider = providerName(item);
  const copyrightHolder = str(item.get('copyrightholder')) || str(item.get('copyrightnotice'));
  const first = str(item.get('firstcreated'));
  const current = str(item.get('versioncreated'));
  const dates = resolveDates(zone, first || current, first && current && current !== first ? current : null);
  const embargo = resolveDate(str(item.get('embargoed')) || str(item.get('embargoeduntil')) || str(item.get('embargotime')), zone);
  const expires = resolveDate(str(item.get('expires')), zone);
  const version = versionNumber(item.get('version'));
  const language = str(item.get('language'));
  const keywords = strings(item.get('keywords'));
  const section = objects(item.get('service')).map((s) => str(lower(s).get('name'))).find((s) => s !== '') ?? '';
  const text = blocks.length > 0 ? `${headline} ${dek}` : headline;

  return {
    fields: {
      headline,
      dek,
      byline,
      authors: authors(item, byline, [provider, copyrightHolder]),
      dateline: place.dateline || bodyDateline,
      located: place.located,
      section,
      language: language || guessLanguage(text),
      ...dates.fields,
      embargoedUntil: embargo?.iso ?? null,
      expiresAt: expires?.iso ?? null,
      urgency: scale9(item.get('urgency')),
      priority: scale9(item.get('priority')),
      pubStatus: pubStatus(item.get('pubstatus')),
      subjects: subjects(item),
      genre: genre(item),
      keywords,
      slugline: str(item.get('slugline')) || altId(item, /slug|keyword/iu),
      editorNote: str(item.get('ednote')),
      provider,
      copyrightHolder,
      usageTerms: str(item.get('usageterms')),
    },
    body: bodyState(blocks),
    ...(id !== '' ? { identity: { provider: identityScope(provider, id), id, version } } : {}),
    flags,
    ...(note ? { note } : {}),
    zoneAssumed: dates.zoneAssumed || (embargo?.zoneAssumed ?? false) || (expires?.zoneAssumed ?? false),
  };
}

function readPart(part: Part, headline: string): { blocks: BlockNode[]; dateline: string; capped: boolean } {
  if (part.kind === 'html' || part.kind === 'nitf') return htmlBody(part.value, headline, part.kind === 'nitf');
  if (part.kind === 'xml') {
    // An XML vocabulary of the agency's own (TT's TTNITF): its text, one paragraph per line.
    const lines = textOf(parseDocument(part.value, { xmlMode: true, decodeEntities: true }), true).split('\n');
    return { blocks: textBlocks(lines), dateline: '', capped: false };
  }
  return { blocks: textBlocks(part.value.replace(/\r\n?/gu, '\n').split('\n')), dateline: '', capped: false };
}

function firstText(blocks: readonly BlockNode[]): string {
  const first = blocks[0];
  if (!first || first.type === 'horizontalrule' || first.type === 'list') return '';
  return first.children.map((c) => (c.type === 'text' ? c.text : ' ')).join('').replace(/\s+/gu, ' ').trim();
}

/** Plain text: paragraphs on blank lines (or one per line when there are none). */
function textBlocks(lines: readonly string[]): BlockNode[] {
  return splitParagraphs(lines).map((p) => para([textNode(p.replace(/[ \t\u00A0]+/gu, ' '))]));
}

/** People from `authors[]` (Superdesk) or `bylines[]` with their roles or job titles; else the names in the byline. */
function authors(item: Fields, byline: string, drop: string[]): Author[] {
  const listed: Author[] = [];
  for (const a of [...objects(item.get('authors')), ...objects(item.get('bylines'))]) {
    const f = lower(a);
    const name = displayByline(str(f.get('name')) || str(f.get('byline')));
    const role = str(f.get('jobtitle')) || str(f.get('title')) || str(f.get('role'));
    if (name !== '' && !listed.some((x) => x.name === name)) listed.push({ name, role });
  }
  return listed.length > 0 ? listed : bylineAuthors(byline, drop);
}

/** The provider as a display name: infosource, Superdesk's `source`, else the copyright holder. */
function providerName(item: Fields): string {
  const sources = [...objects(item.get('infosource')), ...objects(item.get('infosources'))].map((s) => str(lower(s).get('name')));
  return sources.find((s) => s !== '') || str(item.get('source')) || str(item.get('copyrightholder'));
}

/** Lower-case provider scoping the identity: the provider, else the uri's host (`businesswire.com`). */
function identityScope(provider: string, id: string): string {
  if (provider !== '') return provider.toLowerCase();
  const host = /^[a-z][\w+.-]*:\/\/([^/:?#]+)/iu.exec(id)?.[1] ?? '';
  return host.toLowerCase().replace(/^www\./u, '');
}

/** An alternative id by role: 1.x writes `altids` as {role: value}, 2.x/3.x as [{role, value}]. */
function altId(item: Fields, role: RegExp): string {
  const ids = item.get('altids');
  if (ids && typeof ids === 'object' && !Array.isArray(ids)) {
    const key = Object.keys(ids).find((k) => role.test(k));
    return key ? str(ids[key]) : '';
  }
  const hit = objects(ids).map(lower).find((a) => role.test(str(a.get('role'))));
  return hit ? str(hit.get('value')) : '';
}
