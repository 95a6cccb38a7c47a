// A small XML tree and its one serializer, for the interchange exports (NITF,
// NewsML-G2). Article text only ever reaches XML as a text node or attribute
// value of this tree, and `escapeXml` is the one function that writes either:
// no string is concatenated into markup anywhere else. Element and attribute
// names are the exporter's own constants and are checked anyway.
import { cleanText } from './escape.ts';

export type XmlNode = XmlElement | string;

export interface XmlElement {
  name: string;
  attrs: ReadonlyArray<readonly [string, string]>;
  children: XmlNode[];
}

type AttrValue = string | number | null | undefined | false;

/** An element; attributes whose value is null, undefined, false or '' are left out. Children that are '' are dropped. */
export function el(name: string, attrs: Record<string, AttrValue> = {}, ...children: Array<XmlNode | null | undefined | false>): XmlElement {
  const list: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false || value === '') continue;
    list.push([key, String(value)]);
  }
  return { name, attrs: list, children: children.filter((c): c is XmlNode => c !== null && c !== undefined && c !== false && c !== '') };
}

// Characters XML 1.0 cannot carry at all (cleanText already drops C0/C1 controls
// and replaces lone surrogates): the two noncharacters at the end of the BMP.
const NOT_XML = /[\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\t': '&#9;', '\n': '&#10;' };

/**
 * Text for an XML text node (`attribute = false`) or a double-quoted
 * attribute value. CR is always written as a reference (parsers would fold
 * it into LF); in attributes tab and LF are too (parsers would fold them into spaces).
 */
export function escapeXml(text: string, attribute = false): string {
  const clean = cleanText(text).replace(NOT_XML, '');
  return attribute ? clean.replace(/[&<>"\r\t\n]/g, (c) => ESCAPES[c] ?? c) : clean.replace(/[&<>\r]/g, (c) => ESCAPES[c] ?? c);
}

const NAME = /^[A-Za-z_][\w.:-]*$/u;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${JSON.stringify(name)}`);
  return name;
}

export interface SerializeOptions {
  /** Indent child elements of elements that hold no text (default true). Mixed content is never indented. */
  indent?: boolean;
}

/** The document: an XML declaration (UTF-8) and the root element. */
export function serializeXmlDocument(root: XmlElement, options: SerializeOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root, options)}\n`;
}

export function serializeXml(root: XmlElement, options: SerializeOptions = {}): string {
  const out: string[] = [];
  // Iterative: a body may be deeply nested (quotes in lists in quotes…).
  type Frame = { node: XmlNode; depth: number; pretty: boolean } | { close: string; depth: number; pretty: boolean };
  const stack: Frame[] = [{ node: root, depth: 0, pretty: options.indent !== false }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('close' in frame) {
      if (frame.pretty) out.push('\n', '  '.repeat(frame.depth));
      out.push(`</${frame.close}>`);
      continue;
    }
    const { node, depth } = frame;
    if (typeof node === 'string') {
      out.push(escapeXml(node));
      continue;
    }
    const name = checkName(node.name);
    const attrs = node.attrs.map(([k, v]) => ` ${checkName(k)}="${escapeXml(v, true)}"`).join('');
    if (node.children.length === 0) {
      out.push(`<${name}${attrs}/>`);
      continue;
    }
    out.push(`<${name}${attrs}>`);
    // Elements with only element children are laid out one per line; mixed content is written as is.
    const pretty = frame.pretty && node.children.every((c) => typeof c !== 'string');
    stack.push({ close: name, depth, pretty });
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i] as XmlNode;
      stack.push({ node: child, depth: depth + 1, pretty });
      if (pretty) stack.push({ node: `\n${'  '.repeat(depth + 1)}`, depth, pretty: false } as Frame);
    }
  }
  return out.join('');
}
