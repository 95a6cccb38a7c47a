// Small corrections on top of the shared builders so parsed bodies are exactly
// what Lexical itself would write back (see lexical.test.ts).
import { paragraph } from '../../../../shared/editor/build.ts';
import type { InlineNode, ListItemNode, SerializedParagraph } from '../../../../shared/editor/serialized.ts';

/** Lexical records a paragraph's text format as that of its first text node. */
export function para(children: InlineNode[]): SerializedParagraph {
  for (const c of children) if (c.type === 'text') return paragraph(children, c.format);
  return paragraph(children);
}

/** Lexical numbers list items but not those that only hold a nested list (they take the next number). */
export function numberItems(items: ListItemNode[], start: number): void {
  let n = start;
  for (const item of items) {
    const holder = item.children.length > 0 && item.children.every((c) => c.type === 'list');
    item.value = n;
    if (!holder) n += 1;
  }
}
