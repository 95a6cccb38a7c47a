// The window's tab strip: the archive browser first (permanent), then one tab
// per open article with its headline and a save-state mark. Click to switch,
// × (or middle-click) to close; Left/Right move between tabs when the strip has focus.
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
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const order = tabOrder(state);
    const at = Math.max(0, order.indexOf(state.active));
    const key = order[(at + (event.key === 'ArrowRight' ? 1 : -1) + order.length) % order.length]!;
    event.preventDefault();
    onActivate(key, true);
    document.getElementById(tabDomId(key))?.focus();
  };
  const onAux = (key: string) => (event: MouseEvent) => {
    if (event.button === 1) onClose(key);
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
          <span key={tab.key} className="app-tab" data-tab={tab.key} data-article-id={tab.articleId ?? undefined} data-save={tab.save} onAuxClick={onAux(tab.key)}>
            <button
              type="button"
              role="tab"
              id={tabDomId(tab.key)}
              className="app-tab-main"
              aria-selected={state.active === tab.key}
              aria-controls={panelDomId(tab.key)}
              tabIndex={state.active === tab.key ? 0 : -1}
              onClick={() => onActivate(tab.key)}
              title={save.title ? `${label} — ${save.title}` : label}
            >
              <span className="app-tab-label">{label}</span>
              {save.mark && (
                <span className="app-tab-save" aria-hidden="true">
                  {save.mark}
                </span>
              )}
            </button>
            <button type="button" className="app-tab-close" aria-label={`Close tab ${label}`} title="Close (saves first)" onClick={() => onClose(tab.key)}>
              ×
            </button>
          </span>
        );
      })}
    </div>
  );
}
