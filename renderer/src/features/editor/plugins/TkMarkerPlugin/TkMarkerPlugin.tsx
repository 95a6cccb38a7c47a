// Highlights "TK" (to come) markers in the body with the CSS Custom Highlight
// API: the DOM and the stored JSON stay untouched, so a marker is never saved
// as formatting. Repainted shortly after edits stop, not on every keystroke.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { findTkMarkers } from '../../../../../../shared/editing/workflow.ts';

const HIGHLIGHT = 'cd-tk';
const DELAY_MS = 200;

export function TkMarkerPlugin({ onCount }: { onCount(count: number): void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const paint = () => {
      const root = editor.getRootElement();
      if (!root) return;
      const ranges: Range[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of findTkMarkers(node.nodeValue ?? '')) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m.length);
          ranges.push(range);
        }
      }
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
      root.dataset.tkCount = String(ranges.length);
      onCount(ranges.length);
    };
    paint();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(paint, DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
    };
  }, [editor, onCount]);
  return null;
}
