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

const elementDefaults = { direction: null, format: '', indent: 0, version: 1 } as const;

export function textNode(text: string, format = 0): SerializedText {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

export function lineBreak(): SerializedLineBreak {
  return { type: 'linebreak', version: 1 };
}

export function linkNode(url: string, children: InlineNode[]): SerializedLink {
  return { ...elementDefaults, type: 'link', url, rel: 'noreferrer', target: null, title: null, children };
}

/** A paragraph from inline nodes, or from a string (lines become line breaks). */
export function paragraph(content: string | InlineNode[]): SerializedParagraph {
  const children = typeof content === 'string' ? inlineFromString(content) : content;
  return { ...elementDefaults, type: 'paragraph', textFormat: 0, textStyle: '', children };
}

export function heading(tag: SerializedHeading['tag'], content: string | InlineNode[]): SerializedHeading {
  const children = typeof content === 'string' ? inlineFromString(content) : content;
  return { ...elementDefaults, type: 'heading', tag, children };
}

export function quote(content: string | InlineNode[]): SerializedQuote {
  const children = typeof content === 'string' ? inlineFromString(content) : content;
  return { ...elementDefaults, type: 'quote', children };
}

export function list(listType: 'bullet' | 'number', items: Array<string | InlineNode[]>, start = 1): SerializedList {
  const children: ListItemNode[] = items.map((item, i) => ({
    ...elementDefaults,
    type: 'listitem',
    value: start + i,
    children: typeof item === 'string' ? inlineFromString(item) : item,
  }));
  return { ...elementDefaults, type: 'list', listType, start, tag: listType === 'bullet' ? 'ul' : 'ol', children };
}

export function horizontalRule(): SerializedHorizontalRule {
  return { type: 'horizontalrule', version: 1 };
}

export function bodyState(blocks: BlockNode[]): BodyState {
  return { root: { ...elementDefaults, type: 'root', children: blocks } };
}

/** The common case: plain paragraphs of text. Empty paragraphs are dropped. */
export function bodyFromParagraphs(paragraphs: readonly string[]): BodyState {
  return bodyState(paragraphs.filter((p) => p.trim() !== '').map((p) => paragraph(p)));
}

export function emptyBody(): BodyState {
  return bodyState([paragraph([])]);
}

function inlineFromString(text: string): InlineNode[] {
  if (text === '') return [];
  const out: InlineNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(lineBreak());
    if (line !== '') out.push(textNode(line));
  });
  return out;
}
