// The selected article: its fields, its provenance and the start of its text.
// Loaded on selection; an answer for an earlier selection is dropped.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Article } from '../../../../shared/model/article.ts';
import type { ErrorValue } from '../../../../shared/result.ts';
import { api } from '../../api/client.ts';
import { dateTime } from './format.ts';
import { HistoryMatches } from './HistoryMatches.tsx';
import type { HistoryHit } from './historyMatches.ts';
import { OriginalView } from './OriginalView.tsx';
import { EmbargoNotice } from '../wire/EmbargoNotice.tsx';
import { ItemProvenance } from '../wire/ItemProvenance.tsx';
import { StatusBanner } from '../wire/StatusBanner.tsx';
import { WireMetadata } from '../wire/WireMetadata.tsx';

const PREVIEW_CHARS = 4000;

export interface PreviewPaneProps {
  articleId: string | null;
  /** Changes when the archive changed: the article is read again. */
  refreshKey: number;
  canEdit: boolean;
  onEdit(id: string): void;
  /**
   * Incremented to move the focus to the headline of `focusId` once the preview shows it (an article opened
   * from the import report); until then the pane itself holds the focus.
   */
  focusSignal?: number;
  focusId?: string | null;
  /** The selected result of a `history:` search: which revisions held its match (shown when it is this article). */
  historyHit?: HistoryHit | null;
  /** Open the article with the history panel showing this revision against the current text. */
  onCompare?(id: string, revisionId: number): void;
}

export function PreviewPane({ articleId, refreshKey, canEdit, onEdit, focusSignal = 0, focusId = null, historyHit = null, onCompare }: PreviewPaneProps) {
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const latest = useRef<string | null>(null);
  // Kept while moving through results, so originals can be compared one after another.
  const [showOriginal, setShowOriginal] = useState(false);
  const headline = useRef<HTMLHeadingElement>(null);
  const wantFocus = useRef(0);
  const pane = useRef<HTMLElement>(null);
  const shown = article !== null && article.id === articleId && article.id === focusId;
  // Asked to take the focus: the pane holds it (one <aside> whatever it shows) until the article is there,
  // then its headline takes it.
  useLayoutEffect(() => {
    if (focusSignal === 0 || focusSignal === wantFocus.current) return;
    if (shown) {
      wantFocus.current = focusSignal;
      headline.current?.focus();
    } else if (!pane.current?.contains(document.activeElement)) pane.current?.focus();
  }, [focusSignal, shown, articleId]);

  useEffect(() => {
    latest.current = articleId;
    if (articleId === null) {
      setArticle(null);
      setError(null);
      return;
    }
    void api.archive.getArticle({ id: articleId }).then((result) => {
      if (latest.current !== articleId) return;
      setArticle(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });
  }, [articleId, refreshKey]);

  if (articleId === null)
    return (
      <aside className="preview empty" aria-label="Preview" tabIndex={-1} ref={pane}>
        Select a result to see it here.
      </aside>
    );
  if (error)
    return (
      <aside className="preview" aria-label="Preview" tabIndex={-1} ref={pane}>
        <p role="alert">{error.message}</p>
      </aside>
    );
  if (!article || article.id !== articleId)
    return (
      <aside className="preview" aria-label="Preview" aria-busy="true" tabIndex={-1} ref={pane}>
        Loading…
      </aside>
    );

  const text = article.bodyText.length > PREVIEW_CHARS ? `${article.bodyText.slice(0, PREVIEW_CHARS)}…` : article.bodyText;
  const src = article.source;
  return (
    <aside className="preview" aria-label="Preview" data-testid="preview" tabIndex={-1} ref={pane}>
      <header>
        <h2 ref={headline} tabIndex={-1}>
          {article.headline || '(no headline)'}
        </h2>
        {article.dek && <p className="dek">{article.dek}</p>}
        <button type="button" onClick={() => onEdit(article.id)} disabled={!canEdit} title={canEdit ? 'Open in the editor (Enter)' : 'The editor is not part of this build yet'}>
          Open for editing
        </button>
      </header>
      <StatusBanner status={article.status} pubStatus={article.pubStatus} editorNote={article.editorNote} />
      <EmbargoNotice until={article.embargoedUntil} />
      {historyHit?.id === article.id && <HistoryMatches hit={historyHit} canCompare={canEdit && onCompare !== undefined} onCompare={(rev) => onCompare?.(article.id, rev)} />}
      <dl className="fields">
        <Field name="Byline" value={article.byline} />
        <Field name="Dateline" value={article.dateline} />
        <Field name="Section" value={article.section} />
        <Field name="Tags" value={article.tags.join(', ')} />
        <Field name="Status" value={article.status} />
        <Field name="Language" value={article.language} />
        <Field name="Posted" value={dateTime(article.postedAt)} />
        <Field name="Updated" value={dateTime(article.updatedAt)} />
        <Field name="Words" value={article.wordCount.toLocaleString('en')} />
        <Field name="Version" value={String(article.version)} />
      </dl>
      <WireMetadata fields={article} id="preview-wire" />
      <h3>Provenance</h3>
      {src.path ? (
        <dl className="fields provenance">
          <Field name="Source file" value={src.path} />
          <Field name="Format" value={src.format ?? ''} />
          <Field name="Encoding" value={src.encoding ? `${src.encoding}${src.encodingConfidence != null ? ` (${Math.round(src.encodingConfidence * 100)}% sure)` : ''}` : ''} />
          <Field name="Imported" value={dateTime(src.importedAt)} />
          <Field name="Zone assumed" value={src.timezoneAssumed ?? ''} />
          <Field name="SHA-256" value={src.sha256 ?? ''} mono />
          <ItemProvenance source={src} provider={article.provider} />
        </dl>
      ) : (
        <p className="muted">Written in Copydesk on {dateTime(article.createdAt)}.</p>
      )}
      <div className="text-header">
        <h3>{showOriginal ? 'Original file' : 'Text'}</h3>
        <div role="group" aria-label="Show the article text or the original file" className="view-toggle">
          <button type="button" aria-pressed={!showOriginal} onClick={() => setShowOriginal(false)}>
            Text
          </button>
          <button type="button" aria-pressed={showOriginal} onClick={() => setShowOriginal(true)}>
            Original
          </button>
        </div>
      </div>
      {showOriginal ? (
        <OriginalView articleId={article.id} imported={src.path !== null} refreshKey={refreshKey} />
      ) : (
        <div className="body-text">
          {text.split(/\n+/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
      )}
    </aside>
  );
}

function Field({ name, value, mono }: { name: string; value: string; mono?: boolean }) {
  if (value === '' || value === '—') return null;
  return (
    <>
      <dt>{name}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </>
  );
}
