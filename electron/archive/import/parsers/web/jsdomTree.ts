// JSDOMParser's document for an htmlparser2 tree, built node by node: the
// document `new JSDOMParser().parse(serializeForJsdomParser(root))` returns,
// without writing the page out as markup and reading it back (on a saved
// page, a quarter of what the extraction costs besides Readability itself).
//
// It follows what that round trip does, step by step: dom-serializer writes
// text with `escapeText` and attributes with `escapeAttribute` (utf8 mode,
// `&nbsp;` then spelled `&#160;`), JSDOMParser keeps a text node's markup and
// decodes it lazily (`_innerHTML`), decodes attribute values when it reads
// them, merges the text on either side of a node the strip removed (there is
// no tag between them any more), drops directives and processing instructions
// as comments, and names the document's title, head, body and root element as
// it closes each element. Its decoder is its own (two passes: `&amp;#39;`
// reads as `'`), so values with an `&` go through it, by a text node. A page
// whose directive holds a quote (JSDOMParser would read on to the next quote)
// takes the round trip itself. Tested against the round trip on generated
// markup (security.test.ts).
import { escapeAttribute, escapeText } from 'entities';
import type { HtmlNode } from '../htmlBlocks.ts';

/** The parts of JSDOMParser's DOM that the build uses. */
interface JsText {
  childNodes: unknown[];
  innerHTML: string;
  textContent: string;
}
interface JsElement {
  localName: string;
  textContent: string;
  setAttribute(name: string, value: string): void;
  appendChild(child: JsElement | JsText): void;
}
interface JsDocument {
  title: string;
  head?: JsElement;
  body?: JsElement;
  documentElement?: JsElement;
  childNodes: unknown[];
  createElement(tag: string): JsElement;
  appendChild(child: JsElement | JsText): void;
}
type JsParserClass = new () => { parse(html: string, url?: string): unknown };

type Parent = { children: HtmlNode[] };

let textPrototype: object | null = null;

/** True when the tree has a node the build does not follow (then the caller serializes and parses instead). */
export function needsRoundTrip(root: Parent): boolean {
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Parent;
    for (const c of node.children) {
      if (c.type === 'directive' && /["']/u.test((c as { data: string }).data)) return true;
      if (c.type === 'cdata') return true;
      // JSDOMParser reads an attribute's name up to the next '=', so a name that holds one
      // (htmlparser2 keeps `=<` from `<p =</p>`) splits there: let it read the markup.
      const attribs = (c as { attribs?: Record<string, string> }).attribs;
      if (attribs && Object.keys(attribs).some((name) => name.includes('='))) return true;
      if ('children' in c) stack.push(c as Parent);
    }
  }
  return false;
}

/**
 * A tag or attribute name as JSDOMParser reads it: dom-serializer writes names
 * raw, and serializeForJsdomParser's `&nbsp;` → `&#160;` over the whole markup
 * reaches into a name that holds one (htmlparser2 keeps `&` in names).
 */
function markupName(name: string): string {
  return name.includes('&') ? name.replaceAll('&nbsp;', '&#160;') : name;
}

/** The text as dom-serializer writes it for JSDOMParser (serializeForJsdomParser). */
function textMarkup(data: string): string {
  return escapeText(data).replaceAll('&nbsp;', '&#160;');
}

/**
 * The document JSDOMParser makes of `serializeForJsdomParser(root)` (`root`
 * already stripped of code, frames and comments: see extract.ts), built from
 * the tree.
 */
export function buildJsdomDocument(Parser: JsParserClass, root: Parent, url: string): unknown {
  // A parser instance reads one document (it keeps its position).
  const doc = new Parser().parse('', url) as JsDocument;
  // Text nodes as JSDOMParser's reader makes them (its Text constructor is not exported: its prototype, from a parsed one).
  textPrototype ??= Object.getPrototypeOf((new Parser().parse('x') as { childNodes: unknown[] }).childNodes[0]) as object;
  const proto = textPrototype;
  const newText = (markup: string): JsText => {
    const node = Object.create(proto) as JsText;
    node.childNodes = [];
    node.innerHTML = markup;
    return node;
  };
  const decoder = newText('');
  /** An attribute value as JSDOMParser reads it back from dom-serializer's markup. */
  const attributeValue = (value: string): string => {
    if (!value.includes('&')) return value; // escaping and decoding give back the same string
    decoder.innerHTML = escapeAttribute(value).replaceAll('&nbsp;', '&#160;');
    return decoder.textContent;
  };
  // Iterative, in document order: a frame per open element, children appended as JSDOMParser's readChildren does.
  interface Frame {
    source: HtmlNode[];
    index: number;
    target: JsDocument | JsElement;
    element: JsElement | null;
    /** Markup of consecutive text nodes not yet appended (one text node to JSDOMParser). */
    text: string;
  }
  const flushText = (frame: Frame) => {
    if (frame.text === '') return;
    frame.target.appendChild(newText(frame.text));
    frame.text = '';
  };
  const stack: Frame[] = [{ source: root.children, index: 0, target: doc, element: null, text: '' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.index >= frame.source.length) {
      flushText(frame);
      stack.pop();
      if (frame.element) closed(doc, frame.element);
      continue;
    }
    const node = frame.source[frame.index] as HtmlNode;
    frame.index += 1;
    if (node.type === 'text') {
      frame.text += textMarkup((node as { data: string }).data);
      continue;
    }
    if (!('attribs' in node && 'name' in node)) {
      // A directive or processing instruction: JSDOMParser reads it as a comment and drops it, but it ends the text before it.
      if (node.type === 'directive') flushText(frame);
      continue;
    }
    flushText(frame);
    const element = doc.createElement(markupName(node.name));
    for (const name in node.attribs) if (Object.hasOwn(node.attribs, name)) element.setAttribute(markupName(name), attributeValue(node.attribs[name] as string));
    frame.target.appendChild(element);
    stack.push({ source: node.children, index: 0, target: element, element, text: '' });
  }
  // As JSDOMParser's parse ends: an HTML document keeps only its <html> element at the root.
  if (doc.documentElement)
    for (let i = doc.childNodes.length; --i >= 0; ) {
      const child = doc.childNodes[i] as unknown;
      if (child !== doc.documentElement) (child as { remove(): void }).remove();
    }
  return doc;
}

/** What JSDOMParser's readNode notes about an element once it is read whole. */
function closed(doc: JsDocument, node: JsElement): void {
  const name = node.localName;
  if (name === 'title' && !doc.title) doc.title = node.textContent.trim();
  else if (name === 'head') doc.head = node;
  else if (name === 'body') doc.body = node;
  else if (name === 'html') doc.documentElement = node;
}
