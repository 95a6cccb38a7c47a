// Window-wide shortcuts: `/` (when not typing) and Ctrl/Cmd+F focus the search box.
// Off while the editor is open: it has its own find and replace on Ctrl/Cmd+F.
import { useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalKeys(focusSearch: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if ((mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') || (e.key === '/' && !mod && !isTyping(e.target))) {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch, enabled]);
}
