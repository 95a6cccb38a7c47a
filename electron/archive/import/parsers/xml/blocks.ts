// Story content of the XML formats to Lexical blocks, through htmlBlocks.ts
// (headings, lists, quotes, safe links, bold/italic; safe on deep trees).
// Before converting, the tree is corrected for what wires do to markup:
// a whole hard-wrapped story inside one <p> (Reuters), hard line breaks
// (<br/>) at a fixed width inside paragraphs (AAP), entities escaped twice.
import { Element, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { lineBreak, textNode } from '../../../../../shared/editor/build.ts';
import { TEXT_FORMAT, type BlockNode, type InlineNode } from '../../../../../shared/editor/serialized.ts';
import { para } from '../blocks.ts';
import { blocksFromHtml, type HtmlNode, textOf } from '../htmlBlocks.ts';
import { capNesting } from '../nesting.ts';
import { decodeLeftoverEntities } from './text.ts';
import { hasTable, usesIndentParagraphs, wireSegments } from './wireText.ts';

type Node = Element['children'][number];

/** Never story text in XML content: NITF media (captions, producers) and notes to editors, XHTML heads. */
const DROP = new Set(['media', 'note', 'head', 'title', 'meta', 'link', 'style', 'script']);
const TEXT_HOLDERS = new Set(['p', 'body', 'div', 'block']);

export interface ContentOptions {
  /** Nodes left out (a headline or byline that is a field, not body). */
  skip?: ReadonlySet<HtmlNode>;
}

/** Blocks from XML content nodes (XHTML or NITF elements and text). Mutates the nodes: they belong to this parse. */
export function blocksFromNodes(nodes: readonly Node[], options: ContentOptions = {}): BlockNode[] {
  const kept = correctTree(nodes);
  const blocks = dropOrphanLabels(blocksFromHtml(kept as HtmlNode[], options.skip ?? new Set()));
  // A rule before or after everything separates nothing.
  while (blocks[0]?.type === 'horizontalrule') blocks.shift();
  while (blocks[blocks.length - 1]?.type === 'horizontalrule') blocks.pop();
  for (const b of blocks) {
    if (b.type === 'list') for (const item of b.children) item.children = tidyBreaks(item.children as InlineNode[]) as typeof item.children;
    else if ('children' in b) b.children = tidyBreaks(b.children as InlineNode[]) as typeof b.children;
  }
  return blocks;
}

/** Spaces around a line break are the source's indentation, not text (`Dell<br/>  Lauren Mauro`). */
function tidyBreaks(nodes: InlineNode[]): InlineNode[] {
  if (!nodes.some((n) => n.type === 'linebreak')) return nodes;
  return nodes
    .map((n, i) => {
      if (n.type !== 'text') return n;
      let t = n.text;
      if (nodes[i + 1]?.type === 'linebreak') t = t.replace(/\s+$/u, '');
      if (nodes[i - 1]?.type === 'linebreak') t = t.replace(/^\s+/u, '');
      return t === n.text ? n : { ...n, text: t };
    })
    .filter((n) => n.type !== 'text' || n.text !== '');
}

/**
 * A label heading left with nothing under it once an embed code was dropped
 * ("Embed (large):" followed by the next label or the end): not copy either.
 */
function dropOrphanLabels(blocks: BlockNode[]): BlockNode[] {
  const out = [...blocks];
  for (let i = out.length - 1; i >= 0; i -= 1) {
    const b = out[i] as BlockNode;
    if (b.type !== 'heading') continue;
    const next = out[i + 1];
    const label = b.children.map((c) => ('text' in c ? c.text : '')).join('').trim();
    if (next === undefined || (next.type === 'heading' && label.endsWith(':'))) out.splice(i, 1);
  }
  return out;
}

/** Blocks from an HTML string (RSS content:encoded, a CDATA body). `base` makes relative links absolute. */
export function blocksFromHtmlString(html: string, base = ''): { blocks: BlockNode[]; capped: boolean } {
  const markup = capNesting(html, false);
  const doc = parseDocument(markup.text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  if (base !== '') absolutizeLinks(doc.children as Node[], base);
  return { blocks: blocksFromNodes(doc.children as Node[]), capped: markup.capped };
}

/** Blocks from plain text: wire paragraphs (blank lines or indented first lines), tables kept line by line. */
export function blocksFromPlainText(text: string): BlockNode[] {
  const out: BlockNode[] = [];
  for (const seg of wireSegments(decodeLeftoverEntities(text))) {
    if (seg.kind === 'paragraph') out.push(para([textNode(seg.text)]));
    else {
      const children: InlineNode[] = [];
      seg.lines.forEach((line, i) => {
        if (i > 0) children.push(lineBreak());
        if (line !== '') children.push(textNode(line, TEXT_FORMAT.code));
      });
      out.push(para(children));
    }
  }
  return out;
}

/** True when plain-text content is really HTML (a `text/plain` rendition holding `<p>`). */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|br|div|span|b|i|em|strong|a|ul|ol|li|h[1-6]|table|blockquote)\b[^>]*>/iu.test(text);
}

/**
 * The corrections, iteratively over the whole subtree: dropped elements
 * removed, entity leftovers decoded, wire-text paragraphs split, hard-wrapped
 * paragraphs joined. Returns the top-level nodes that remain.
 */
function correctTree(nodes: readonly Node[]): Node[] {
  const top = fixChildren(nodes);
  const stack: Element[] = top.filter((n): n is Element => n instanceof Element);
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    el.children = fixChildren(el.children);
    for (const c of el.children) if (c instanceof Element) stack.push(c);
  }
  return top;
}

function fixChildren(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (n instanceof Text) {
      n.data = decodeLeftoverEntities(n.data);
      out.push(n);
    } else if (n instanceof Element) {
      if (DROP.has(n.name) || isEmbedCode(n)) continue;
      const split = TEXT_HOLDERS.has(n.name) ? splitWireText(n) : null;
      if (split) out.push(...split);
      else {
        if (n.name === 'p') unwrapHardBreaks(n);
        out.push(n);
      }
    }
  }
  return out;
}

/**
 * A paragraph whose whole text is escaped HTML with no words of its own (an
 * embed snippet for the web desk: `<div class="embed"></div><script …>`).
 * Not copy, and its tags must not reach the article as text.
 */
function isEmbedCode(el: Element): boolean {
  if (el.name !== 'p' || !el.children.every((c) => c instanceof Text)) return false;
  const text = decodeLeftoverEntities(el.children.map((c) => (c as Text).data).join('')).trim();
  if (!/^<[a-z][\s\S]*>$/iu.test(text)) return false;
  const doc = parseDocument(text, { decodeEntities: true });
  return doc.children.some((c) => c instanceof Element) && textOf(doc as unknown as HtmlNode).trim() === '';
}

/** An element holding only hard-wrapped wire text becomes one <p> per paragraph and a <pre> per table. */
function splitWireText(el: Element): Node[] | null {
  if (!el.children.every((c) => c instanceof Text)) return null;
  const text = decodeLeftoverEntities(el.children.map((c) => (c as Text).data).join(''));
  if (text.split('\n').length < 3) return null;
  const lines = text.split('\n');
  if (!usesIndentParagraphs(lines) && !hasTable(lines)) return null;
  return wireSegments(text).map((seg) =>
    seg.kind === 'paragraph' ? new Element('p', {}, [new Text(seg.text)]) : new Element('pre', {}, [new Text(seg.lines.join('\n'))]),
  );
}

/**
 * `<p>line one of the story at <br/>wire width, continued <br/>here.</p>`:
 * breaks at a steady 45–80 characters are the wire's line width, not the
 * author's; they become spaces.
 */
function unwrapHardBreaks(p: Element): void {
  const lines: string[] = [''];
  for (const c of p.children) {
    if (c instanceof Element && c.name === 'br') lines.push('');
    else lines[lines.length - 1] += c instanceof Text ? c.data : textOf(c as HtmlNode);
  }
  if (lines.length < 2) return;
  const trimmed = lines.map((l) => l.replace(/\s+/gu, ' ').trim());
  const last = trimmed.length - 1;
  if (trimmed[last] === '') trimmed.pop();
  if (trimmed.length < 2 || !trimmed.slice(0, -1).every((l) => l.length >= 45 && l.length <= 80)) return;
  p.children = p.children.map((c) => (c instanceof Element && c.name === 'br' ? Object.assign(new Text(' '), { parent: p }) : c));
}

function absolutizeLinks(nodes: readonly Node[], base: string): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!(n instanceof Element)) continue;
    const href = n.attribs.href;
    if (n.name === 'a' && href !== undefined && !/^[a-z][a-z0-9+.-]*:/iu.test(href.trim())) {
      try {
        n.attribs.href = new URL(href.trim(), base).href;
      } catch {
        // An unusable link stays relative: htmlBlocks keeps its text without the link.
      }
    }
    stack.push(...n.children);
  }
}
