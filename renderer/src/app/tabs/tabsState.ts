// Which articles are open in this window, in what order, and which tab is in
// front. Pure (a reducer), so App and the keyboard share one set of rules:
// the archive browser is tab 0 and never closes; an article is open at most
// once per window (opening it again focuses its tab); a new article's tab
// learns its id once the draft exists, and from then on counts as that article.
// Opening with `compare` (from a history: search) also asks the tab's editor to
// show that revision against the current text, whether the tab is new or not.

export const BROWSER_TAB = 'browser';

/** A revision the tab's editor is asked to show against the current text (panels.ts passes it to the editor). */
export interface CompareRequest {
  revisionId: number;
  /** Counts the requests made to one tab, so that asking twice for the same revision shows it twice. */
  seq: number;
}

export type TabSaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface EditorTab {
  /** Stable for the tab's life (React key, DOM ids); not the article id, which a new article lacks at first. */
  key: string;
  /** What the editor was opened with: an article id, or null for File › New Article. Never changes, so the editor never reloads. */
  openedWith: string | null;
  /** The article's id once known (at once when opened from the browser; after creation for a new one). */
  articleId: string | null;
  headline: string;
  save: TabSaveState;
  /** The editor has reported once (until then the tab says "Opening…"). */
  loaded: boolean;
  /** The latest revision the editor was asked to compare with the current text; null when never asked. */
  compare: CompareRequest | null;
}

export interface TabsState {
  tabs: EditorTab[];
  /** BROWSER_TAB or an EditorTab key. */
  active: string;
  /** Counter for tab keys. */
  next: number;
}

export type TabsAction =
  | { type: 'open'; articleId: string; compare?: number }
  | { type: 'new' }
  | { type: 'close'; key: string }
  | { type: 'activate'; key: string }
  /** Ctrl/Cmd+1..9: 1 is the browser, 9 the last tab, as in web browsers. */
  | { type: 'activate-index'; index: number }
  /** Ctrl+Tab (+1) and Ctrl+Shift+Tab (−1), wrapping around, the browser included. */
  | { type: 'cycle'; delta: 1 | -1 }
  | { type: 'update'; key: string; articleId?: string; headline?: string; save?: TabSaveState };

export const initialTabs: TabsState = { tabs: [], active: BROWSER_TAB, next: 1 };

/** Keys in display order, the browser first. */
export function tabOrder(state: TabsState): string[] {
  return [BROWSER_TAB, ...state.tabs.map((t) => t.key)];
}

export function activeTab(state: TabsState): EditorTab | null {
  return state.tabs.find((t) => t.key === state.active) ?? null;
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'open': {
      const existing = state.tabs.find((t) => t.articleId === action.articleId);
      const compare = (tab: EditorTab | undefined): CompareRequest | null =>
        action.compare === undefined ? (tab?.compare ?? null) : { revisionId: action.compare, seq: (tab?.compare?.seq ?? 0) + 1 };
      if (existing) {
        if (action.compare === undefined) return { ...state, active: existing.key };
        return { ...state, active: existing.key, tabs: state.tabs.map((t) => (t === existing ? { ...t, compare: compare(t) } : t)) };
      }
      const tab: EditorTab = { key: `tab-${state.next}`, openedWith: action.articleId, articleId: action.articleId, headline: '', save: 'saved', loaded: false, compare: compare(undefined) };
      return { tabs: [...state.tabs, tab], active: tab.key, next: state.next + 1 };
    }
    case 'new': {
      const tab: EditorTab = { key: `tab-${state.next}`, openedWith: null, articleId: null, headline: '', save: 'saved', loaded: false, compare: null };
      return { tabs: [...state.tabs, tab], active: tab.key, next: state.next + 1 };
    }
    case 'close': {
      const index = state.tabs.findIndex((t) => t.key === action.key);
      if (index < 0) return state;
      const tabs = state.tabs.filter((t) => t.key !== action.key);
      // Closing the front tab brings its left neighbour forward (the browser for the first), as browsers do.
      const active = state.active !== action.key ? state.active : (tabs[index - 1]?.key ?? BROWSER_TAB);
      return { ...state, tabs, active };
    }
    case 'activate':
      return tabOrder(state).includes(action.key) && state.active !== action.key ? { ...state, active: action.key } : state;
    case 'activate-index': {
      const order = tabOrder(state);
      const key = action.index >= 9 ? order[order.length - 1] : order[action.index - 1];
      return key === undefined || key === state.active ? state : { ...state, active: key };
    }
    case 'cycle': {
      const order = tabOrder(state);
      const at = Math.max(0, order.indexOf(state.active));
      const key = order[(at + action.delta + order.length) % order.length]!;
      return key === state.active ? state : { ...state, active: key };
    }
    case 'update': {
      const tab = state.tabs.find((t) => t.key === action.key);
      if (!tab) return state;
      const next: EditorTab = {
        ...tab,
        loaded: true,
        ...(action.articleId !== undefined ? { articleId: action.articleId } : {}),
        ...(action.headline !== undefined ? { headline: action.headline } : {}),
        ...(action.save !== undefined ? { save: action.save } : {}),
      };
      if (tab.loaded && next.articleId === tab.articleId && next.headline === tab.headline && next.save === tab.save) return state;
      return { ...state, tabs: state.tabs.map((t) => (t.key === action.key ? next : t)) };
    }
  }
}
