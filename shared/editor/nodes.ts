// The ONE Lexical node registry. The renderer's editor, the archive core (headless)
// and the exporter all register exactly these nodes, so a body saved by one is
// readable by the others. React-free on purpose: shared/ runs in Node too.
import { HorizontalRuleNode } from '@lexical/extension';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  HorizontalRuleNode,
];

/** Node types (the serialized `type` field) that a stored body may contain. */
export const BODY_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'horizontalrule',
] as const;
export type BodyNodeType = (typeof BODY_NODE_TYPES)[number];

/** Link schemes the editor keeps; anything else is dropped to plain text. */
export const ALLOWED_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;
