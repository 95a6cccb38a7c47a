// The imported file as it came in, beside the article made from it: decoded
// with the encoding detected at import and shown as plain text in a <pre>
// (React escapes it; an HTML original is shown as its source, never rendered).
import { useEffect, useState } from 'react';
import type { OriginalText } from '../../../../shared/model/original.ts';
import type { Result } from '../../../../shared/result.ts';
import { api } from '../../api/client.ts';
import { bytes } from './format.ts';

export interface OriginalViewProps {
  articleId: string;
  /** Whether the article came from an import (changes what "nothing kept" means). */
  imported: boolean;
  refreshKey: number;
}

export function OriginalView({ articleId, imported, refreshKey }: OriginalViewProps) {
  const [loaded, setLoaded] = useState<{ id: string; result: Result<OriginalText | null> } | null>(null);

  useEffect(() => {
    let current = true;
    void api.archive.getOriginal({ id: articleId }).then((result) => {
      if (current) setLoaded({ id: articleId, result });
    });
    return () => {
      current = false;
    };
  }, [articleId, refreshKey]);

  if (!loaded || loaded.id !== articleId) return <p className="muted" aria-busy="true">Loading the original…</p>;
  if (!loaded.result.ok) return <p role="alert">{loaded.result.error.message}</p>;
  const original = loaded.result.value;
  if (!original)
    return (
      <p className="muted" data-testid="original-none">
        No original kept: {imported ? 'this file was imported without keeping originals (--no-originals).' : 'this article was written in Copydesk.'}
      </p>
    );
  const confidence = original.encodingConfidence == null ? '' : ` (${Math.round(original.encodingConfidence * 100)}% sure)`;
  return (
    <div data-testid="original">
      <dl className="fields provenance">
        <dt>Encoding</dt>
        <dd data-testid="original-encoding">
          {original.encoding ?? 'not recorded'}
          {confidence}
          {original.encoding !== original.decodedAs ? ` — shown as ${original.decodedAs}` : ''}
        </dd>
        <dt>Size</dt>
        <dd>{`${bytes(original.size)} (${original.size.toLocaleString('en')} bytes)`}</dd>
      </dl>
      {original.truncated && (
        <p className="muted">
          Showing the first {original.text.length.toLocaleString('en')} of {original.textLength.toLocaleString('en')} characters;{' '}
          <code>copydesk show {original.id} --original</code> gives the whole file.
        </p>
      )}
      <pre className="original-text" data-testid="original-text">
        {original.text}
      </pre>
    </div>
  );
}
