// A parsed HTML/XML tree (htmlparser2) to Lexical blocks. Shared by the HTML
// and NITF parsers: NITF's body.content is HTML-like (p, hl2, block, ul, …).
// Trees can be deep (see nesting.ts): the converters recurse at most
// MAX_NESTING levels and read anything deeper as plain lines of text, and the
// text helpers (textOf, flatLines) do not recurse at all.
import type { parseDocument } from 'htmlparser2';
import { heading, horizontalRule, lineBreak, linkNode, listItem, listOfItems, quote, textNode } from '../../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../../shared/editor/serialized.ts';
import type { BlockNode, InlineNode, ListItemNode, SerializedList, SerializedText } from '../../../../shared/editor/serialized.ts';
import { numberItems, para } from './blocks.ts';
import { safeUrl } from './inline.ts';

type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlNode = HtmlDocument['children'][number];
export type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'attribs' in node && 'name' in node;
}

/**
 * Runs of whitespace (any kind, no-break spaces included) as one space: the
 * same as replacing /[\s\u00A0]+/ runs, without rewriting the single spaces
 * between words, which are most of the text (4 × faster). No `u` flag: every
 * whitespace character is one UTF-16 unit outside the surrogates, so it
 * matches the same without it, 3 × faster.
 */
const COLLAPSIBLE = /\s{2,}|[^\S ]/g;

export function collapseWhitespace(text: string): string {
  return text.replace(COLLAPSIBLE, ' ');
}

/** Never content: scripts, styles, navigation, forms, embedded media. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'form', 'button', 'input', 'select', 'textarea', 'iframe', 'object',
  'embed', 'svg', 'canvas', 'video', 'audio', 'picture', 'img', 'figure', 'aside', 'footer', 'head', 'title', 'meta', 'link',
  'menu', 'dialog',
]);
const HEADINGS: Record<string, 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'> = {
  h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6', hl1: 'h2', hl2: 'h3',
};
const FORMATS: Record<string, number> = {
  b: TEXT_FORMAT.bold, strong: TEXT_FORMAT.bold, i: TEXT_FORMAT.italic, em: TEXT_FORMAT.italic, cite: TEXT_FORMAT.italic,
  u: TEXT_FORMAT.underline, s: TEXT_FORMAT.strikethrough, strike: TEXT_FORMAT.strikethrough, del: TEXT_FORMAT.strikethrough,
  code: TEXT_FORMAT.code, kbd: TEXT_FORMAT.code, tt: TEXT_FORMAT.code, sub: TEXT_FORMAT.subscript, sup: TEXT_FORMAT.superscript,
};
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'body', 'html', 'blockquote', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'hr',
  'table', 'tr', 'li', 'address', 'center', 'block', 'body.content', 'body.head', 'body.end', 'nitf', 'body', 'hedline',
  'figcaption', 'fieldset', 'details', 'summary', 'tbody', 'thead',
  ...Object.keys(HEADINGS),
]);

/**
 * Levels of markup read as structure (lists, quotes, formatting); deeper
 * content becomes plain paragraphs or text. Real articles nest far less, and
 * it bounds both the call stack here and the depth of the stored Lexical JSON.
 */
export const MAX_NESTING = 128;

export function blocksFromHtml(nodes: readonly HtmlNode[], skip: ReadonlySet<HtmlNode> = new Set(), level = 0): BlockNode[] {
  if (level > MAX_NESTING) return flatLines(nodes, skip).map((line) => para([textNode(line)]));
  const out: BlockNode[] = [];
  let inline: InlineNode[] = [];
  for (const node of nodes) {
    if (skip.has(node)) continue;
    if (!isElement(node)) {
      if (node.type === 'text') appendInline(inline, node, 0, skip, level);
      continue;
    }
    const name = node.name;
    if (DROP.has(name)) continue;
    if (!BLOCKS.has(name)) {
      appendInline(inline, node, 0, skip, level);
      continue;
    }
    pushParagraph(out, inline);
    inline = [];
    const tag = HEADINGS[name];
    if (tag) {
      const children = trimInline(inlineOf(node, skip, 0, level + 1));
      if (children.length > 0) out.push(heading(tag, children));
    } else if (name === 'blockquote') {
      const inner = blocksFromHtml(node.children, skip, level + 1);
      const children: InlineNode[] = [];
      for (const b of inner) {
        if (b.type === 'horizontalrule' || b.type === 'list') continue;
        if (children.length > 0) children.push(lineBreak());
        children.push(...b.children);
      }
      if (children.length > 0) out.push(quote(children));
    } else if (name === 'ul' || name === 'ol') {
      const l = listOf(node, skip, 0, level + 1);
      if (l.children.length > 0) out.push(l);
    } else if (name === 'hr') {
      out.push(horizontalRule());
    } else if (name === 'pre') {
      const lines = textOf(node).replace(/\n$/u, '').split('\n');
      const children: InlineNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) children.push(lineBreak());
        if (line !== '') children.push(textNode(line, TEXT_FORMAT.code));
      });
      if (children.length > 0) out.push(para(children));
    } else {
      out.push(...blocksFromHtml(node.children, skip, level + 1));
    }
  }
  pushParagraph(out, inline);
  return out;
}

/**
 * The inline run gathered so far as a paragraph, unless it is blank. A module
 * function, not a closure: the source runner (tsx) names every closure it
 * creates, which cost 2 % of a feed's parse.
 */
function pushParagraph(out: BlockNode[], inline: InlineNode[]): void {
  const trimmed = trimInline(inline);
  if (trimmed.length > 0) out.push(para(trimmed));
}

/** `depth`: Lexical indents the items of a nested list by their nesting level; `level`: markup depth (MAX_NESTING). */
function listOf(node: HtmlElement, skip: ReadonlySet<HtmlNode>, depth: number, level: number): SerializedList {
  const items: ListItemNode[] = [];
  const numbered = node.name === 'ol';
  const start = numbered ? Number.parseInt(node.attribs.start ?? '1', 10) || 1 : 1;
  for (const child of node.children) {
    if (!isElement(child) || child.name !== 'li' || skip.has(child)) continue;
    const inline: InlineNode[] = [];
    const nested: SerializedList[] = [];
    /** Lists nested too deep to keep as lists: their lines become items at this level. */
    const flattened: ListItemNode[] = [];
    for (const c of child.children) {
      if (isElement(c) && (c.name === 'ul' || c.name === 'ol')) {
        if (level + 2 > MAX_NESTING) for (const line of flatLines([c], skip)) flattened.push(listItem([textNode(line)]));
        else nested.push(listOf(c, skip, depth + 1, level + 2));
      } else if (isElement(c) && BLOCKS.has(c.name)) {
        if (inline.length > 0) inline.push(textNode(' '));
        inline.push(...inlineOf(c, skip, 0, level + 2));
      } else appendInline(inline, c, 0, skip, level + 2);
    }
    const trimmed = trimInline(inline);
    if (trimmed.length > 0) items.push(listItem(trimmed));
    for (const item of flattened) items.push(item);
    // Lexical keeps a nested list in a list item of its own.
    for (const n of nested) if (n.children.length > 0) items.push(listItem([n]));
  }
  numberItems(items, start);
  for (const item of items) item.indent = depth;
  return listOfItems(numbered ? 'number' : 'bullet', items, start);
}

function inlineOf(node: HtmlElement, skip: ReadonlySet<HtmlNode>, format: number, level: number): InlineNode[] {
  const out: InlineNode[] = [];
  for (const c of node.children) appendInline(out, c, format, skip, level);
  return out;
}

function appendInline(out: InlineNode[], node: HtmlNode, format: number, skip: ReadonlySet<HtmlNode>, level: number): void {
  if (skip.has(node)) return;
  if (level > MAX_NESTING && node.type !== 'text') {
    // Too deep for formatting: its words, in the format reached so far.
    pushText(out, flatLines([node], skip).join(' '), format);
    return;
  }
  if (node.type === 'text') {
    pushText(out, (node as { data: string }).data, format);
    return;
  }
  if (!isElement(node) || DROP.has(node.name)) return;
  if (node.name === 'br') {
    out.push(lineBreak());
    return;
  }
  if (node.name === 'a') {
    const url = safeUrl(node.attribs.href ?? '');
    const children = inlineOf(node, skip, format, level + 1);
    const texts = children.filter((c): c is SerializedText => c.type === 'text');
    if (url && texts.length > 0) out.push(linkNode(url, texts));
    else out.push(...children);
    return;
  }
  const extra = FORMATS[node.name] ?? 0;
  for (const c of node.children) appendInline(out, c, format | extra, skip, level + 1);
}

function pushText(out: InlineNode[], raw: string, format: number): void {
  const text = collapseWhitespace(raw);
  if (text === '') return;
  const prev = out[out.length - 1];
  // Pieces are already collapsed, so a double space can only form at the seam (and
  // re-collapsing the whole run on every append would be quadratic in wide paragraphs).
  if (prev?.type === 'text' && prev.format === format) prev.text += prev.text.endsWith(' ') && text.startsWith(' ') ? text.slice(1) : text;
  else out.push(textNode(text, format));
}

/** Drop leading/trailing spaces and line breaks of a run of inline nodes (the run is not used again: it may be returned). */
function trimInline(nodes: InlineNode[]): InlineNode[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start] as InlineNode)) start += 1;
  while (end > start && isBlank(nodes[end - 1] as InlineNode)) end -= 1;
  const out = start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
  // trimStart/trimEnd remove exactly what /^\s+/ and /\s+$/ match; a node is copied only when its text changes.
  const first = out[0];
  if (first?.type === 'text') {
    const text = first.text.trimStart();
    if (text !== first.text) out[0] = { ...first, text };
  }
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    const text = last.text.trimEnd();
    if (text !== last.text) out[out.length - 1] = { ...last, text };
  }
  return out;
}

function isBlank(node: InlineNode): boolean {
  return node.type === 'linebreak' || (node.type === 'text' && node.text.trim() === '');
}

/**
 * All the text under a node, whitespace collapsed (kept as is for <pre>, the
 * document root, or `raw`). Scripts and styles are skipped. Iterative: one
 * pass over the subtree however deep it is.
 */
export function textOf(node: HtmlNode, raw = false): string {
  const keep = raw || node.type === 'root' || (isElement(node) && node.name === 'pre');
  let out = '';
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as HtmlNode;
    if (n.type === 'text') {
      out += (n as { data: string }).data;
      continue;
    }
    if (!('children' in n) || (isElement(n) && (n.name === 'script' || n.name === 'style'))) continue;
    const children = (n as { children: HtmlNode[] }).children;
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as HtmlNode);
  }
  return keep ? out : collapseWhitespace(out).trim();
}

const BLOCK_END = Symbol('block end');

/**
 * The text under nodes as lines, iteratively: a block element or <br> ends a
 * line, whitespace is collapsed, dropped elements (scripts, navigation, …) and
 * `skip` are left out. For content nested too deep to convert.
 */
export function flatLines(nodes: readonly HtmlNode[], skip: ReadonlySet<HtmlNode>): string[] {
  let out = '';
  const stack: Array<HtmlNode | typeof BLOCK_END> = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as HtmlNode | typeof BLOCK_END;
    if (n === BLOCK_END) {
      out += '\n';
      continue;
    }
    if (skip.has(n)) continue;
    if (n.type === 'text') {
      out += collapseWhitespace((n as { data: string }).data);
      continue;
    }
    if (!isElement(n) || DROP.has(n.name)) continue;
    if (n.name === 'br') {
      out += '\n';
      continue;
    }
    if (BLOCKS.has(n.name)) {
      out += '\n';
      stack.push(BLOCK_END);
    }
    for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i] as HtmlNode);
  }
  return out
    .split('\n')
    .map((line) => line.replace(/ {2,}/gu, ' ').trim())
    .filter((line) => line !== '');
}
