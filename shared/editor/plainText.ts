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

// Word counts (Han and kana one per character, everything else by spaced words): wordCount.ts.
export { countWords } from './wordCount.ts';

export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
