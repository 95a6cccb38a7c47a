// The tab rules every open/close/switch goes through (renderer/src/app/tabs/tabsState.ts).
import { describe, expect, it } from 'vitest';
import { activeTab, BROWSER_TAB, initialTabs, tabOrder, tabsReducer, type TabsAction, type TabsState } from '../../../renderer/src/app/tabs/tabsState.ts';

const run = (...actions: TabsAction[]): TabsState => actions.reduce(tabsReducer, initialTabs);

describe('tabsReducer', () => {
  it('opens an article once per window and focuses its tab when opened again', () => {
    const s = run({ type: 'open', articleId: 'a' }, { type: 'open', articleId: 'b' }, { type: 'open', articleId: 'a' });
    expect(s.tabs.map((t) => t.articleId)).toEqual(['a', 'b']);
    expect(activeTab(s)?.articleId).toBe('a');
  });

  it('counts a new article as that article once its id is known', () => {
    let s = run({ type: 'new' });
    const key = s.active;
    expect(activeTab(s)).toMatchObject({ openedWith: null, articleId: null, loaded: false });
    s = tabsReducer(s, { type: 'update', key, articleId: 'n1', headline: 'Fresh', save: 'dirty' });
    expect(activeTab(s)).toMatchObject({ openedWith: null, articleId: 'n1', headline: 'Fresh', save: 'dirty', loaded: true });
    s = tabsReducer(tabsReducer(s, { type: 'activate', key: BROWSER_TAB }), { type: 'open', articleId: 'n1' });
    expect(s.tabs).toHaveLength(1);
    expect(s.active).toBe(key);
  });

  it('brings the left neighbour forward when the front tab closes, and never closes the browser', () => {
    const s = run({ type: 'open', articleId: 'a' }, { type: 'open', articleId: 'b' }, { type: 'open', articleId: 'c' });
    const [a, b, c] = s.tabs.map((t) => t.key);
    const closedB = tabsReducer(tabsReducer(s, { type: 'activate', key: b! }), { type: 'close', key: b! });
    expect(closedB.active).toBe(a);
    expect(tabsReducer(s, { type: 'close', key: a! }).active).toBe(c); // a back tab closing leaves the front one alone
    const closedA = tabsReducer(tabsReducer(s, { type: 'activate', key: a! }), { type: 'close', key: a! });
    expect(closedA.active).toBe(BROWSER_TAB);
    expect(tabsReducer(s, { type: 'close', key: BROWSER_TAB })).toBe(s);
  });

  it('switches by number (9 = last) and cycles with wrap-around', () => {
    const s = run({ type: 'open', articleId: 'a' }, { type: 'open', articleId: 'b' });
    const order = tabOrder(s);
    expect(tabsReducer(s, { type: 'activate-index', index: 1 }).active).toBe(BROWSER_TAB);
    expect(tabsReducer(s, { type: 'activate-index', index: 2 }).active).toBe(order[1]);
    expect(tabsReducer(s, { type: 'activate-index', index: 9 }).active).toBe(order[2]);
    expect(tabsReducer(s, { type: 'activate-index', index: 5 })).toBe(s);
    expect(tabsReducer(s, { type: 'cycle', delta: 1 }).active).toBe(BROWSER_TAB); // from the last
    expect(tabsReducer(tabsReducer(s, { type: 'cycle', delta: 1 }), { type: 'cycle', delta: -1 }).active).toBe(order[2]);
  });

  it('returns the same state for an update that changes nothing (no re-render loop)', () => {
    let s = run({ type: 'open', articleId: 'a' });
    s = tabsReducer(s, { type: 'update', key: s.active, articleId: 'a', headline: 'H', save: 'saved' });
    expect(tabsReducer(s, { type: 'update', key: s.active, articleId: 'a', headline: 'H', save: 'saved' })).toBe(s);
  });

  it('opens with a revision to compare, and asks an open tab again with a new request', () => {
    let s = run({ type: 'open', articleId: 'a', compare: 7 });
    const key = s.active;
    expect(activeTab(s)?.compare).toEqual({ revisionId: 7, seq: 1 });
    expect(run({ type: 'open', articleId: 'b' }).tabs[0]?.compare).toBeNull();
    s = tabsReducer(tabsReducer(s, { type: 'activate', key: BROWSER_TAB }), { type: 'open', articleId: 'a', compare: 7 });
    expect(s.tabs).toHaveLength(1);
    expect(s.active).toBe(key);
    // The same revision again is a new request (the editor shows it again).
    expect(activeTab(s)?.compare).toEqual({ revisionId: 7, seq: 2 });
    s = tabsReducer(s, { type: 'open', articleId: 'a', compare: 4 });
    expect(activeTab(s)?.compare).toEqual({ revisionId: 4, seq: 3 });
    // Opening without one leaves the last request alone (the editor has already shown it).
    const plain = tabsReducer(s, { type: 'open', articleId: 'a' });
    expect(activeTab(plain)?.compare).toBe(activeTab(s)?.compare);
    expect(tabsReducer(plain, { type: 'update', key, headline: 'H' }).tabs[0]?.compare).toEqual({ revisionId: 4, seq: 3 });
  });
});
