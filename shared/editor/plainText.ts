// Plain text and counts from body JSON. Used by the core (FTS content, word
// counts), the renderer (live counts) and the exporter (txt format), so all
// three agree on what "the text" of an article is.
import type { BlockNode, BodyState, InlineNode, ListItemNode, SerializedList } from './serialized.ts';

/** Blocks are separated by a blank line; list items and line breaks by one newline. */
export function bodyToPlainText(state: BodyState): string {
  const blocks: string[] = [];
  for (const block of state.root.children) {
    const text = blockText(block);
    if (text !== '') blocks.push(text);
  }
  return blocks.join('\n\n');
}

/** Paragraph-level texts, in order (headings, quotes and list items included). */
export function bodyToParagraphs(state: BodyState): string[] {
  return bodyToPlainText(state).split('\n\n');
}

function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'horizontalrule':
      return '';
    case 'list':
      return listText(block);
    default:
      return inlineText(block.children);
  }
}

function listText(list: SerializedList): string {
  return list.children.map((item) => listItemText(item)).filter((t) => t !== '').join('\n');
}

function listItemText(item: ListItemNode): string {
  return item.children
    .map((child) => (child.type === 'list' ? listText(child) : inlineText([child])))
    .join('');
}

function inlineText(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'tab') out += node.text;
    else if (node.type === 'linebreak') out += '\n';
    else if (node.type === 'link' || node.type === 'autolink') out += inlineText(node.children);
  }
  return out;
}

// Han ideographs and kana are written without spaces, so each counts as one
// word (the 文字数 convention of Japanese and Chinese desks). Hangul is spaced
// like English and counts by spaced words.
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*/gu;

export function countWords(text: string): number {
  if (!IDEOGRAPHIC.test(text)) return text.match(WORD)?.length ?? 0;
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    const token = match[0];
    if (!IDEOGRAPHIC.test(token)) {
      count += 1;
      continue;
    }
    let latinRun = false;
    for (const ch of token) {
      if (IDEOGRAPHIC.test(ch)) {
        count += 1;
        latinRun = false;
      } else if (/[\p{L}\p{N}]/u.test(ch) && !latinRun) {
        count += 1;
        latinRun = true;
      }
    }
  }
  return count;
}

export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
