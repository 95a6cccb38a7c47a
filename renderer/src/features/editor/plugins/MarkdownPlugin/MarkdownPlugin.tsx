// Markdown shortcuts limited to what the body may hold: ## to ####, >, lists,
// --- for a rule, and emphasis. No code blocks, no H1 (the headline is a field).
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/extension';
import {
  BOLD_STAR,
  BOLD_UNDERSCORE,
  type ElementTransformer,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  type Transformer,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';
import type { ElementNode, LexicalNode } from 'lexical';

const HEADING_H2_H4: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node: LexicalNode, exportChildren: (node: ElementNode) => string) =>
    $isHeadingNode(node) ? `${'#'.repeat(Number(node.getTag().slice(1)))} ${exportChildren(node)}` : null,
  regExp: /^(#{2,4})\s/,
  replace: (parentNode, children, match) => {
    const node = $createHeadingNode(`h${match[1]!.length}` as 'h2' | 'h3' | 'h4');
    node.append(...children);
    parentNode.replace(node);
    node.select(0, 0);
  },
  type: 'element',
};

const RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node: LexicalNode) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const line = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() != null) parentNode.replace(line);
    else parentNode.insertBefore(line);
    line.selectNext();
  },
  type: 'element',
};

export const BODY_TRANSFORMERS: Transformer[] = [
  HEADING_H2_H4,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  RULE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  LINK,
];

export function MarkdownPlugin() {
  return <MarkdownShortcutPlugin transformers={BODY_TRANSFORMERS} />;
}
