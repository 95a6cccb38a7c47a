// What the toolbar shows for the current selection, read inside editor.read().
import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getNearestNodeOfType } from '@lexical/utils';
import { $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalNode } from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number';

export interface ToolbarState {
  block: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  /** The URL of the link at the caret, or null. */
  link: string | null;
}

export const EMPTY_TOOLBAR: ToolbarState = { block: 'paragraph', bold: false, italic: false, underline: false, strikethrough: false, link: null };

function topBlock(node: LexicalNode): LexicalNode {
  let current: LexicalNode = node;
  for (let parent = current.getParent(); parent && !$isRootOrShadowRoot(parent); parent = current.getParent()) current = parent;
  return current;
}

export function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_TOOLBAR;
  const anchor = selection.anchor.getNode();
  const block = topBlock(anchor);
  let blockType: BlockType = 'paragraph';
  if ($isListNode(block)) {
    const list = $getNearestNodeOfType(anchor, ListNode);
    blockType = (list ?? block).getListType() === 'number' ? 'number' : 'bullet';
  } else if ($isHeadingNode(block)) {
    const tag = block.getTag();
    blockType = tag === 'h3' ? 'h3' : tag === 'h4' || tag === 'h5' || tag === 'h6' ? 'h4' : 'h2';
  } else if ($isQuoteNode(block)) blockType = 'quote';
  const parent = anchor.getParent();
  const link = $isLinkNode(parent) ? parent : $isLinkNode(anchor) ? anchor : null;
  return {
    block: blockType,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    link: link ? link.getURL() : null,
  };
}

export function sameToolbar(a: ToolbarState, b: ToolbarState): boolean {
  return a.block === b.block && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough && a.link === b.link;
}
