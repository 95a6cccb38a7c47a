// The window's tab strip: the archive browser first (permanent), then one tab
// per open article with its headline and a save-state mark. One tab stop
// (roving tabindex): Left/Right move between tabs and bring them forward,
// Home/End go to the first and last, Delete closes the focused article tab
// (the WAI-ARIA "deletable tabs" pattern). The × on a tab is a pointer target
// inside the tab, hidden from assistive technology: a tablist may hold only
// tabs, and keyboard and screen-reader users close with Delete or Ctrl/Cmd+W.
import type { KeyboardEvent, MouseEvent } from 'react';
import { BROWSER_TAB, type EditorTab, type TabSaveState, type TabsState, tabOrder } from './tabsState.ts';
import './tabs.css';

const SAVE_MARK: Record<TabSaveState, { mark: string; title: string }> = {
  saved: { mark: '', title: '' },
  dirty: { mark: '•', title: 'Unsaved changes' },
  saving: { mark: '…', title: 'Saving…' },
  error: { mark: '!', title: 'Not saved' },
};

export function tabLabel(tab: EditorTab): string {
  if (!tab.loaded) return 'Opening…';
  return tab.headline.trim() || (tab.openedWith === null ? 'New article' : 'Untitled');
}

export function tabDomId(key: string): string {
  return `app-tab-${key}`;
}

export function panelDomId(key: string): string {
  return `app-panel-${key}`;
}

interface TabBarProps {
  state: TabsState;
  /** `fromStrip`: chosen with the arrow keys in the strip, where focus should stay. */
  onActivate(key: string, fromStrip?: boolean): void;
  onClose(key: string): void;
}

export function TabBar({ state, onActivate, onClose }: TabBarProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const order = tabOrder(state);
    const at = Math.max(0, order.indexOf(state.active));
    let key: string | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') key = order[(at + (event.key === 'ArrowRight' ? 1 : -1) + order.length) % order.length];
    else if (event.key === 'Home') key = order[0];
    else if (event.key === 'End') key = order[order.length - 1];
    else if (event.key === 'Delete' && state.active !== BROWSER_TAB) {
      event.preventDefault();
      // The neighbour that comes forward takes the focus now, before the closing tab leaves the DOM.
      const next = order[at - 1] ?? BROWSER_TAB;
      document.getElementById(tabDomId(next))?.focus();
      onActivate(next, true);
      onClose(state.active);
      return;
    }
    if (key === undefined) return;
    event.preventDefault();
    onActivate(key, true);
    document.getElementById(tabDomId(key))?.focus();
  };
  const onAux = (key: string) => (event: MouseEvent) => {
    if (event.button === 1) onClose(key);
  };
  // Pressing the × must not focus the tab it closes (focus would drop to <body> when the tab goes).
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  const onCloseMark = (key: string) => (event: MouseEvent) => {
    // Not a click on the tab itself: closing must not first bring the tab forward.
    event.stopPropagation();
    onClose(key);
  };

  return (
    <div className="app-tabs" role="tablist" aria-label="Open articles" onKeyDown={onKeyDown}>
      <button
        type="button"
        role="tab"
        id={tabDomId(BROWSER_TAB)}
        className="app-tab-main"
        aria-selected={state.active === BROWSER_TAB}
        aria-controls={panelDomId(BROWSER_TAB)}
        tabIndex={state.active === BROWSER_TAB ? 0 : -1}
        onClick={() => onActivate(BROWSER_TAB)}
        title="The archive browser (Ctrl/Cmd+1)"
      >
        Archive
      </button>
      {state.tabs.map((tab) => {
        const label = tabLabel(tab);
        const save = SAVE_MARK[tab.save];
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={tabDomId(tab.key)}
            className="app-tab app-tab-main"
            data-tab={tab.key}
            data-article-id={tab.articleId ?? undefined}
            data-save={tab.save}
            aria-selected={state.active === tab.key}
            aria-controls={panelDomId(tab.key)}
            aria-keyshortcuts="Delete"
            tabIndex={state.active === tab.key ? 0 : -1}
            onClick={() => onActivate(tab.key)}
            onAuxClick={onAux(tab.key)}
            title={`${save.title ? `${label} — ${save.title}` : label} (Delete or Ctrl/Cmd+W closes; saves first)`}
          >
            <span className="app-tab-label">{label}</span>
            {save.mark && (
              <span className="app-tab-save" aria-hidden="true">
                {save.mark}
              </span>
            )}
            <span className="app-tab-close" aria-hidden="true" data-close-tab={tab.key} onMouseDown={keepFocus} onClick={onCloseMark(tab.key)}>
              ×
            </span>
          </button>
        );
      })}
    </div>
  );
}
