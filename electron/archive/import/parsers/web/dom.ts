// Small helpers over htmlparser2's tree (domhandler nodes) that the HTML
// parser's two paths share: every element in document order, ancestors,
// attribute tokens, and text cleaned for a field. Iterative, so deep trees
// cost no stack.
import { decodeHTML } from 'entities';
import { type HtmlElement, type HtmlNode, isElement, textOf } from '../htmlBlocks.ts';

export const PARSE_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/** Every element under `nodes`, in document order. */
export function descendants(nodes: readonly HtmlNode[]): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as HtmlNode);
  }
  return out;
}

/** How deep elements nest under `nodes` (1 for a flat list), and how many there are. */
export function treeShape(nodes: readonly HtmlNode[]): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[HtmlNode, number]> = nodes.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [HtmlNode, number];
    if (!isElement(node)) continue;
    elements += 1;
    if (d > depth) depth = d;
    for (const c of node.children) stack.push([c as HtmlNode, d + 1]);
  }
  return { depth, elements };
}

/** True when an ancestor of `el` (not `el` itself) satisfies `test`. */
export function hasAncestor(el: HtmlElement, test: (a: HtmlElement) => boolean): boolean {
  for (let p = el.parent; p; p = p.parent) if (isElement(p as HtmlNode) && test(p as HtmlElement)) return true;
  return false;
}

/** Lower-case tokens of an attribute (`class="story-byline Date"` → story-byline, date). */
export function tokens(el: HtmlElement, attr: string): string[] {
  return (el.attribs[attr] ?? '').toLowerCase().split(/\s+/u).filter((t) => t !== '');
}

/**
 * A value as field text: whitespace collapsed to single spaces. Never read
 * as markup again: attribute values and JSON-LD strings are text already, and
 * `<it>` or `&amp;` in them is what the writer meant (an export of ours reads
 * back unchanged).
 */
export function fieldText(value: string | null | undefined): string {
  return value ? value.replace(/[\s\u00A0\u200B]+/gu, ' ').trim() : '';
}

const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/u;

/**
 * A <meta> value as field text. The HTML parser has decoded its entities
 * once; entities still in it were encoded twice by the CMS (`&amp;quot;Blue
 * House&amp;quot;`), which readers show decoded, so they are decoded once more.
 */
export function metaText(value: string | null | undefined): string {
  return fieldText(value && ENTITY.test(value) ? decodeHTML(value) : value);
}

/** The element's text as a field (scripts and styles skipped). */
export function elementText(el: HtmlElement): string {
  return fieldText(textOf(el));
}

/** Comparison key: case, punctuation and spacing ignored. */
export function sameText(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
  const ka = key(a);
  return ka !== '' && ka === key(b);
}
