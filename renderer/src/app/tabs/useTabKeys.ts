// Tab shortcuts for the whole window: Ctrl/Cmd+1..9 (9 = last tab), Ctrl+Tab
// and Ctrl+Shift+Tab, and Ctrl+PageDown/PageUp. Listened for in the capture
// phase, so the editor's own key handling never sees (or swallows) them.
import { useEffect } from 'react';
import type { TabsAction } from './tabsState.ts';

export function useTabKeys(dispatch: (action: TabsAction) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      let action: TabsAction | null = null;
      if (mod && !e.altKey && !e.shiftKey && /^Digit[1-9]$/.test(e.code)) action = { type: 'activate-index', index: Number(e.code.slice(5)) };
      else if (e.ctrlKey && !e.altKey && e.key === 'Tab') action = { type: 'cycle', delta: e.shiftKey ? -1 : 1 };
      else if (e.ctrlKey && !e.altKey && !e.shiftKey && (e.key === 'PageDown' || e.key === 'PageUp')) action = { type: 'cycle', delta: e.key === 'PageDown' ? 1 : -1 };
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      dispatch(action);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dispatch]);
}
