// Small readers over the XML tree (xml/tree.ts): children by local name,
// attribute and text values, qcodes. Iterative where they walk subtrees (a
// tree may be up to MAX_PARSE_DEPTH deep).
import { Element, Text } from 'domhandler';
import { textOf } from '../htmlBlocks.ts';
import type { XmlElement } from './tree.ts';
import { cleanField } from './text.ts';

/** Element children, optionally only those with this local name (and namespace). */
export function kids(el: XmlElement | null | undefined, local?: string, ns?: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c instanceof Element && (local === undefined || c.name === local) && (ns === undefined || c.namespace === ns)) out.push(c);
  }
  return out;
}

export function kid(el: XmlElement | null | undefined, local: string, ns?: string): XmlElement | null {
  if (!el) return null;
  for (const c of el.children) if (c instanceof Element && c.name === local && (ns === undefined || c.namespace === ns)) return c;
  return null;
}

/** The first element at this path of local names (`kidPath(item, 'contentMeta', 'headline')`). */
export function kidPath(el: XmlElement | null | undefined, ...path: string[]): XmlElement | null {
  let at: XmlElement | null | undefined = el;
  for (const local of path) at = kid(at, local);
  return at ?? null;
}

/** Every descendant element (document order), optionally with this local name. */
export function descendants(el: XmlElement | null | undefined, local?: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  const stack = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop();
    if (!(n instanceof Element)) continue;
    if (local === undefined || n.name === local) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i] as (typeof n.children)[number]);
  }
  return out;
}

/** The first descendant with this local name. */
export function find(el: XmlElement | null | undefined, local: string): XmlElement | null {
  if (!el) return null;
  const stack = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop();
    if (!(n instanceof Element)) continue;
    if (n.name === local) return n;
    for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i] as (typeof n.children)[number]);
  }
  return null;
}

/** An attribute's trimmed value ('' when absent). */
export function attr(el: XmlElement | null | undefined, name: string): string {
  return el?.attribs[name]?.trim() ?? '';
}

/** The element's text, whitespace collapsed and cleaned for a field ('' for no element). */
export function text(el: XmlElement | null | undefined): string {
  return el ? cleanField(textOf(el)) : '';
}

/** The text of the element's own text children only (not of child elements). */
export function ownText(el: XmlElement | null | undefined): string {
  if (!el) return '';
  return cleanField(el.children.filter((c): c is Text => c instanceof Text).map((c) => c.data).join(' '));
}

/** True when the element holds any element children. */
export function hasElements(el: XmlElement): boolean {
  return el.children.some((c) => c instanceof Element);
}

/** `medtop:20000523` → { scheme: 'medtop', code: '20000523' }; a URI or bare code has scheme ''. */
export function qcode(value: string): { scheme: string; code: string } {
  const v = value.trim();
  const colon = v.indexOf(':');
  if (colon <= 0 || /^[a-z][a-z0-9+.-]*:\/\//iu.test(v)) return { scheme: '', code: v };
  return { scheme: v.slice(0, colon), code: v.slice(colon + 1) };
}

/** The element's language (`xml:lang`), looking up through its ancestors. */
export function langOf(el: XmlElement | null | undefined): string {
  for (let at: XmlElement | null | undefined = el; at; at = at.parent instanceof Element ? at.parent : null) {
    const lang = at.attribs['xml:lang'];
    if (lang) return lang.trim();
  }
  return '';
}
