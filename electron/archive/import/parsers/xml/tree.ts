// Strict, namespace-aware XML parsing for the XML formats (NewsML-G2, NewsML
// 1.2, NITF, RSS/RDF/Atom, WordPress WXR). saxes checks well-formedness and
// reports the line and column of the first error, which is what a user needs
// to fix a broken file; htmlparser2 (used for HTML pages) accepts anything and
// resolves no namespaces. The tree is built from domhandler nodes — the shapes
// htmlparser2 produces — so htmlBlocks.ts turns XHTML/NITF content into
// Lexical blocks unchanged. Element `name` is the LOCAL name, `namespace` the
// resolved URI, attributes are keyed by their qualified name as written.
import { Document, Element, Text } from 'domhandler';
import { decodeHTML } from 'entities';
import { SaxesParser } from 'saxes';
import { MAX_PARSE_DEPTH } from '../nesting.ts';

export type XmlElement = Element;

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`malformed XML at line ${line}, column ${column}: ${reason}`);
  }
}

export interface XmlTree {
  root: XmlElement;
  /** True when elements nested deeper than MAX_PARSE_DEPTH were flattened into their text (flag `deep-nesting`). */
  capped: boolean;
}

/** Removed elements become a space so words of sibling blocks stay apart, except inline formatting. */
const INLINE = new Set(['a', 'b', 'em', 'i', 'span', 'strong', 'u', 'sub', 'sup', 'person', 'org', 'location', 'chron', 'money', 'num']);

/** Namespace URIs the parsers compare against. */
export const NS = {
  g2: 'http://iptc.org/std/nar/2006-10-01/',
  nitf: 'http://iptc.org/std/NITF/2006-10-18/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  rss1: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
} as const;

/** An undeclared prefix (common in hand-made feeds) resolves to this instead of failing the file. */
const UNBOUND = 'urn:copydesk:unbound-prefix:';

/**
 * Parse XML text into an element tree. Throws XmlSyntaxError on the first
 * well-formedness error. The declared encoding is ignored: the text is
 * already decoded (a file that declares iso-8859-1 but is UTF-8 parses fine).
 * HTML named entities (`&nbsp;`, `&eacute;`), which XHTML and feeds use
 * without declaring them, resolve to their characters.
 */
export function parseXml(source: string): XmlTree {
  // A BOM or blank lines before the XML declaration are not the author's intent; strict XML forbids them.
  const trimmed = source.replace(/^[\uFEFF\s]+/u, '');
  // Tags nested beyond the cap are removed first (one linear pass, only for files that need it), so the
  // parser never holds tens of thousands of open elements.
  const markup = capXmlNesting(trimmed, MAX_PARSE_DEPTH);
  const text = markup.text;
  // Namespaces are resolved here, not by saxes: its resolver walks the whole open-element stack for
  // every element, which is quadratic on deep files. A scope is shared until an element declares a prefix.
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.ENTITIES = htmlEntities(parser.ENTITIES);
  const document = new Document([]);
  const stack: Array<Document | Element> = [document];
  const scopes: Scope[] = [ROOT_SCOPE];
  /** Open elements beyond the depth cap: not in the tree, their text goes to the deepest kept element. */
  let dropped = 0;
  let capped = markup.capped;
  const top = () => stack[stack.length - 1] as Document | Element;
  const addText = (data: string) => {
    const parent = top();
    if (parent === document) return;
    const last = parent.children[parent.children.length - 1];
    if (last instanceof Text) last.data += data;
    else append(parent, new Text(data));
  };
  parser.on('opentag', (tag) => {
    const attribs = tag.attributes as Record<string, string>;
    const colon = tag.name.indexOf(':');
    const local = colon === -1 ? tag.name : tag.name.slice(colon + 1);
    if (stack.length > MAX_PARSE_DEPTH) {
      dropped += 1;
      capped = true;
      if (!INLINE.has(local)) addText(' ');
      return;
    }
    const scope = scopeFor(scopes[scopes.length - 1] as Scope, attribs);
    const prefix = colon === -1 ? '' : tag.name.slice(0, colon);
    const el = new Element(local, { ...attribs }, []);
    el.namespace = scope[prefix] ?? (prefix === '' ? '' : `${UNBOUND}${prefix}`);
    append(top(), el);
    stack.push(el);
    scopes.push(scope);
  });
  parser.on('closetag', (tag) => {
    if (dropped > 0) {
      dropped -= 1;
      if (!INLINE.has(tag.name.slice(tag.name.indexOf(':') + 1))) addText(' ');
      return;
    }
    stack.pop();
    scopes.pop();
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    const m = /^(\d+):(\d+): ([\s\S]*)$/u.exec(error.message);
    throw m ? new XmlSyntaxError(Number(m[1]), Number(m[2]), (m[3] as string).replace(/\.$/u, '')) : error;
  });
  parser.write(text).close();
  const root = document.children.find((n): n is Element => n instanceof Element);
  if (!root) throw new XmlSyntaxError(1, 1, 'no root element');
  return { root, capped };
}

/** Tags, and what is not a tag: CDATA, comments, declarations, processing instructions. */
const TAG = /<(?:!\[CDATA\[[\s\S]*?\]\]>|!--[\s\S]*?-->|[?!][^>]*>|(\/?)([^\s>/]+)(?:"[^"]*"|'[^']*'|[^>"'])*?(\/?)>)/gu;

/**
 * The text with every tag nested deeper than `limit` removed (their text
 * stays in place; a block tag becomes a space). One regex pass, and none at
 * all for files with fewer tags than the limit. The parser then never holds
 * tens of thousands of open elements.
 */
export function capXmlNesting(text: string, limit: number): { text: string; capped: boolean } {
  let tags = 0;
  for (let i = text.indexOf('<'); i !== -1 && tags <= limit; i = text.indexOf('<', i + 1)) tags += 1;
  if (tags <= limit) return { text, capped: false };
  let depth = 0;
  const parts: string[] = [];
  let at = 0;
  const re = new RegExp(TAG.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] === undefined) continue;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    const deep = closing ? depth > limit : depth >= limit;
    if (closing) depth -= 1;
    else if (!selfClosing) depth += 1;
    if (!deep) continue;
    const name = (m[2] as string).slice((m[2] as string).indexOf(':') + 1);
    parts.push(text.slice(at, m.index), INLINE.has(name) ? '' : ' ');
    at = m.index + m[0].length;
  }
  if (parts.length === 0) return { text, capped: false };
  parts.push(text.slice(at));
  return { text: parts.join(''), capped: true };
}

type Scope = Readonly<Record<string, string>>;

const ROOT_SCOPE: Scope = { xml: NS.xml, xmlns: 'http://www.w3.org/2000/xmlns/' };

/** The prefixes in scope for an element: its parent's, plus what it declares (a new object only then). */
function scopeFor(parent: Scope, attribs: Record<string, string>): Scope {
  let scope: Record<string, string> | null = null;
  for (const name in attribs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= { ...parent };
    scope[name === 'xmlns' ? '' : name.slice(6)] = attribs[name] as string;
  }
  return scope ?? parent;
}

function append(parent: Document | Element, node: Element | Text): void {
  const prev = parent.children[parent.children.length - 1] ?? null;
  node.parent = parent;
  node.prev = prev;
  if (prev) prev.next = node;
  parent.children.push(node);
}

const entityCache = new Map<string, string | undefined>();

/** The character an HTML named entity stands for; undefined when HTML has no such entity. */
export function htmlEntity(name: string): string | undefined {
  if (entityCache.has(name)) return entityCache.get(name);
  let value: string | undefined;
  // Only complete references: `&amp` without its semicolon is not one in XML.
  if (/^[A-Za-z][A-Za-z0-9]{1,31}$/u.test(name)) {
    const decoded = decodeHTML(`&${name};`);
    // A legacy prefix (`&ampx;` → `&x;`) is not this entity: a whole one decodes to one or two characters.
    value = decoded !== `&${name};` && !decoded.includes(';') && [...decoded].length <= 2 ? decoded : undefined;
  }
  entityCache.set(name, value);
  return value;
}

/** XML's five entities plus every HTML named entity, looked up only when a file uses one. */
function htmlEntities(xml: Record<string, string>): Record<string, string> {
  return new Proxy(xml, { get: (target, name) => (typeof name !== 'string' ? undefined : (target[name] ?? htmlEntity(name))) });
}
