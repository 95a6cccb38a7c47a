// Builders for body JSON without a DOM or an editor instance: the importer makes
// thousands of bodies a second, so it writes the serialized shape directly.
// tests prove the output round-trips through a headless editor unchanged.
import type {
  BlockNode,
  BodyState,
  InlineNode,
  ListItemNode,
  SerializedHeading,
  SerializedHorizontalRule,
  SerializedLineBreak,
  SerializedLink,
  SerializedList,
  SerializedParagraph,
  SerializedQuote,
  SerializedText,
} from './serialized.ts';

// Every builder writes its object literal in full, in the key order Lexical's
// exportJSON uses (element fields, then type, then the node's own, then
// children): the stored JSON, and so the body's hash, depends on that order.
// Literals rather than `{ ...defaults, … }` spreads: the importer calls these
// for every node of every article, and a spread copy cost a third of the
// conversion's time (BENCHMARKS.md, "Prepare half").

export function textNode(text: string, format = 0): SerializedText {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

export function lineBreak(): SerializedLineBreak {
  return { type: 'linebreak', version: 1 };
}

export function linkNode(url: string, children: InlineNode[]): SerializedLink {
  return { direction: null, format: '', indent: 0, version: 1, type: 'link', url, rel: 'noreferrer', target: null, title: null, children };
}

/**
 * A paragraph from inline nodes, or from a string (lines become line breaks).
 * `textFormat`: Lexical records a paragraph's text format as that of its first text node.
 */
export function paragraph(content: string | InlineNode[], textFormat = 0): SerializedParagraph {
  const children = typeof content === 'string' ? inlineFromString(content) : content;
  return { direction: null, format: '', indent: 0, version: 1, type: 'paragraph', textFormat, textStyle: '', children };
}

export function heading(tag: SerializedHeading['tag'], content: string | InlineNode[]): SerializedHeading {
  const children = typeof content === 'string' ? inlineFromString(content) : content;
  return { direction: null, format: '', indent: 0, version: 1, type: 'heading', tag, children };
}

export function quote(content: string | InlineNode[]): SerializedQuote {
  const children = typeof content === 'string' ? inlineFromString(content) : content;
  return { direction: null, format: '', indent: 0, version: 1, type: 'quote', children };
}

/** One list item (a nested list goes in an item of its own); `indent` is its list's nesting depth. */
export function listItem(children: ListItemNode['children'], value = 1, indent = 0): ListItemNode {
  return { direction: null, format: '', indent, version: 1, type: 'listitem', value, children };
}

/** A list of items (strings or inline nodes), numbered from `start`; or of ready items with `listOfItems`. */
export function list(listType: 'bullet' | 'number', items: Array<string | InlineNode[]>, start = 1): SerializedList {
  const children: ListItemNode[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i] as string | InlineNode[];
    children.push(listItem(typeof item === 'string' ? inlineFromString(item) : item, start + i));
  }
  return listOfItems(listType, children, start);
}

export function listOfItems(listType: 'bullet' | 'number', children: ListItemNode[], start = 1): SerializedList {
  return { direction: null, format: '', indent: 0, version: 1, type: 'list', listType, start, tag: listType === 'bullet' ? 'ul' : 'ol', children };
}

export function horizontalRule(): SerializedHorizontalRule {
  return { type: 'horizontalrule', version: 1 };
}

export function bodyState(blocks: BlockNode[]): BodyState {
  return { root: { direction: null, format: '', indent: 0, version: 1, type: 'root', children: blocks } };
}

/** The common case: plain paragraphs of text. Empty paragraphs are dropped. */
export function bodyFromParagraphs(paragraphs: readonly string[]): BodyState {
  const blocks: BlockNode[] = [];
  for (const p of paragraphs) if (p.trim() !== '') blocks.push(paragraph(p));
  return bodyState(blocks);
}

export function emptyBody(): BodyState {
  return bodyState([paragraph([])]);
}

function inlineFromString(text: string): InlineNode[] {
  if (text === '') return [];
  if (!text.includes('\n')) return [textNode(text)];
  const out: InlineNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(lineBreak());
    if (line !== '') out.push(textNode(line));
  });
  return out;
}
