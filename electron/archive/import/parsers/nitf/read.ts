// Reading one <nitf> element: the NITF file parser uses it on a whole file,
// NewsML-G2 on inlineXML and NewsML 1.2 on DataContent that hold NITF.
// The story is body.content (never a <note> in body.head, whose own
// body.content is the editor's note); the byline loses its job title
// (<byttl>), which becomes the author's role; the dek is hedline/hl2 only
// (a subhead inside the story stays there).
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import type { Author, Subject } from '../../../../../shared/model/newsroom.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import { Element, Text } from 'domhandler';
import type { Zone } from '../../../time/zone.ts';
import { resolveDate } from '../../../time/parseDate.ts';
import { textOf } from '../htmlBlocks.ts';
import type { ItemIdentity } from '../types.ts';
import { blocksFromNodes } from '../xml/blocks.ts';
import { attr, descendants, find, kid, kids, text } from '../xml/query.ts';
import { cleanField, distinct, languageTag, placeDateline, scale9, stripBy } from '../xml/text.ts';
import type { XmlElement } from '../xml/tree.ts';

export interface NitfStory {
  fields: Partial<ArticleFields>;
  blocks: BlockNode[];
  /** doc-id, scoped by its registering source; null when the document has none. */
  identity: ItemIdentity | null;
  zoneAssumed: boolean;
}

const PUB_STATUS: Record<string, ArticleFields['pubStatus']> = { usable: 'usable', embargoed: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled' };

export function readNitf(nitf: XmlElement, zone: Zone): NitfStory {
  const head = kid(nitf, 'head');
  const body = kid(nitf, 'body');
  const bodyHead = kid(body, 'body.head');
  const docdata = kid(head, 'docdata');
  // AP writes <headline> where NITF says <hedline>.
  const hedline = kid(bodyHead, 'hedline') ?? kid(bodyHead, 'headline');
  const headline = text(find(hedline, 'hl1')) || text(find(bodyHead, 'hl1')) || text(kid(head, 'title'));
  const blocks = storyBlocks(body, headline);
  const firstBlockText = blocks[0] && 'children' in blocks[0] ? cleanField(blocks[0].children.map((c) => ('text' in c ? c.text : ' ')).join('')) : '';
  const hl2 = kids(hedline, 'hl2').map(text).find((t) => t !== '' && t !== headline) ?? '';
  const abstract = text(kid(bodyHead, 'abstract'));
  // An abstract that merely repeats the headline or opens the story is not a dek.
  const dek = hl2 || (abstract !== '' && abstract !== headline && !firstBlockText.startsWith(abstract) ? abstract : '');
  const byline = readByline(kid(bodyHead, 'byline'));
  const dates = readDates(head, docdata, bodyHead, zone);
  const docId = kid(docdata, 'doc-id');
  const provider = attr(docId, 'regsrc') || attr(kids(kid(docdata, 'del-list'), 'from-src')[0], 'src-name') || text(kid(bodyHead, 'distributor'));
  const id = attr(docId, 'id-string');
  const fields: Partial<ArticleFields> = {
    headline,
    dek,
    byline: byline.display,
    authors: byline.authors,
    dateline: readDateline(kid(bodyHead, 'dateline')),
    section: attr(kid(head, 'pubdata'), 'position.section') || sectionOf(kid(head, 'tobject')),
    keywords: distinct(kids(kid(docdata, 'key-list'), 'keyword').map((k) => attr(k, 'key'))),
    subjects: readSubjects(kid(head, 'tobject')),
    genre: attr(kid(kid(head, 'tobject'), 'tobject.property'), 'tobject.property.type'),
    slugline: attr(kid(docdata, 'du-key'), 'key'),
    urgency: scale9(attr(kid(docdata, 'urgency'), 'ed-urg')),
    editorNote: distinct([attr(kid(docdata, 'ed-msg'), 'info'), ...kids(bodyHead, 'note').map((n) => cleanField(textOf(n)))].map(cleanField)).join('\n'),
    pubStatus: PUB_STATUS[attr(docdata, 'management-status').toLowerCase()] ?? '',
    provider,
    copyrightHolder: attr(kid(docdata, 'doc.copyright'), 'holder') || text(find(bodyHead, 'rights.owner')),
    usageTerms: attr(kid(docdata, 'doc.rights'), 'limitations'),
    located: readLocated(kid(docdata, 'evloc')),
    language: languageTag(attr(nitf, 'baselang') || attr(nitf, 'xml:lang') || attr(body, 'xml:lang') || firstLang(kid(body, 'body.content'))),
    ...dates.fields,
  };
  // du-key's version counts the item's versions (AP, NTB, Copydesk write it); a non-number is not one.
  const duVersion = /^\d{1,9}$/u.test(attr(kid(docdata, 'du-key'), 'version')) ? Number(attr(kid(docdata, 'du-key'), 'version')) : null;
  return { fields, blocks, identity: id === '' ? null : { provider: provider.toLowerCase(), id, version: duVersion }, zoneAssumed: dates.zoneAssumed };
}

/** body.content, then body.end's tagline and bibliography (printed with the story). Never a note's body.content. */
function storyBlocks(body: XmlElement | null, headline: string): BlockNode[] {
  const content = kid(body, 'body.content');
  const end = kid(body, 'body.end');
  const nodes = [...(content?.children ?? []), ...kids(end, 'tagline'), ...kids(end, 'bibliography')].map((n) => {
    // A tagline is its own paragraph.
    if (n instanceof Element && (n.name === 'tagline' || n.name === 'bibliography')) n.name = 'p';
    return n;
  });
  const blocks = blocksFromNodes(nodes);
  // A story that opens by repeating its headline as a subhead (AP's media API).
  const first = blocks[0];
  if (first?.type === 'heading' && cleanField(first.children.map((c) => ('text' in c ? c.text : '')).join('')) === headline) blocks.shift();
  return blocks;
}

/** `<byline>By <person>Alan Karben</person> <byttl>Writer</byttl></byline>`: the display line without the title, authors with it as role. */
export function readByline(byline: XmlElement | null): { display: string; authors: Author[] } {
  if (!byline) return { display: '', authors: [] };
  const role = distinct(kids(byline, 'byttl').map(text)).join(', ');
  // Children joined with spaces: `By<person>Staff Reporter</person>` is "By Staff Reporter".
  const parts: string[] = [];
  for (const c of byline.children) {
    if (c instanceof Text) parts.push(c.data);
    else if (c instanceof Element && c.name !== 'byttl' && c.name !== 'virtloc') parts.push(` ${textOf(c)} `);
  }
  const display = stripBy(cleanField(parts.join('')));
  const persons = kids(byline, 'person').map(text).filter((p) => p !== '');
  const names = persons.length > 0 ? persons : display === '' ? [] : [display];
  return { display, authors: names.map((name) => ({ name, role })) };
}

/** The place: the dateline's <location> when it has text, else the dateline's own words (never its story.date). */
function readDateline(dateline: XmlElement | null): string {
  if (!dateline) return '';
  const location = kid(dateline, 'location');
  if (location) {
    // <city>Ottawa</city><state>Ontario</state>: parts without punctuation of their own are joined with commas.
    const loose = location.children.some((c) => c instanceof Text && /[^\s]/u.test(c.data));
    const name = loose ? text(location) : kids(location).map(text).filter((t) => t !== '').join(', ');
    if (name !== '') return placeDateline(name);
  }
  const own = dateline.children
    .filter((c) => c instanceof Text || (c instanceof Element && c.name !== 'story.date'))
    .map((c) => (c instanceof Text ? c.data : textOf(c as XmlElement)))
    .join(' ');
  return placeDateline(cleanField(own).replace(/^[\s,;:-]+|[\s,;:-]+$/gu, ''));
}

function readDates(head: XmlElement | null, docdata: XmlElement | null, bodyHead: XmlElement | null, zone: Zone) {
  const norm = (el: XmlElement | null) => attr(el, 'norm');
  const issue = norm(kid(docdata, 'date.issue'));
  const posted = resolveDate(attr(kid(head, 'pubdata'), 'date.publication') || issue || norm(find(bodyHead, 'story.date')), zone);
  const issued = resolveDate(issue, zone);
  const release = resolveDate(norm(kid(docdata, 'date.release')), zone);
  const expire = resolveDate(norm(kid(docdata, 'date.expire')), zone);
  const embargoed = attr(docdata, 'management-status').toLowerCase() === 'embargoed';
  // date.release is an embargo when it lies after the issue time (or the document says it is embargoed).
  const embargo = release && (embargoed || (issued !== null && Date.parse(release.iso) > Date.parse(issued.iso))) ? release : null;
  const fields: Partial<ArticleFields> = {};
  if (posted) fields.postedAt = posted.iso;
  if (embargo) fields.embargoedUntil = embargo.iso;
  if (expire) fields.expiresAt = expire.iso;
  return { fields, zoneAssumed: [posted, embargo, expire].some((d) => d?.zoneAssumed === true) };
}

function readSubjects(tobject: XmlElement | null): Subject[] {
  const out: Subject[] = [];
  for (const s of kids(tobject, 'tobject.subject')) {
    const code = attr(s, 'tobject.subject.refnum') || attr(s, 'tobject.subject.code');
    const ipr = attr(s, 'tobject.subject.ipr');
    const label = attr(s, 'tobject.subject.detail') || attr(s, 'tobject.subject.matter') || attr(s, 'tobject.subject.type');
    if (code === '' && label === '') continue;
    const scheme = code === '' ? '' : ipr === '' || /^iptc$/iu.test(ipr) ? (/^\d{8}$/u.test(code) ? 'subj' : '') : ipr.toLowerCase();
    if (!out.some((o) => o.scheme === scheme && o.code === code && o.label === label)) out.push({ scheme, code, label });
  }
  return out;
}

function sectionOf(tobject: XmlElement | null): string {
  const type = attr(tobject, 'tobject.type');
  return /^news$/iu.test(type) ? '' : type;
}

function readLocated(evloc: XmlElement | null): ArticleFields['located'] {
  if (!evloc) return null;
  const name = attr(evloc, 'city') || attr(evloc, 'state-prov') || attr(evloc, 'county-dist');
  const cc = attr(evloc, 'iso-cc');
  if (name === '' && cc === '') return null;
  return { name, countryCode: /^[A-Za-z]{2}$/u.test(cc) ? cc.toUpperCase() : '' };
}

/** The first xml:lang inside the story (IPTC's sample marks only its paragraphs). */
function firstLang(content: XmlElement | null): string {
  return descendants(content).map((e) => attr(e, 'xml:lang')).find((l) => l !== '') ?? '';
}
