// The window: first-run page or archive browser, the import panel above it
// while an import runs or its report is open, the editor when one is built in
// (one tab per open article, the browser the first tab; see tabs/README.md),
// and the status bar. Menu commands arrive as `app.menu` events.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AppInfoValue, MenuCommand } from '../../../shared/contract/app.ts';
import type { ArchiveStatsValue } from '../../../shared/contract/archive.ts';
import type { PathGrantValue } from '../../../shared/contract/grants.ts';
import { api, hasBridge } from '../api/client.ts';
import { ArchiveBrowser } from '../features/archive-browser/ArchiveBrowser.tsx';
import { ImportProgress } from '../features/import/ImportProgress.tsx';
import { ImportReport } from '../features/import/ImportReport.tsx';
import { useImport } from '../features/import/useImport.ts';
import { FirstRun } from './FirstRun.tsx';
import { editorPanel, exportCommand } from './panels.ts';
import { StatusBar } from './StatusBar.tsx';
import { useDropImport } from './useDropImport.ts';
import { useGlobalKeys } from './useGlobalKeys.ts';
import { EditorTabHost } from './tabs/EditorTabHost.tsx';
import { panelDomId, TabBar, tabDomId } from './tabs/TabBar.tsx';
import { activeTab, BROWSER_TAB, initialTabs, tabsReducer } from './tabs/tabsState.ts';
import { useTabKeys } from './tabs/useTabKeys.ts';
import { ZonePicker } from '../features/import/ZonePicker.tsx';

export function App() {
  const [info, setInfo] = useState<AppInfoValue | null>(null);
  const [stats, setStats] = useState<ArchiveStatsValue | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [focusSignal, setFocusSignal] = useState(0);
  const [helpSignal, setHelpSignal] = useState(0);
  const [notice, setNotice] = useState('');
  const [tabs, dispatchTabs] = useReducer(tabsReducer, initialTabs);
  const onBrowser = tabs.active === BROWSER_TAB;
  const [revealId, setRevealId] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const imports = useImport();
  const Editor = editorPanel;

  useEffect(() => {
    void api.app.info({}).then((r) => (r.ok ? setInfo(r.value) : setNotice(r.error.message)));
  }, []);

  useEffect(() => {
    void api.archive.stats({}).then((r) => r.ok && setStats(r.value));
  }, [refreshKey]);

  useEffect(() => api.archive.onChanged(() => setRefreshKey((k) => k + 1)), []);

  const report = useCallback((error: { message: string } | null) => error && setNotice(error.message), []);
  const importGrant = useCallback((grant: PathGrantValue) => void imports.start(grant).then(report), [imports, report]);
  const focusSearch = useCallback(() => {
    dispatchTabs({ type: 'activate', key: BROWSER_TAB });
    setFocusSignal((n) => n + 1);
  }, []);

  // The editor saves what is pending as it unmounts (and waits for that write if its article is reopened).
  const closeTab = useCallback((key: string) => dispatchTabs({ type: 'close', key }), []);

  // Back on the browser (by click, key or closing a tab): edits may have changed headlines, counts and snippets.
  const lastActive = useRef(tabs.active);
  const focusInStrip = useRef(false);
  useEffect(() => {
    if (lastActive.current === tabs.active) return;
    lastActive.current = tabs.active;
    const keepFocus = focusInStrip.current;
    focusInStrip.current = false;
    if (tabs.active !== BROWSER_TAB) return;
    setRefreshKey((k) => k + 1);
    if (!keepFocus) setFocusSignal((n) => n + 1);
  }, [tabs.active]);
  const activate = useCallback((key: string, fromStrip = false) => {
    focusInStrip.current = fromStrip;
    dispatchTabs({ type: 'activate', key });
  }, []);

  const newArticle = useCallback(async () => {
    if (Editor) {
      dispatchTabs({ type: 'new' });
      return;
    }
    const created = await api.archive.createArticle({ headline: '' });
    if (!created.ok) setNotice(created.error.message);
    else setRevealId(created.value.id);
  }, [Editor]);

  const onMenu = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'new-article':
          return void newArticle();
        case 'import-files':
          return void imports.choose('files').then(report);
        case 'import-folder':
          return void imports.choose('folder').then(report);
        case 'backup':
          return void api.archive.backup({}).then((r) => setNotice(!r.ok ? r.error.message : r.value.path ? `Backed up to ${r.value.path}` : ''));
        case 'export':
          if (exportCommand) return exportCommand(activeTab(tabs)?.articleId ?? previewId);
          return setNotice('Export is not part of this build yet.');
        case 'find':
          return focusSearch();
        case 'help':
          focusSearch();
          return setHelpSignal((n) => n + 1);
        case 'check':
          setNotice('Checking the archive…');
          return void api.archive.check({}).then((r) =>
            setNotice(!r.ok ? r.error.message : r.value.ok ? 'Archive check: everything is sound.' : `Archive check found ${r.value.problems.length} problem(s): ${r.value.problems[0]?.message ?? ''}`),
          );
        case 'close-tab': {
          // On the browser there is no tab to close: the command does nothing rather than close the window.
          const active = activeTab(tabs);
          if (active) closeTab(active.key);
          return;
        }
        case 'about':
          return setNotice(`Copydesk ${info?.version ?? ''} — an offline newsroom archive and editor.`);
      }
    },
    [newArticle, imports, report, focusSearch, info, tabs, previewId, closeTab],
  );

  useEffect(() => api.app.onMenu(({ command }) => onMenu(command)), [onMenu]);
  useGlobalKeys(focusSearch, onBrowser);
  useTabKeys(dispatchTabs);
  const dropping = useDropImport(importGrant, report);

  if (!hasBridge) return <p role="alert">Copydesk’s bridge is missing: this page only works inside the Copydesk app.</p>;

  const firstRun = stats !== null && stats.articles === 0 && imports.state.phase === 'idle';
  // From the import report an article opens in the browser's preview, where "Open for editing" is one click away.
  const openArticle = (id: string) => {
    imports.dismiss();
    dispatchTabs({ type: 'activate', key: BROWSER_TAB });
    setRevealId(id);
  };

  return (
    <div className={`app${dropping ? ' dropping' : ''}`}>
      <main className="workspace">
        {Editor && tabs.tabs.length > 0 && <TabBar state={tabs} onActivate={activate} onClose={closeTab} />}
        {imports.state.phase === 'running' && <ImportProgress progress={imports.state.progress} cancelling={imports.state.cancelling} onCancel={() => void imports.cancel()} />}
        {imports.state.phase === 'failed' && (
          <section className="import-report" aria-label="Import failed">
            <p role="alert">The import stopped: {imports.state.error.message}</p>
            <button type="button" onClick={imports.dismiss}>
              Close
            </button>
          </section>
        )}
        {imports.state.phase === 'done' && (
          <ImportReport report={imports.state.report} onOpenArticle={openArticle} onClose={imports.dismiss} onNotice={setNotice} />
        )}
        {Editor && tabs.tabs.map((tab) => <EditorTabHost key={tab.key} Editor={Editor} tab={tab} active={tabs.active === tab.key} dispatch={dispatchTabs} onClose={closeTab} />)}
        {firstRun && tabs.tabs.length === 0 ? (
          <FirstRun onImportFiles={() => onMenu('import-files')} onImportFolder={() => onMenu('import-folder')} />
        ) : (
          // Kept mounted (hidden) behind the editor tabs, so coming back finds the same search and selection.
          <div className="browser-host" role={tabs.tabs.length > 0 ? 'tabpanel' : undefined} id={panelDomId(BROWSER_TAB)} aria-labelledby={tabs.tabs.length > 0 ? tabDomId(BROWSER_TAB) : undefined} hidden={!onBrowser && Editor !== null}>
            <ArchiveBrowser
              refreshKey={refreshKey}
              focusSignal={focusSignal}
              helpSignal={helpSignal}
              revealId={revealId}
              canEdit={Editor !== null}
              onEdit={(id) => dispatchTabs({ type: 'open', articleId: id })}
              onPreview={setPreviewId}
            />
          </div>
        )}
      </main>
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
      <StatusBar path={info?.archivePath ?? ''} stats={stats} notice={notice}>
        <ZonePicker zone={imports.zone} onZone={imports.setZone} />
      </StatusBar>
    </div>
  );
}
