// Narrow types for the Lexical JSON we store. They mirror Lexical's own
// Serialized*Node shapes (version 1) so a body built here loads in any editor
// that registers EDITOR_NODES, without a DOM.

/** Bit flags of TextNode.format, as Lexical defines them. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

interface NodeBase {
  type: string;
  version: number;
}

export interface SerializedText extends NodeBase {
  type: 'text';
  text: string;
  format: number;
  detail: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
}
export interface SerializedLineBreak extends NodeBase {
  type: 'linebreak';
}
export interface SerializedTab extends NodeBase {
  type: 'tab';
  text: string;
  format: number;
  detail: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
}
interface ElementBase extends NodeBase {
  children: ReadonlyArray<unknown>;
  direction: 'ltr' | 'rtl' | null;
  format: string | number;
  indent: number;
}
export interface SerializedLink extends ElementBase {
  type: 'link' | 'autolink';
  children: InlineNode[];
  url: string;
  rel: string | null;
  target: string | null;
  title: string | null;
}
export type InlineNode = SerializedText | SerializedLineBreak | SerializedTab | SerializedLink;

export interface SerializedParagraph extends ElementBase {
  type: 'paragraph';
  children: InlineNode[];
  textFormat: number;
  textStyle: string;
}
export interface SerializedHeading extends ElementBase {
  type: 'heading';
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  children: InlineNode[];
}
export interface SerializedQuote extends ElementBase {
  type: 'quote';
  children: InlineNode[];
}
export interface ListItemNode extends ElementBase {
  type: 'listitem';
  value: number;
  checked?: boolean;
  /** A list item holds inline content, or a nested list. */
  children: Array<InlineNode | SerializedList>;
}
export interface SerializedList extends ElementBase {
  type: 'list';
  listType: 'bullet' | 'number' | 'check';
  start: number;
  tag: 'ul' | 'ol';
  children: ListItemNode[];
}
export interface SerializedHorizontalRule extends NodeBase {
  type: 'horizontalrule';
}
export type BlockNode =
  | SerializedParagraph
  | SerializedHeading
  | SerializedQuote
  | SerializedList
  | SerializedHorizontalRule;

export interface SerializedRoot extends ElementBase {
  type: 'root';
  children: BlockNode[];
}

/** A whole article body: Lexical's SerializedEditorState. */
export interface BodyState {
  root: SerializedRoot;
}
