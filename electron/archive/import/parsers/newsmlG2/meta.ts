// A G2 item's itemMeta, contentMeta and rightsInfo mapped to the shared
// fields (shared/model/newsroom.ts). Values are reported as the file gives
// them; qcodes keep their scheme alias (`medtop:20000523` → scheme `medtop`).
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import type { Author, Located, Subject } from '../../../../../shared/model/newsroom.ts';
import { attr, kid, kidPath, kids, ownText, qcode, text } from '../xml/query.ts';
import { cleanField, distinct, languageTag, placeDateline, scale9, stripBy } from '../xml/text.ts';
import type { XmlElement } from '../xml/tree.ts';
import { flatLines, type HtmlNode } from '../htmlBlocks.ts';

const PUB_STATUS: Record<string, ArticleFields['pubStatus']> = { usable: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled' };

/** Signals every provider may send, whatever scheme it files them under (IPTC's own are `sig:`). */
const KNOWN_SIGNALS = new Set(['update', 'correction', 'writethru', 'kill', 'withhold', 'advisory', 'embargo', 'cwarn', 'retransmission', 'refresh']);

/** A name for a concept: its <name> in the wanted language, else a display name, else the first; then `literal`. */
export function conceptName(el: XmlElement | null, lang = ''): string {
  if (!el) return '';
  const names = kids(el, 'name').filter((n) => text(n) !== '');
  const base = lang.split('-')[0] ?? '';
  const pick =
    names.find((n) => base !== '' && (attr(n, 'xml:lang').split('-')[0] ?? '') === base && !attr(n, 'role').endsWith('mnemonic')) ??
    names.find((n) => attr(n, 'role') === '' || attr(n, 'role') === 'nrol:display' || attr(n, 'role') === 'nrol:full') ??
    names[0];
  return pick ? text(pick) : attr(el, 'literal');
}

/** The item's provider as a display name: an IPTC provider code (`nprov:dpa` → `dpa`), else the literal, else its name. */
export function providerName(provider: XmlElement | null): string {
  if (!provider) return '';
  const { scheme, code } = qcode(attr(provider, 'qcode'));
  if (scheme === 'nprov' && code !== '') return code;
  return attr(provider, 'literal') || conceptName(provider) || code;
}

/** Text of the first element among several language versions that matches the item's language, else the first. */
function inLanguage(els: XmlElement[], lang: string): string {
  const base = lang.split('-')[0] ?? '';
  const match = els.find((e) => base !== '' && (attr(e, 'xml:lang').split('-')[0] ?? '') === base && text(e) !== '');
  return text(match ?? els.find((e) => text(e) !== '') ?? null);
}

export interface G2Meta {
  fields: Partial<ArticleFields>;
  /** Dates as written: resolved by the caller with the import's zone. */
  dates: { firstCreated: string; versionCreated: string; contentCreated: string; embargoed: string };
  itemClass: string;
  /** contentMeta's description (summary or teaser), which an XHTML body may repeat as its first paragraph. */
  description: string;
}

export function readMeta(item: XmlElement, messagePriority: number | null): G2Meta {
  const itemMeta = kid(item, 'itemMeta');
  const contentMeta = kid(item, 'contentMeta');
  const rights = kid(item, 'rightsInfo');
  const language = languageTag(attr(kid(contentMeta, 'language'), 'tag') || attr(item, 'xml:lang'));
  const headlines = kids(contentMeta, 'headline');
  const main = headlines.find((h) => attr(h, 'role') === '' || /main/iu.test(attr(h, 'role'))) ?? headlines[0] ?? null;
  const sub = headlines.find((h) => h !== main && /sub/iu.test(attr(h, 'role')));
  const description = kids(contentMeta, 'description').find((d) => /summary|teaser|abstract|dek/iu.test(attr(d, 'role')) || attr(d, 'role') === '');
  const byline = stripBy(text(kid(contentMeta, 'by')));
  const slugline = text(kid(contentMeta, 'slugline'));
  const fields: Partial<ArticleFields> = {
    headline: text(main) || text(kid(itemMeta, 'title')),
    dek: text(sub ?? null) || text(description ?? null),
    byline,
    authors: readAuthors(contentMeta, byline),
    dateline: placeDateline(text(kid(contentMeta, 'dateline'))),
    slugline,
    urgency: scale9(text(kid(contentMeta, 'urgency'))),
    priority: messagePriority,
    editorNote: readEdNotes(kids(itemMeta, 'edNote')),
    pubStatus: PUB_STATUS[qcode(attr(kid(itemMeta, 'pubStatus'), 'qcode')).code.toLowerCase()] ?? '',
    provider: providerName(kid(itemMeta, 'provider')),
    signals: readSignals(kids(itemMeta, 'signal'), slugline),
    subjects: readSubjects(kids(contentMeta, 'subject'), language),
    genre: kids(contentMeta, 'genre').map((g) => conceptName(g, language) || qcode(attr(g, 'qcode')).code).find((g) => g !== '') ?? '',
    keywords: distinct(kids(contentMeta, 'keyword').map(text)),
    located: readLocated(kid(contentMeta, 'located'), language),
    copyrightHolder: conceptName(kid(rights, 'copyrightHolder'), language),
    creditLine: text(kid(contentMeta, 'creditline')),
    usageTerms: inLanguage(kids(rights, 'usageTerms'), language) || inLanguage(kids(rights, 'copyrightNotice'), language),
    language,
  };
  return {
    fields,
    dates: {
      firstCreated: text(kid(itemMeta, 'firstCreated')),
      versionCreated: text(kid(itemMeta, 'versionCreated')),
      contentCreated: text(kid(contentMeta, 'contentCreated')),
      embargoed: text(kid(itemMeta, 'embargoed')),
    },
    itemClass: qcode(attr(kid(itemMeta, 'itemClass'), 'qcode')).code.toLowerCase(),
    description: text(description ?? null),
  };
}

/** The `by` line as the author when there is one; else the creators, with their role. */
function readAuthors(contentMeta: XmlElement | null, byline: string): Author[] {
  const authors: Author[] = [];
  for (const c of kids(contentMeta, 'creator')) {
    const name = conceptName(c);
    if (name === '') continue;
    // A job title as a note on the creator (as Copydesk writes it), else the role's code.
    const role = text(kid(c, 'note')) || text(kidPath(c, 'personDetails', 'title')) || qcode(attr(c, 'role')).code;
    if (!authors.some((a) => a.name === name)) authors.push({ name, role: role === 'source' ? '' : role });
  }
  // The `by` line names the writers; creators are then often the agency or a login (dpa's
  // `gehler.annett`): they stand as the authors only when each is named in the by-line.
  if (byline !== '') return authors.length > 0 && authors.every((a) => byline.includes(a.name)) ? authors : [{ name: byline, role: '' }];
  return authors;
}

/** Notes to the desk: the plain ones, each once; a structured (XHTML) notepad only when there is nothing else. */
function readEdNotes(notes: XmlElement[]): string {
  const plain = notes.filter((n) => !n.children.some((c) => 'attribs' in c)).map(text);
  const all = distinct(plain);
  if (all.length > 0) return all.join('\n');
  return distinct(notes.flatMap((n) => flatLines(n.children as HtmlNode[], new Set()).map(cleanField))).join('\n');
}

function readSignals(signals: XmlElement[], slugline: string): string[] {
  const out: string[] = [];
  for (const s of signals) {
    const { scheme, code } = qcode(attr(s, 'qcode'));
    const c = code.toLowerCase();
    if (c !== '' && (scheme === 'sig' || KNOWN_SIGNALS.has(c))) out.push(c);
  }
  // AP files its writethrus in the slugline ("…, 1st Ld-Writethru").
  if (/writethru/iu.test(slugline)) out.push('writethru');
  return distinct(out);
}

function readSubjects(subjects: XmlElement[], language: string): Subject[] {
  const out: Subject[] = [];
  for (const s of subjects) {
    const { scheme, code } = qcode(attr(s, 'qcode'));
    const label = conceptName(s, language) || (code === '' ? attr(s, 'literal') : '');
    if (code === '' && label === '') continue;
    if (!out.some((o) => o.scheme === scheme && o.code === code && o.label === label)) out.push({ scheme, code, label });
  }
  return out;
}

/** The place and its country: a broader concept of country type, or an ISO 3166 qcode anywhere up the chain. */
function readLocated(located: XmlElement | null, language: string): Located | null {
  if (!located) return null;
  const coded = qcode(attr(located, 'qcode')).code;
  // `city:Philadelphia` names the place; `geo:345678` does not.
  const name = conceptName(located, language) || ownText(located) || (/\p{L}/u.test(coded) ? coded : '');
  let countryCode = '';
  for (const el of [located, ...kids(located, 'broader'), ...kids(located, 'sameAs')]) {
    const { scheme, code } = qcode(attr(el, 'qcode'));
    if (/^iso3166-1a2$/iu.test(scheme) && /^[A-Za-z]{2}$/u.test(code)) countryCode = code.toUpperCase();
  }
  if (name === '' && countryCode === '') return null;
  return { name: cleanField(name), countryCode };
}
