// CommonMark (plus GFM strikethrough and tables) read by markdown-it, its
// block tokens mapped to Lexical blocks: headings, paragraphs, quotes, bullet
// and numbered lists (nested ones indented), rules, code (code-formatted
// lines), tables (a paragraph per row), and raw HTML blocks through the HTML
// reader, which keeps their text and drops scripts. markdown-it caps nesting
// (maxNesting), so the recursion here stays shallow on hostile input.
import { parseDocument } from 'htmlparser2';
import MarkdownIt, { type Token } from 'markdown-it';
import { heading, horizontalRule, lineBreak, list, quote, textNode } from '../../../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../../../shared/editor/serialized.ts';
import type { BlockNode, InlineNode, ListItemNode, SerializedList } from '../../../../../shared/editor/serialized.ts';
import { numberItems, para } from '../blocks.ts';
import { blocksFromHtml } from '../htmlBlocks.ts';
import { capNesting } from '../nesting.ts';
import { inlineNodes } from './inline.ts';

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Every target is read (an unsafe one must still be a link so its text is
// known and its target dropped: `[a](javascript:…)` is `a`, never `[a](…`);
// safeUrl decides later. Targets are kept as written (no punycode, no escaping).
md.validateLink = () => true;
md.normalizeLink = (url) => url;
md.normalizeLinkText = (url) => url;

/**
 * markdown-it drops whatever lies deeper than maxNesting (100 levels of
 * quotes or lists). Below that, the rest of a container is read as plain
 * lines, its quote and list markers dropped, so nothing is lost: a hostile
 * `>>>>…` file keeps its words, flagged `deep-nesting`.
 */
const DEEP_LEVEL = 80;
md.block.ruler.before('table', 'too_deep', (state, startLine, endLine, silent) => {
  if (state.level < DEEP_LEVEL) return false;
  if (silent) return true;
  const lines = state
    .getLines(startLine, endLine, state.blkIndent, false)
    .split('\n')
    .map((line) => line.replace(/^(?:\s*>)+/u, '').replace(/^(?:\s*(?:[-*+]|\d{1,9}[.)])(?=\s))+/u, '').trim())
    .filter((line) => line !== '');
  for (const line of lines) {
    state.push('paragraph_open', 'p', 1);
    const inline = state.push('inline', '', 0);
    inline.content = line;
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  (state.env as { deep?: boolean }).deep = true;
  state.line = endLine;
  return true;
});

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface MarkdownBlocks {
  blocks: BlockNode[];
  /** Quotes, lists or raw HTML nested deeper than the limits, read as plain lines (flag `deep-nesting`). */
  capped: boolean;
}

export function markdownBlocks(text: string): MarkdownBlocks {
  const env: { deep?: boolean } = {};
  const tokens = md.parse(text, env);
  const ctx = { capped: env.deep === true };
  return { blocks: readBlocks(tokens, 0, tokens.length, ctx, 0), capped: ctx.capped };
}

/** Blocks of tokens[from, to): each block is an open token … its matching close, or a single token. */
function readBlocks(tokens: readonly Token[], from: number, to: number, ctx: { capped: boolean }, depth: number): BlockNode[] {
  const out: BlockNode[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i] as Token;
    const end = t.nesting === 1 ? closing(tokens, i, to) : i;
    const inner = (): BlockNode[] => readBlocks(tokens, i + 1, end, ctx, depth + 1);
    switch (t.type) {
      case 'paragraph_open': {
        const children = inlineOf(tokens[i + 1]);
        if (children.length > 0) out.push(para(children));
        break;
      }
      case 'heading_open': {
        const children = inlineOf(tokens[i + 1]);
        if (children.length > 0) out.push(heading((HEADINGS.has(t.tag) ? t.tag : 'h2') as 'h2', children));
        break;
      }
      case 'blockquote_open': {
        const children = joinLines(inner());
        if (children.length > 0) out.push(quote(children));
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        out.push(listOf(tokens, i, end, ctx, depth));
        break;
      case 'fence':
      case 'code_block': {
        const lines = t.content.replace(/\n$/u, '').split('\n');
        if (lines.some((l) => l !== '')) out.push(para(codeLines(lines)));
        break;
      }
      case 'hr':
        out.push(horizontalRule());
        break;
      case 'html_block': {
        const markup = capNesting(t.content, false);
        if (markup.capped) ctx.capped = true;
        out.push(...blocksFromHtml(parseDocument(markup.text, { decodeEntities: true, lowerCaseTags: true }).children));
        break;
      }
      case 'table_open':
        out.push(...tableRows(tokens, i, end));
        break;
      default:
        break;
    }
    i = end + 1;
  }
  return out;
}

/** The index of the token closing tokens[open] (same level, nesting -1). */
function closing(tokens: readonly Token[], open: number, to: number): number {
  let level = 0;
  for (let j = open; j < to; j += 1) {
    level += (tokens[j] as Token).nesting;
    if (level === 0) return j;
  }
  return to - 1;
}

function inlineOf(token: Token | undefined): InlineNode[] {
  return token?.type === 'inline' ? inlineNodes(token.children ?? []) : [];
}

/** Blocks inside a quote or a list item as one run of inline content, a line break between blocks. */
function joinLines(blocks: readonly BlockNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const b of blocks) {
    if (b.type === 'horizontalrule') continue;
    const children: InlineNode[] = b.type === 'list' ? b.children.flatMap((item) => item.children.filter((c): c is InlineNode => c.type !== 'list')) : b.children;
    if (children.length === 0) continue;
    if (out.length > 0) out.push(lineBreak());
    out.push(...children);
  }
  return out;
}

/** A list; Lexical keeps a nested list in an item of its own, indented one level deeper. */
function listOf(tokens: readonly Token[], open: number, end: number, ctx: { capped: boolean }, depth: number): SerializedList {
  const t = tokens[open] as Token;
  const numbered = t.type === 'ordered_list_open';
  const start = numbered ? Number(t.attrGet('start') ?? 1) || 1 : 1;
  const items: ListItemNode[] = [];
  let i = open + 1;
  while (i < end) {
    const itemEnd = closing(tokens, i, end);
    const inline: InlineNode[] = [];
    const nested: SerializedList[] = [];
    for (const b of readBlocks(tokens, i + 1, itemEnd, ctx, depth + 1)) {
      if (b.type === 'list') nested.push(b);
      else if (b.type !== 'horizontalrule' && b.children.length > 0) {
        if (inline.length > 0) inline.push(lineBreak());
        inline.push(...b.children);
      }
    }
    if (inline.length > 0) items.push(item(inline));
    for (const n of nested) items.push({ ...item([]), children: [n] });
    i = itemEnd + 1;
  }
  const l = list(numbered ? 'number' : 'bullet', [], start);
  numberItems(items, start);
  for (const it of items) it.indent = depth;
  return { ...l, children: items };
}

function item(children: InlineNode[]): ListItemNode {
  return list('bullet', [children]).children[0] as ListItemNode;
}

/** A table as one paragraph per row, cells separated by " | ". */
function tableRows(tokens: readonly Token[], open: number, end: number): BlockNode[] {
  const rows: BlockNode[] = [];
  let cells: InlineNode[][] = [];
  for (let j = open; j <= end; j += 1) {
    const t = tokens[j] as Token;
    if (t.type === 'tr_open') cells = [];
    else if (t.type === 'inline') cells.push(inlineNodes(t.children ?? []));
    else if (t.type === 'tr_close') {
      const row: InlineNode[] = [];
      cells.forEach((c, k) => {
        const parts = k > 0 ? [textNode(' | '), ...c] : c;
        for (const n of parts) {
          const prev = row[row.length - 1];
          if (n.type === 'text' && prev?.type === 'text' && prev.format === n.format) row[row.length - 1] = { ...prev, text: prev.text + n.text };
          else row.push(n);
        }
      });
      if (cells.some((c) => c.length > 0)) rows.push(para(row));
    }
  }
  return rows;
}

/** Code keeps its lines: code-formatted text with line breaks between them. */
export function codeLines(lines: readonly string[]): InlineNode[] {
  const out: InlineNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(lineBreak());
    if (line !== '') out.push(textNode(line, TEXT_FORMAT.code));
  });
  return out;
}
