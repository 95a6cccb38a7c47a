// The editor panel the app opens (renderer/src/app/panels.ts): loads the
// article (or creates a new draft) and hands it to ArticleEditor.
import { useEffect, useRef, useState } from 'react';
import type { ArticleForEditValue } from '../../../../shared/contract/editor.ts';
import type { EditorPanelProps } from '../../app/panels.ts';
import { editorApi } from './api.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { closingWriteSettled } from './pendingWrites.ts';
import './editor.css';

export function EditorView({ articleId, onClose, active = true, onStatus }: EditorPanelProps) {
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
      <div className="cd-editor" role="alert">
        <p>{error}</p>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    );
  }
  if (!loaded) return <div className="cd-editor" aria-busy="true">Opening…</div>;
  return <ArticleEditor key={loaded.article.id} initial={loaded} onClose={onClose} active={active} {...(onStatus ? { onStatus } : {})} />;
}
