// Find and replace in the body (Ctrl/Cmd+F, Ctrl/Cmd+H inside the editor).
// Matches are painted with the CSS Custom Highlight API; the current one is
// selected so Enter/Shift+Enter walk through them.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $isTextNode } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { $findMatches, type Match } from './findMatches.ts';

const ALL = 'cd-find';
const CURRENT = 'cd-find-current';

export interface FindReplaceProps {
  open: boolean;
  onClose(): void;
}

function rangeOf(editorRoot: (key: string) => HTMLElement | null, m: Match): Range | null {
  const el = editorRoot(m.key);
  const walker = el ? document.createTreeWalker(el, NodeFilter.SHOW_TEXT) : null;
  const text = walker?.nextNode();
  if (!text || (text.nodeValue ?? '').length < m.offset + m.length) return null;
  const range = document.createRange();
  range.setStart(text, m.offset);
  range.setEnd(text, m.offset + m.length);
  return range;
}

export function FindReplacePlugin({ open, onClose }: FindReplaceProps) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [matches, setMatches] = useState<Match[]>([]);
  const [index, setIndex] = useState(0);
  const findInput = useRef<HTMLInputElement>(null);

  const paint = useCallback(
    (list: Match[], current: number) => {
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
      const byKey = (key: string) => editor.getElementByKey(key);
      const ranges = list.map((m) => rangeOf(byKey, m)).filter((r): r is Range => r !== null);
      CSS.highlights.set(ALL, new Highlight(...ranges));
      const cur = list[current] ? rangeOf(byKey, list[current]) : null;
      CSS.highlights.set(CURRENT, cur ? new Highlight(cur) : new Highlight());
    },
    [editor],
  );

  const refresh = useCallback(() => {
    const found = open ? editor.getEditorState().read(() => $findMatches(query, caseSensitive)) : [];
    setMatches(found);
    setIndex((i) => (found.length === 0 ? 0 : Math.min(i, found.length - 1)));
  }, [editor, open, query, caseSensitive]);

  useEffect(() => {
    refresh();
    if (!open) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, open, refresh]);

  useEffect(() => {
    if (open) paint(matches, index);
    else if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
    }
  }, [open, matches, index, paint]);

  useEffect(() => {
    if (open) findInput.current?.focus();
  }, [open]);

  const go = (delta: number) => {
    if (matches.length === 0) return;
    const next = (index + delta + matches.length) % matches.length;
    setIndex(next);
    rangeOf((k) => editor.getElementByKey(k), matches[next]!)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  };

  const replaceCurrent = () => {
    const m = matches[index];
    if (!m) return;
    editor.update(() => {
      const node = $getNodeByKey(m.key);
      if ($isTextNode(node)) node.spliceText(m.offset, m.length, replacement, false);
    });
  };

  const replaceAll = () => {
    if (matches.length === 0) return;
    editor.update(() => {
      // Right to left within each node, so earlier offsets stay valid.
      for (const m of [...$findMatches(query, caseSensitive)].reverse()) {
        const node = $getNodeByKey(m.key);
        if ($isTextNode(node)) node.spliceText(m.offset, m.length, replacement, false);
      }
    });
  };

  if (!open) return null;
  const none = matches.length === 0;
  return (
    <div className="cd-find" role="search" aria-label="Find and replace in the body">
      <input
        ref={findInput}
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') onClose();
        }}
      />
      <input aria-label="Replace with" placeholder="Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onClose()} />
      <label>
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match case
      </label>
      <span className="cd-find-count" aria-live="polite">
        {matches.length === 0 ? (query ? 'No matches' : '') : `${index + 1} of ${matches.length}`}
      </span>
      {/* aria-disabled, not disabled: replacing the last match would otherwise drop the keyboard focus to <body>. */}
      <button type="button" onClick={() => go(-1)} aria-disabled={none || undefined} aria-label="Previous match">↑</button>
      <button type="button" onClick={() => go(1)} aria-disabled={none || undefined} aria-label="Next match">↓</button>
      <button type="button" onClick={replaceCurrent} aria-disabled={none || undefined}>Replace</button>
      <button type="button" onClick={replaceAll} aria-disabled={none || undefined}>Replace all</button>
      <button type="button" onClick={onClose} aria-label="Close find">×</button>
    </div>
  );
}
