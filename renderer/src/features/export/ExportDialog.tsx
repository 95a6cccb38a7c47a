// The export dialog: the article's export preview in a sandboxed iframe,
// "Copy HTML", "Export…" (save dialog) and batch export of the current search
// into a folder, with progress. All HTML comes finished and sanitized from the
// core; this component never builds or edits markup.
import { useEffect, useRef, useState } from 'react';
import { type ExportFormat, NINJS_VERSIONS, type NinjsVersion } from '../../../../shared/export/types.ts';
import { BatchExport } from './BatchExport.tsx';
import { ExportPreview } from './ExportPreview.tsx';
import { FORMAT_LABELS, NINJS_LABELS } from './formats.ts';
import './export.css';

export interface ExportDialogProps {
  articleId: string | null;
  query: string;
  onClose(): void;
}

export function ExportDialog({ articleId, query, onClose }: ExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('html');
  const [ninjsVersion, setNinjsVersion] = useState<NinjsVersion>(2);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    // Escape fires `cancel`; the dialog closes itself, and `close` unmounts it.
    <dialog ref={ref} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <header>
        <h2 id="export-title">Export</h2>
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} aria-label="Export format">
            {Object.entries(FORMAT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {format === 'ninjs' && (
          <label>
            Version{' '}
            <select value={ninjsVersion} onChange={(e) => setNinjsVersion(Number(e.target.value) as NinjsVersion)} aria-label="ninjs version">
              {NINJS_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  {NINJS_LABELS[v]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </header>
      {articleId ? <ExportPreview articleId={articleId} format={format} ninjsVersion={ninjsVersion} onStatus={setStatus} /> : <p className="export-empty">Select an article to preview its export.</p>}
      <BatchExport initialQuery={query} format={format} ninjsVersion={ninjsVersion} onStatus={setStatus} />
      <p className="export-status" role="status" aria-live="polite">
        {status}
      </p>
    </dialog>
  );
}
