// The editor panel the app opens (renderer/src/app/panels.ts): loads the
// article (or creates a new draft) and hands it to ArticleEditor.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ArticleForEditValue } from '../../../../shared/contract/editor.ts';
import type { EditorPanelProps } from '../../app/panels.ts';
import { editorApi } from './api.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { closingWriteSettled } from './pendingWrites.ts';
import './editor.css';

export function EditorView({ articleId, onClose, active = true, onStatus, onExport, compare = null }: EditorPanelProps) {
  const [loaded, setLoaded] = useState<ArticleForEditValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  // React's StrictMode runs effects twice in development; one new article, not two.
  const creating = useRef<ReturnType<typeof editorApi.create> | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setError(null);
    // A tab of this article closed a moment ago may still be writing its last edits: open after them.
    const pending = articleId === null ? (creating.current ??= editorApi.create({})) : closingWriteSettled(articleId).then(() => editorApi.open({ id: articleId }));
    void pending.then((r) => {
      if (!live) return;
      if (r.ok) setLoaded(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [articleId]);

  if (error) {
    return (
      <div className="cd-editor" role="alert" tabIndex={-1} ref={(el) => void (active && el?.focus())}>
        <p>{error}</p>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    );
  }
  if (!loaded) return <Opening active={active} />;
  return (
    <ArticleEditor
      key={loaded.article.id}
      initial={loaded}
      onClose={onClose}
      active={active}
      compare={compare}
      {...(onStatus ? { onStatus } : {})}
      {...(onExport ? { onExport } : {})}
    />
  );
}

/**
 * While the article loads. The control that opened it (in the browser, now hidden) has lost the focus;
 * this placeholder holds it until the editor takes it, so it never rests on <body>.
 */
function Opening({ active }: { active: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return (
    <div className="cd-editor" aria-busy="true" tabIndex={-1} ref={ref}>
      Opening…
    </div>
  );
}
