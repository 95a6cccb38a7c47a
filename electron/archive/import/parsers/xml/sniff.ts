// Cheap detection for the XML formats: the root element's name and namespace,
// read from the first few kilobytes (input.head) without parsing the file.
// Every XML parser's detect() asks this once per file (cached).
import type { ParseInput } from '../types.ts';

export interface XmlRoot {
  /** The root element's name as written (`rdf:RDF`, `newsMessage`). */
  qname: string;
  prefix: string;
  local: string;
  /** The namespace the root element is in ('' when none is declared). */
  namespace: string;
  /** Attributes of the root start tag, by qualified name. */
  attrs: Record<string, string>;
  /** The file starts with an XML declaration (`<?xml …?>`). */
  declared: boolean;
}

const cache = new WeakMap<ParseInput, XmlRoot | null>();

/** The root element of an XML document, or null when the text does not start like one. */
export function xmlRoot(input: ParseInput): XmlRoot | null {
  if (cache.has(input)) return cache.get(input) ?? null;
  const root = sniffRoot(input.head);
  cache.set(input, root);
  return root;
}

const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/iu;
const START = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>?/u;
const ATTR = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

export function sniffRoot(head: string): XmlRoot | null {
  let rest = head.replace(/^\uFEFF/u, '');
  const declared = /^\s*<\?xml[\s?]/u.test(rest);
  for (let m = PROLOG.exec(rest); m && m[0].length > 0; m = PROLOG.exec(rest)) rest = rest.slice(m[0].length);
  const start = START.exec(rest);
  if (!start) return null;
  const qname = start[1] as string;
  const attrs: Record<string, string> = {};
  for (const a of (start[2] ?? '').matchAll(ATTR)) attrs[a[1] as string] = decodeAttr(a[2] ?? a[3] ?? '');
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  const namespace = (prefix === '' ? attrs.xmlns : attrs[`xmlns:${prefix}`]) ?? '';
  return { qname, prefix, local, namespace, attrs, declared };
}

function decodeAttr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/gu, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string);
}

/** True when a namespace URI starting with `prefix` is declared on the root (`xmlns:wp="http://wordpress.org/export/1.2/"`). */
export function declaresNamespace(root: XmlRoot, prefix: string): boolean {
  return Object.entries(root.attrs).some(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && v.startsWith(prefix));
}
