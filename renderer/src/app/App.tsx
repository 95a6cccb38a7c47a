// The window: first-run page or archive browser, the import panel below it
// while an import runs or its report is open, the editor when one is built in
// (one tab per open article, the browser the first tab; see tabs/README.md),
// and the status bar. Menu commands arrive as `app.menu` events.
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
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
import { SyncIndicator } from '../features/sync/SyncIndicator.tsx';
import { useDropImport } from './useDropImport.ts';
import { useGlobalKeys } from './useGlobalKeys.ts';
import { EditorTabHost } from './tabs/EditorTabHost.tsx';
import { panelDomId, TabBar, tabDomId, tabLabel } from './tabs/TabBar.tsx';
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
  // Incremented when an article is revealed from the import report: the preview takes the focus once it shows it.
  const [revealFocus, setRevealFocus] = useState(0);
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
  // A layout effect, so that when the tab that had the focus closes, the search box takes it before anything is drawn.
  const lastActive = useRef(tabs.active);
  const focusInStrip = useRef(false);
  useLayoutEffect(() => {
    if (lastActive.current === tabs.active) return;
    lastActive.current = tabs.active;
    // Moving through the strip keeps the focus there, unless the strip itself went with the last article tab.
    const keepFocus = focusInStrip.current && tabs.tabs.length > 0;
    focusInStrip.current = false;
    if (tabs.active !== BROWSER_TAB) return;
    setRefreshKey((k) => k + 1);
    if (!keepFocus) setFocusSignal((n) => n + 1);
  }, [tabs.active, tabs.tabs.length]);
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
  // From the import report an article opens in the browser's preview, where "Open for editing" is one click away;
  // the report goes, so the preview takes the focus (it would otherwise drop to <body>).
  const openArticle = (id: string) => {
    imports.dismiss();
    dispatchTabs({ type: 'activate', key: BROWSER_TAB });
    setRevealId(id);
    setRevealFocus((n) => n + 1);
  };
  // Closing the import panel by its button: back to the search box (or, over an editor, to its tab), not to <body>.
  const dismissImport = () => {
    if (onBrowser) setFocusSignal((n) => n + 1);
    else document.getElementById(tabDomId(tabs.active))?.focus();
    imports.dismiss();
  };
  const exportArticle = exportCommand ?? undefined;
  const front = activeTab(tabs);
  // Every screen has one h1; the design draws none but the first-run page's, so this one is read, not drawn.
  const heading = front ? `${tabLabel(front)} — Copydesk editor` : 'Copydesk archive';

  return (
    <div className={`app${dropping ? ' dropping' : ''}`}>
      <main className="workspace">
        {!(firstRun && tabs.tabs.length === 0) && <h1 className="sr-only">{heading}</h1>}
        {Editor && tabs.tabs.length > 0 && <TabBar state={tabs} onActivate={activate} onClose={closeTab} />}
        {Editor &&
          tabs.tabs.map((tab) => (
            <EditorTabHost key={tab.key} Editor={Editor} tab={tab} active={tabs.active === tab.key} dispatch={dispatchTabs} onClose={closeTab} {...(exportArticle ? { onExport: exportArticle } : {})} />
          ))}
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
              revealFocus={revealFocus}
              canEdit={Editor !== null}
              onEdit={(id) => dispatchTabs({ type: 'open', articleId: id })}
              onCompare={(id, revisionId) => dispatchTabs({ type: 'open', articleId: id, compare: revisionId })}
              onPreview={setPreviewId}
            />
          </div>
        )}
        {/* The import panel sits below the browser, so that its report's Open buttons come after the search box in tab order. */}
        {imports.state.phase === 'running' && <ImportProgress progress={imports.state.progress} cancelling={imports.state.cancelling} onCancel={() => void imports.cancel()} />}
        {imports.state.phase === 'failed' && (
          <section className="import-report" aria-labelledby="import-failed-title">
            <h2 id="import-failed-title">Import failed</h2>
            <p role="alert">The import stopped: {imports.state.error.message}</p>
            <button type="button" onClick={dismissImport}>
              Close
            </button>
          </section>
        )}
        {imports.state.phase === 'done' && <ImportReport report={imports.state.report} onOpenArticle={openArticle} onClose={dismissImport} onNotice={setNotice} />}
      </main>
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
      <StatusBar path={info?.archivePath ?? ''} stats={stats} notice={notice}>
        <SyncIndicator />
        <ZonePicker zone={imports.zone} onZone={imports.setZone} />
      </StatusBar>
    </div>
  );
}
