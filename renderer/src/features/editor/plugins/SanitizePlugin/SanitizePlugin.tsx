// Keeps the body inside what the archive stores, whatever the route in (paste,
// drop, Markdown, a restored revision): no inline styles, only bold, italic,
// underline and strikethrough, links only to http/https/mailto, headings H2–H4.
// Node transforms run before every commit, so nothing else reaches the JSON.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { TextNode } from 'lexical';
import { useEffect } from 'react';
import { TEXT_FORMAT } from '../../../../../../shared/editor/serialized.ts';
import { isSafeUrl } from '../../links.ts';

export const ALLOWED_FORMAT_MASK = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline | TEXT_FORMAT.strikethrough;

export function SanitizePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
          const format = node.getFormat();
          if ((format & ~ALLOWED_FORMAT_MASK) !== 0) node.setFormat(format & ALLOWED_FORMAT_MASK);
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if (!$isLinkNode(node) || isSafeUrl(node.getURL())) {
            if (node.getTarget() !== null) node.setTarget(null);
            return;
          }
          // An unsafe link keeps its text and loses the link.
          for (const child of node.getChildren()) node.insertBefore(child);
          node.remove();
        }),
        editor.registerNodeTransform(HeadingNode, (node) => {
          const tag = node.getTag();
          const clamped = tag === 'h1' ? 'h2' : tag === 'h5' || tag === 'h6' ? 'h4' : null;
          if (clamped) node.replace($createHeadingNode(clamped), true);
        }),
      ),
    [editor],
  );
  return null;
}
