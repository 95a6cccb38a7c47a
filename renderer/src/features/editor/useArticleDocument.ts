// The open article's state and every write it makes: autosave, save, status,
// restore, and the two ways out of a conflict. The body lives in Lexical; the
// fields live here. Writes are serialized by the SaveScheduler.
import type { LexicalEditor } from 'lexical';
import { CLEAR_HISTORY_COMMAND } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleForEditValue } from '../../../../shared/contract/editor.ts';
import type { Article, ArticleFields, ArticleStatus } from '../../../../shared/model/article.ts';
import { FIELD_NAMES } from '../../../../shared/model/article.ts';
import { slugify } from '../../../../shared/model/slug.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import type { DiffFieldName } from '../../../../shared/editing/diff.ts';
import type { ErrorValue } from '../../../../shared/result.ts';
import { editorApi } from './api.ts';
import { trackClosingWrite } from './pendingWrites.ts';
import { LOAD_TAG } from './plugins/ChangePlugin/ChangePlugin.tsx';
import { SaveScheduler } from './saveScheduler.ts';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

export const AUTOSAVE_DEBOUNCE_MS = 1000;
export const AUTOSAVE_MAX_WAIT_MS = 1500;
/** How long a due autosave may wait for an idle moment: 1.5 s + 0.25 s + the write stays within the ~2 s promise. */
export const AUTOSAVE_IDLE_TIMEOUT_MS = 250;

function whenIdle(start: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: AUTOSAVE_IDLE_TIMEOUT_MS });
  else start();
}

function fieldsOf(article: Article): ArticleFields {
  const out: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) out[name] = article[name];
  return out as unknown as ArticleFields;
}

export function useArticleDocument(initial: ArticleForEditValue) {
  const id = initial.article.id;
  const editorRef = useRef<LexicalEditor | null>(null);
  // EditorRefPlugin clears editorRef when the body unmounts, which can happen
  // before our own unmount flush runs; the editor object still holds its state.
  const lastEditor = useRef<LexicalEditor | null>(null);
  const currentEditor = () => editorRef.current ?? lastEditor.current;
  const [fields, setFields] = useState<ArticleFields>(() => fieldsOf(initial.article));
  const fieldsRef = useRef(fields);
  const [slugAuto, setSlugAuto] = useState(() => initial.article.slug === slugify(initial.article.headline));
  const versionRef = useRef(initial.article.version);
  const bodyDirty = useRef(false);
  const fieldsDirty = useRef(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: initial.article.modifiedAt });
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped after every write that adds a revision, so the history panel refreshes. */
  const [historyTick, setHistoryTick] = useState(0);

  const takePending = () => {
    const editor = currentEditor();
    const body = bodyDirty.current && editor ? (editor.getEditorState().toJSON() as unknown as BodyState) : undefined;
    const f = fieldsDirty.current ? fieldsRef.current : undefined;
    bodyDirty.current = false;
    fieldsDirty.current = false;
    return { body, fields: f };
  };

  const restorePending = (pending: { body?: BodyState | undefined; fields?: ArticleFields | undefined }) => {
    if (pending.body) bodyDirty.current = true;
    if (pending.fields) fieldsDirty.current = true;
  };

  const failed = (error: ErrorValue) => {
    if (error.code === 'conflict') {
      setConflict(true);
      scheduler.pause(true);
      editorRef.current?.setEditable(false);
    }
    setSaveState({ kind: 'error', message: error.message });
  };

  // Runs inside scheduler.exclusive: the one place edits are written.
  const writePending = async (kind: 'autosave' | 'save', name?: string | null): Promise<boolean> => {
    scheduler.consume();
    const pending = takePending();
    if (kind === 'autosave' && !pending.body && !pending.fields) return true;
    setSaveState({ kind: 'saving' });
    const input = { id, baseVersion: versionRef.current, ...(pending.fields ? { fields: pending.fields } : {}), ...(pending.body ? { body: pending.body } : {}) };
    const result = kind === 'autosave' ? await editorApi.autosave(input) : await editorApi.save({ ...input, ...(name ? { name } : {}) });
    if (!result.ok) {
      restorePending(pending);
      scheduler.markDirty();
      failed(result.error);
      return false;
    }
    const value = result.value;
    // Autosave and save both answer with the new version and time, not the article.
    versionRef.current = value.version;
    if (kind === 'save' || ('revisionId' in value && value.revisionId !== null)) setHistoryTick((t) => t + 1);
    setSaveState(scheduler.dirty ? { kind: 'dirty' } : { kind: 'saved', at: value.modifiedAt });
    return true;
  };

  const scheduler = useMemo(
    () =>
      new SaveScheduler({
        debounceMs: AUTOSAVE_DEBOUNCE_MS,
        maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
        defer: whenIdle,
        run: async () => void (await writePending('autosave')),
      }),
    // One scheduler per open article; everything writePending touches is a ref or a state setter.
    [id],
  );

  const touch = useCallback(() => {
    setSaveState((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
    scheduler.touch();
  }, [scheduler]);

  const onBodyChange = useCallback(() => {
    lastEditor.current = editorRef.current ?? lastEditor.current;
    bodyDirty.current = true;
    touch();
  }, [touch]);

  const setField = useCallback(
    <K extends keyof ArticleFields>(name: K, value: ArticleFields[K]) => {
      const next = { ...fieldsRef.current, [name]: value };
      if (name === 'headline' && slugAuto) next.slug = slugify(String(value));
      if (name === 'slug') setSlugAuto(value === '' ? true : false);
      fieldsRef.current = next;
      setFields(next);
      fieldsDirty.current = true;
      touch();
    },
    [slugAuto, touch],
  );

  /** Put an article from the archive into the view (after restore, reload, keep-mine). */
  const load = useCallback((article: Article) => {
    versionRef.current = article.version;
    fieldsRef.current = fieldsOf(article);
    setFields(fieldsRef.current);
    const editor = editorRef.current;
    if (editor) {
      editor.setEditorState(editor.parseEditorState(JSON.stringify(article.body)), { tag: LOAD_TAG });
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    }
    setSaveState({ kind: 'saved', at: article.modifiedAt });
    setHistoryTick((t) => t + 1);
  }, []);

  const save = useCallback((name?: string | null) => scheduler.exclusive(() => writePending('save', name)), [scheduler]);

  const setStatus = useCallback(
    (status: ArticleStatus, force = false) =>
      scheduler.exclusive(async () => {
        if (scheduler.dirty && !(await writePending('autosave'))) return false;
        const r = await editorApi.setStatus({ id, status, baseVersion: versionRef.current, ...(force ? { force } : {}) });
        if (!r.ok) {
          if (r.error.code === 'conflict') failed(r.error);
          else setNotice(r.error.message);
          return false;
        }
        setNotice(null);
        if (r.value.article) {
          versionRef.current = r.value.article.version;
          fieldsRef.current = { ...fieldsRef.current, status: r.value.to };
          setFields(fieldsRef.current);
          setHistoryTick((t) => t + 1);
        }
        return true;
      }),
    [id, scheduler],
  );

  const restore = useCallback(
    (revisionId: number, field?: DiffFieldName) =>
      scheduler.exclusive(async () => {
        if (scheduler.dirty && !(await writePending('autosave'))) return false;
        const r = await editorApi.restore({ id, revisionId, baseVersion: versionRef.current, ...(field ? { field } : {}) });
        if (!r.ok) {
          if (r.error.code === 'conflict') failed(r.error);
          else setNotice(r.error.message);
          return false;
        }
        load(r.value.article);
        return true;
      }),
    [id, load, scheduler],
  );

  const resolveConflict = useCallback(
    (choice: 'reload' | 'keep-mine') =>
      scheduler.exclusive(async () => {
        if (choice === 'reload') {
          const r = await editorApi.open({ id });
          if (!r.ok) return setNotice(r.error.message);
          scheduler.consume();
          takePending();
          load(r.value.article);
        } else {
          const editor = currentEditor();
          const body = editor ? (editor.getEditorState().toJSON() as unknown as BodyState) : undefined;
          const r = await editorApi.saveOnTop({ id, fields: fieldsRef.current, ...(body ? { body } : {}) });
          if (!r.ok) return setNotice(r.error.message);
          scheduler.consume();
          takePending();
          versionRef.current = r.value.version;
          setSaveState({ kind: 'saved', at: r.value.modifiedAt });
          setHistoryTick((t) => t + 1);
        }
        setConflict(false);
        editorRef.current?.setEditable(true);
        scheduler.pause(false);
      }),
    [id, load, scheduler],
  );

  // Autosave also when the window loses focus, is hidden or closes.
  useEffect(() => {
    const flush = () => void scheduler.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      trackClosingWrite(id, scheduler.flush());
      scheduler.dispose();
    };
  }, [id, scheduler]);

  return {
    id,
    editorRef,
    fields,
    setField,
    slugAuto,
    saveState,
    conflict,
    notice,
    setNotice,
    historyTick,
    onBodyChange,
    flush: () => scheduler.flush(),
    save,
    setStatus,
    restore,
    resolveConflict,
    version: () => versionRef.current,
  };
}

export type ArticleDocument = ReturnType<typeof useArticleDocument>;
