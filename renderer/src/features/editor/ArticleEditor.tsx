// One open article: fields, body, counts, checklist, history, save state.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleForEditValue } from '../../../../shared/contract/editor.ts';
import { countTkMarkers, lengthVerdict, readyChecklist } from '../../../../shared/editing/workflow.ts';
import { countCharacters, countWords } from '../../../../shared/editor/plainText.ts';
import type { ArticleStatus } from '../../../../shared/model/article.ts';
import type { CompareRequest, EditorTabStatus } from '../../app/panels.ts';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { FieldsPanel } from './FieldsPanel.tsx';
import type { BodyStats } from './plugins/TextStatsPlugin/TextStatsPlugin.tsx';
import { ReadyChecklist } from './ReadyChecklist.tsx';
import { EmbargoNotice } from '../wire/EmbargoNotice.tsx';
import { StatusBanner } from '../wire/StatusBanner.tsx';
import { WireMetadata } from '../wire/WireMetadata.tsx';
import { EDITABLE_WIRE_FIELDS, WireFieldsEditor } from '../wire/WireFieldsEditor.tsx';
import { useEmbargoHolds } from '../wire/useEmbargo.ts';
import { isWireCopy, type ReadyRuleName } from '../../../../shared/editing/readyRules.ts';
import type { SubjectSuggestion } from '../../../../shared/model/newsroom.ts';
import { editorApi } from './api.ts';
import { SharedBanner } from '../sync/SharedBanner.tsx';
import { type SaveState, useArticleDocument } from './useArticleDocument.ts';

function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return `Saved ${new Date(state.at).toLocaleTimeString()}`;
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.message}`;
  }
}

interface ArticleEditorProps {
  initial: ArticleForEditValue;
  onClose(): void;
  /** False while another tab is in front (the editor stays mounted, hidden). */
  active?: boolean;
  onStatus?(status: EditorTabStatus): void;
  /** Opens the export dialog for this article (the Export… button); without it there is no button. */
  onExport?(articleId: string): void;
  /** Open the history panel on this revision against the current text (a history: search's Compare button). */
  compare?: CompareRequest | null;
}

export function ArticleEditor({ initial, onClose, active = true, onStatus, onExport, compare = null }: ArticleEditorProps) {
  const doc = useArticleDocument(initial);
  const [bodyText, setBodyText] = useState(initial.article.bodyText);
  const [tkInBody, setTkInBody] = useState(0);
  const [findOpen, setFindOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(compare !== null);
  // Each new compare request (re)opens the panel, which shows that revision against the current text once:
  // closing and reopening History later starts from the usual A/B choice.
  const [pendingCompare, setPendingCompare] = useState(compare);
  useEffect(() => {
    if (compare === null) return;
    setPendingCompare(compare);
    setHistoryOpen(true);
  }, [compare]);
  const compareShown = useCallback(() => setPendingCompare(null), []);
  const [revisionName, setRevisionName] = useState('');
  // Someone else holds the shared archive's lock: read-only until they let go (or a chief breaks it).
  const [lockedOut, setLockedOut] = useState(false);
  const { fields } = doc;
  const headlineRef = useRef<HTMLInputElement>(null);
  const historyButton = useRef<HTMLButtonElement>(null);
  const { editorRef } = doc;
  const onReadOnly = useCallback(
    (readOnly: boolean) => {
      setLockedOut(readOnly);
      doc.editorRef.current?.setEditable(!readOnly);
    },
    [doc.editorRef],
  );
  const currentText = useCallback(
    () => ({ fields: { ...doc.fields } as Record<string, unknown>, body: doc.editorRef.current?.getEditorState().toJSON() as unknown }),
    [doc.fields, doc.editorRef],
  );

  const onStats = useCallback((stats: BodyStats) => setBodyText(stats.text), []);
  // Escape (or ×) in the find bar: the caret goes back to the body, where it was.
  const onFindClose = useCallback(() => {
    setFindOpen(false);
    editorRef.current?.focus();
  }, [editorRef]);
  const closeHistory = useCallback(() => {
    setHistoryOpen(false);
    historyButton.current?.focus();
  }, []);

  // Opened (from the browser, the import report or File › New Article): the focus goes to the headline,
  // the top of the story, rather than staying on a control that the browser tab has just hidden.
  // A layout effect, so there is no moment with the focus on <body> in between.
  useLayoutEffect(() => {
    if (active) headlineRef.current?.focus();
    // Only when the editor first shows (so no dependencies); coming back to a tab puts the caret back in the body (below).
  }, []);
  const counts = useMemo(() => ({ words: countWords(bodyText), chars: countCharacters(bodyText) }), [bodyText]);
  const length = lengthVerdict(counts.words, fields.targetLength);
  const tkTotal = tkInBody + countTkMarkers(fields.headline) + countTkMarkers(fields.dek);
  // Flips when the embargo's instant passes while the editor is open, so the lapsed-embargo rule shows at once.
  const embargoHolding = useEmbargoHolds(fields.embargoedUntil);
  const [readyRules, setReadyRules] = useState(initial.readyRules);
  // Shown switched at once (a checkbox must follow the click); the archive's answer, or the old value on failure, follows.
  const onRule = useCallback(
    (name: ReadyRuleName, on: boolean) => {
      setReadyRules((rules) => ({ ...rules, [name]: on }));
      void editorApi.setReadyRules({ [name]: on }).then((r) => {
        if (r.ok) setReadyRules(r.value);
        else {
          setReadyRules((rules) => ({ ...rules, [name]: !on }));
          doc.setNotice(r.error.message);
        }
      });
    },
    [doc.setNotice],
  );
  const wireCopy = isWireCopy({ provider: fields.provider, source: initial.article.source });
  const checklist = useMemo(
    () =>
      readyChecklist({
        headline: fields.headline,
        dek: fields.dek,
        bodyText,
        bodyWords: counts.words,
        targetLength: fields.targetLength,
        wire: { slugline: fields.slugline, urgency: fields.urgency, embargoedUntil: fields.embargoedUntil, wireCopy, now: Date.now() },
        rules: readyRules,
      }),
    // embargoHolding is a dependency on purpose: it re-judges the embargo when it lapses.
    [fields.headline, fields.dek, bodyText, counts.words, fields.targetLength, fields.slugline, fields.urgency, fields.embargoedUntil, wireCopy, readyRules, embargoHolding],
  );
  const suggestSubjects = useCallback(async (prefix: string): Promise<SubjectSuggestion[]> => {
    const r = await editorApi.subjectSuggestions({ prefix: prefix.replace(/\p{Cc}+/gu, ' ').slice(0, 200), limit: 10 });
    return r.ok ? r.value.suggestions : [];
  }, []);

  const onArticleStatus = (status: ArticleStatus) => {
    void doc.setStatus(status);
  };

  useEffect(() => onStatus?.({ articleId: doc.id, headline: fields.headline, save: doc.saveState.kind }), [onStatus, doc.id, fields.headline, doc.saveState.kind]);

  // Going to the back writes what is pending (as closing does); coming to the front puts the caret back
  // in the body, unless the user is moving through the tab strip with the keyboard.
  const { flush } = doc;
  const wasActive = useRef(active);
  // A layout effect: the tab that had the focus may have just closed, and the caret must land before a frame shows <body> focused.
  useLayoutEffect(() => {
    if (wasActive.current === active) return;
    wasActive.current = active;
    if (!active) void flush();
    else if (!document.activeElement?.matches('[role="tab"]:focus-visible')) editorRef.current?.focus();
  }, [active, flush, editorRef]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 's') {
      e.preventDefault();
      void doc.save();
    } else if (key === 'f' || key === 'h') {
      e.preventDefault();
      e.stopPropagation();
      setFindOpen(true);
    }
  };

  const close = () => void doc.flush().then(onClose);

  return (
    <div className="cd-editor" onKeyDown={onKeyDown} data-article-id={doc.id}>
      <header className="cd-editor-bar">
        <button type="button" onClick={close} aria-label="Close the editor">←</button>
        <span className="cd-save-state" role="status" data-state={doc.saveState.kind}>
          {saveLabel(doc.saveState)}
        </span>
        <input aria-label="Revision name (optional)" placeholder="Name this revision…" value={revisionName} onChange={(e) => setRevisionName(e.target.value)} />
        <button
          type="button"
          onClick={() => void doc.save(revisionName.trim() || null).then((ok) => ok && setRevisionName(''))}
          title="Save a revision (Ctrl/Cmd+S)"
        >
          Save
        </button>
        <button type="button" ref={historyButton} aria-pressed={historyOpen} onClick={() => setHistoryOpen((o) => !o)}>
          History
        </button>
        {onExport && (
          <button type="button" onClick={() => void doc.flush().then(() => onExport(doc.id))} title="Preview and export this article (File › Export…, Ctrl/Cmd+E)">
            Export…
          </button>
        )}
      </header>
      <SharedBanner articleId={doc.id} onReadOnly={onReadOnly} current={currentText} onResolved={onClose} />
      <StatusBanner status={fields.status} pubStatus={fields.pubStatus} editorNote={fields.editorNote} />
      <EmbargoNotice until={fields.embargoedUntil} />
      {doc.notice && (
        <div className="cd-notice" role="alert">
          {doc.notice} <button type="button" onClick={() => doc.setNotice(null)} aria-label="Dismiss">×</button>
        </div>
      )}
      <div className="cd-editor-main">
        <aside className="cd-sidebar">
          <FieldsPanel fields={fields} slugAuto={doc.slugAuto} readOnly={doc.conflict || lockedOut} setField={doc.setField} onStatus={onArticleStatus} headlineRef={headlineRef} />
          <WireFieldsEditor fields={fields} readOnly={doc.conflict || lockedOut} setField={doc.setField} suggestSubjects={suggestSubjects} />
          <WireMetadata fields={fields} headingLevel={2} id={`wire-${doc.id}`} hide={EDITABLE_WIRE_FIELDS} />
          <section className="cd-counts" aria-label="Counts">
            <div data-testid="count-body">
              Body: {counts.words} words · {counts.chars} chars
            </div>
            {length.target !== null && (
              <div data-testid="count-target" data-within={length.within}>
                Target {length.target}: {length.delta === 0 ? 'on target' : `${Math.abs(length.delta)} ${length.delta > 0 ? 'over' : 'under'}`}
              </div>
            )}
            <div data-testid="count-tk" className={tkTotal > 0 ? 'cd-tk-count' : ''}>
              TK markers: {tkTotal}
            </div>
          </section>
          <ReadyChecklist checklist={checklist} rules={readyRules} onRule={onRule} />
        </aside>
        {/* Not a <main>: the app's workspace is the window's one main landmark. */}
        <div className="cd-body-column">
          <BodyEditor
            articleId={doc.id}
            body={initial.article.body}
            editorRef={doc.editorRef}
            findOpen={findOpen}
            onFindClose={onFindClose}
            onChange={doc.onBodyChange}
            onStats={onStats}
            onTkCount={setTkInBody}
          />
        </div>
        {historyOpen && (
          <HistoryPanel
            articleId={doc.id}
            refreshKey={doc.historyTick}
            beforeCompare={doc.flush}
            onRestore={(revisionId, field) => doc.restore(revisionId, field)}
            onClose={closeHistory}
            compare={pendingCompare}
            onCompareShown={compareShown}
          />
        )}
      </div>
      {doc.conflict && <ConflictDialog onChoose={(c) => void doc.resolveConflict(c)} />}
    </div>
  );
}
