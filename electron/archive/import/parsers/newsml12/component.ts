// One NewsML 1.2 story: a NewsComponent (with the NewsItem around it) to
// fields and blocks. Metadata is inherited: the nearest NewsLines,
// DescriptiveMetadata, AdministrativeMetadata and RightsMetadata up the
// component chain win. The body is the text ContentItems below the component
// (NITF, XHTML, HTML in CDATA, plain text), leaving out what is not story:
// style sheets, pictures, the headline and subheadline components (they are
// fields) — contacts of a press release are kept, after the body.
import { Element } from 'domhandler';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import type { Author, Subject } from '../../../../../shared/model/newsroom.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import type { Zone } from '../../../time/zone.ts';
import { type HtmlNode, textOf } from '../htmlBlocks.ts';
import { readNitf } from '../nitf/read.ts';
import { blocksFromHtmlString, blocksFromNodes, blocksFromPlainText, looksLikeHtml } from '../xml/blocks.ts';
import { attr, kid, kids, text } from '../xml/query.ts';
import { cleanField, copyrightHolderOf, distinct, languageTag, placeDateline, stripBy } from '../xml/text.ts';
import type { XmlElement } from '../xml/tree.ts';

const NOT_BODY_ROLES = /^(?:stylesheet|logo|photo|picture|image|graphic|video|audio|thumbnail|preview|caption|headline|subheadline|contact|keyword|link)$/iu;

export interface ComponentStory {
  fields: Partial<ArticleFields>;
  blocks: BlockNode[];
  capped: boolean;
}

/** The component and its ancestor components, nearest first. */
function chainOf(component: XmlElement): XmlElement[] {
  const chain: XmlElement[] = [];
  for (let at: XmlElement | null = component; at && at.name === 'NewsComponent'; at = at.parent instanceof Element ? at.parent : null) chain.push(at);
  return chain;
}

/** The nearest `local` child of a component up the chain that holds `inner`. */
function nearest(chain: XmlElement[], local: string, inner?: string): XmlElement | null {
  for (const c of chain) {
    const el = kid(c, local);
    if (el && (inner === undefined || kid(el, inner))) return el;
  }
  return null;
}

function roleOf(component: XmlElement): string {
  return attr(kid(component, 'Role'), 'FormalName');
}

export function readComponent(component: XmlElement, zone: Zone): ComponentStory {
  const chain = chainOf(component);
  const line = (name: string) => text(kid(nearest(chain, 'NewsLines', name), name));
  const desc = nearest(chain, 'DescriptiveMetadata');
  const admin = nearest(chain, 'AdministrativeMetadata');
  const rights = nearest(chain, 'RightsMetadata');
  const content = collectContent(component, zone);
  const nitf = content.nitf;
  const roleText = (role: string) => content.roles.get(role.toLowerCase()) ?? '';
  const byline = stripBy(line('ByLine'));
  const copyright = line('CopyrightLine');
  const fields: Partial<ArticleFields> = {
    headline: line('HeadLine') || roleText('HeadLine') || nitf?.headline || '',
    dek: line('SubHeadLine') || roleText('SubHeadLine') || nitf?.dek || '',
    byline: byline || nitf?.byline || '',
    authors: readAuthors(admin, byline, line('ByLineTitle'), nitf?.authors ?? []),
    dateline: placeDateline(line('DateLine')) || nitf?.dateline || '',
    slugline: line('SlugLine'),
    creditLine: line('CreditLine'),
    copyrightHolder: text(kid(kid(rights, 'Copyright'), 'CopyrightHolder')) || (copyright ? copyrightHolderOf(copyright) : nitf?.copyrightHolder || ''),
    usageTerms: distinct(kids(rights, 'UsageRights').map((u) => text(kid(u, 'UsageType')) || text(u))).join('; '),
    language: languageTag(attr(kid(desc, 'Language'), 'FormalName')) || nitf?.language || '',
    genre: attr(kid(desc, 'Genre'), 'FormalName'),
    subjects: readSubjects(desc, component),
    keywords: readKeywords(desc, chain),
    located: readLocated(desc),
  };
  return { fields, blocks: content.blocks, capped: content.capped };
}

function readAuthors(admin: XmlElement | null, byline: string, title: string, nitf: Author[]): Author[] {
  const creators = kids(admin, 'Creator').flatMap((c) => kids(c, 'Party')).map((p) => attr(p, 'FormalName')).filter((n) => n !== '');
  if (byline !== '') return [{ name: byline, role: title }];
  if (creators.length > 0) return creators.map((name) => ({ name, role: '' }));
  return nitf;
}

/** SubjectCode entries, labelled from the item's TopicSet where it names them. */
function readSubjects(desc: XmlElement | null, component: XmlElement): Subject[] {
  const labels = new Map<string, string>();
  const topicSets = [component, ...chainOf(component)].flatMap((c) => kids(c, 'TopicSet'));
  for (const topic of topicSets.flatMap((t) => kids(t, 'Topic'))) {
    const code = text(kid(topic, 'FormalName'));
    const names = kids(topic, 'Description').filter((d) => attr(d, 'Variant') === 'Name' || attr(d, 'Variant') === '');
    const label = text(names.find((d) => attr(d, 'xml:lang').startsWith('en')) ?? names[0] ?? null);
    if (code !== '' && label !== '') labels.set(code, label);
  }
  const out: Subject[] = [];
  for (const code of kids(desc, 'SubjectCode').flatMap((s) => kids(s))) {
    const value = attr(code, 'FormalName');
    if (value === '') continue;
    const given = attr(code, 'Scheme');
    // IPTC Subject Codes go by the alias `subj`, as in NewsML-G2 and NITF.
    const scheme = given === '' || /^iptc/iu.test(given) ? (/^\d{8}$/u.test(value) ? 'subj' : given) : given;
    if (!out.some((s) => s.scheme === scheme && s.code === value)) out.push({ scheme, code: value, label: labels.get(value) ?? '' });
  }
  return out;
}

/** Keyword properties, and Business Wire's keyword metadata (`BWIndustryKeywords`, …). */
function readKeywords(desc: XmlElement | null, chain: XmlElement[]): string[] {
  const props = [...kids(desc, 'Property'), ...chain.flatMap((c) => kids(c, 'Metadata')).flatMap((m) => kids(m, 'Property'))];
  return distinct(props.filter((p) => /keywords?$/iu.test(attr(p, 'FormalName'))).map((p) => cleanField(attr(p, 'Value'))));
}

function readLocated(desc: XmlElement | null): ArticleFields['located'] {
  const locations = kids(desc, 'Location');
  const where = locations.find((l) => /origin/iu.test(attr(l, 'HowPresent'))) ?? locations[0] ?? desc;
  const prop = (name: string) => attr(kids(where, 'Property').find((p) => attr(p, 'FormalName') === name) ?? null, 'Value');
  const name = prop('City') || prop('Region') || prop('Country');
  const country = prop('Country');
  if (name === '') return null;
  return { name, countryCode: /^[A-Za-z]{2}$/u.test(country) ? country.toUpperCase() : '' };
}

interface CollectedContent {
  blocks: BlockNode[];
  /** Text of components whose role is a field (HeadLine, SubHeadLine), by lower-case role. */
  roles: Map<string, string>;
  nitf: Partial<ArticleFields> | null;
  capped: boolean;
}

/** The body: text ContentItems under the component in document order, contacts last. */
function collectContent(component: XmlElement, zone: Zone): CollectedContent {
  const body: BlockNode[] = [];
  const contacts: BlockNode[] = [];
  const roles = new Map<string, string>();
  let nitf: Partial<ArticleFields> | null = null;
  let capped = false;
  const stack: Array<{ el: XmlElement; role: string }> = [{ el: component, role: roleOf(component) }];
  while (stack.length > 0) {
    const { el, role } = stack.pop() as { el: XmlElement; role: string };
    const items = kids(el, 'ContentItem');
    for (const item of items) {
      const got = itemBlocks(item, zone);
      if (!got) continue;
      capped ||= got.capped;
      if (got.nitf) nitf ??= got.nitf;
      if (/^(?:headline|subheadline)$/iu.test(role)) {
        // BW sends its subheadline as bullets: one line each.
        roles.set(role.toLowerCase(), distinct(got.blocks.flatMap(blockLines)).join('; '));
      } else if (/^contact$/iu.test(role)) contacts.push(...got.blocks);
      else if (!NOT_BODY_ROLES.test(role)) body.push(...got.blocks);
    }
    const children = kids(el, 'NewsComponent');
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i] as XmlElement;
      stack.push({ el: child, role: roleOf(child) || role });
    }
  }
  return { blocks: [...body, ...contacts], roles, nitf, capped };
}

/** A block's text as lines: one per list item, else one. */
function blockLines(block: BlockNode): string[] {
  if (block.type === 'list') return block.children.flatMap((item) => inlineText(item.children as unknown as Inline[]));
  return 'children' in block ? inlineText(block.children as unknown as Inline[]) : [];
}

type Inline = { type: string; text?: string; children?: Inline[] };

function inlineText(nodes: Inline[]): string[] {
  const t = cleanField(nodes.map((n) => n.text ?? (n.type === 'linebreak' ? ' ' : inlineText(n.children ?? []).join(' '))).join(''));
  return t === '' ? [] : [t];
}

/** One ContentItem's text as blocks; null when it holds no text (a picture, a style sheet, a reference). */
function itemBlocks(item: XmlElement, zone: Zone): { blocks: BlockNode[]; nitf: Partial<ArticleFields> | null; capped: boolean } | null {
  const media = attr(kid(item, 'MediaType'), 'FormalName');
  const format = attr(kid(item, 'Format'), 'FormalName');
  const mime = attr(kid(item, 'MimeType'), 'FormalName');
  if ((media !== '' && !/^text$/iu.test(media)) || /css|jpe?g|gif|png|video|audio|quicktime|mpeg/iu.test(`${format} ${mime}`)) return null;
  const data = kid(item, 'DataContent');
  if (!data) return null;
  const elements = kids(data);
  const nitfEl = elements.find((e) => e.name === 'nitf');
  if (nitfEl) {
    const story = readNitf(nitfEl, zone);
    return { blocks: story.blocks, nitf: story.fields, capped: false };
  }
  const html = elements.find((e) => e.name === 'html');
  if (html) return { blocks: blocksFromNodes(kid(html, 'body')?.children ?? []), nitf: null, capped: false };
  if (elements.length > 0) return { blocks: blocksFromNodes(data.children), nitf: null, capped: false };
  const raw = textOf(data as HtmlNode, true);
  if (raw.trim() === '') return null;
  if (/html/iu.test(`${format} ${mime}`) || looksLikeHtml(raw)) {
    const { blocks, capped } = blocksFromHtmlString(raw);
    return { blocks, nitf: null, capped };
  }
  return { blocks: blocksFromPlainText(raw), nitf: null, capped: false };
}
