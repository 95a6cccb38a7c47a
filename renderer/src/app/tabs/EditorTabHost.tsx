// One tab's editor, mounted for the tab's whole life and hidden while another
// tab is in front, so its undo history, caret, find bar and history panel
// survive a switch. Keeps the callbacks it hands the editor stable per tab.
import { useCallback } from 'react';
import type { EditorPanel, EditorTabStatus } from '../panels.ts';
import { panelDomId, tabDomId } from './TabBar.tsx';
import type { EditorTab, TabsAction } from './tabsState.ts';

interface EditorTabHostProps {
  Editor: EditorPanel;
  tab: EditorTab;
  active: boolean;
  dispatch(action: TabsAction): void;
  onClose(key: string): void;
  onExport?(articleId: string): void;
}

export function EditorTabHost({ Editor, tab, active, dispatch, onClose, onExport }: EditorTabHostProps) {
  const { key } = tab;
  const onStatus = useCallback((s: EditorTabStatus) => dispatch({ type: 'update', key, articleId: s.articleId, headline: s.headline, save: s.save }), [dispatch, key]);
  const close = useCallback(() => onClose(key), [onClose, key]);
  return (
    <div className="editor-host" role="tabpanel" id={panelDomId(key)} aria-labelledby={tabDomId(key)} hidden={!active} data-tab={key}>
      <Editor articleId={tab.openedWith} active={active} onStatus={onStatus} onClose={close} compare={tab.compare} {...(onExport ? { onExport } : {})} />
    </div>
  );
}
