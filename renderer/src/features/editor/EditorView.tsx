// The editor panel the app opens (renderer/src/app/panels.ts): loads the
// article (or creates a new draft) and hands it to ArticleEditor.
import { useEffect, useState } from 'react';
import type { ArticleForEditValue } from '../../../../shared/contract/editor.ts';
import type { EditorPanelProps } from '../../app/panels.ts';
import { editorApi } from './api.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import './editor.css';

export function EditorView({ articleId, onClose }: EditorPanelProps) {
  const [loaded, setLoaded] = useState<ArticleForEditValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setError(null);
    void (articleId === null ? editorApi.create({}) : editorApi.open({ id: articleId })).then((r) => {
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
  return <ArticleEditor key={loaded.article.id} initial={loaded} onClose={onClose} />;
}
