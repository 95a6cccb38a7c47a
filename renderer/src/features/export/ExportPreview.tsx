// One article: its export in a sandboxed iframe, "Copy HTML" and "Export…".
// The iframe is `sandbox=""` (no allow-scripts, no same-origin: an opaque
// origin that cannot run script, submit forms, open windows or reach this
// page) and gets the document as srcdoc; the document also carries its own
// CSP (default-src 'none'), and this page's CSP applies to it as well. Its
// links target a new window, which the sandbox refuses: a click on one does
// nothing (main's will-frame-navigate guard blocks any other way out), and
// useFrameFocusReturn brings focus back so the dialog keeps its keys.
import { useEffect, useRef, useState } from 'react';
import type { ExportPreviewValue } from '../../../../shared/contract/export.ts';
import type { ExportFormat, NinjsVersion } from '../../../../shared/export/types.ts';
import { api } from '../../api/client.ts';
import { blocked, RefusalNotice } from './RefusalNotice.tsx';
import { useFrameFocusReturn } from './useFrameFocusReturn.ts';

export interface ExportPreviewProps {
  articleId: string;
  format: ExportFormat;
  /** Used when `format` is ninjs. */
  ninjsVersion: NinjsVersion;
  onStatus(message: string): void;
}

export function ExportPreview({ articleId, format, ninjsVersion, onStatus }: ExportPreviewProps) {
  const [preview, setPreview] = useState<ExportPreviewValue | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const section = useRef<HTMLElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useFrameFocusReturn(frame, section);

  useEffect(() => {
    let live = true;
    setPreview(null);
    setConfirmed(false);
    void api.export.preview({ id: articleId }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [articleId]);

  const copy = async () => {
    const r = await api.export.copyHtml({ id: articleId, ...(confirmed ? { ignoreEmbargo: true } : {}) });
    onStatus(r.ok ? 'Copied the article’s HTML (with a plain-text version) to the clipboard.' : r.error.message);
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    const r = await api.export.saveAs({ id: articleId, format, ...(format === 'ninjs' ? { ninjsVersion } : {}), ...(confirmed ? { ignoreEmbargo: true } : {}) });
    setBusy(false);
    if (!r.ok) onStatus(r.error.message);
    else if (r.value.path) onStatus(`Exported to ${r.value.path}`);
  };

  if (error) return <p role="alert">{error}</p>;
  const refusal = preview?.refusal ?? null;
  const held = blocked(refusal, confirmed);
  return (
    <section className="export-article" aria-label="This article" ref={section} tabIndex={-1}>
      <div className="export-actions">
        <h3>{preview ? preview.headline || 'Untitled article' : 'Loading the preview…'}</h3>
        <button type="button" onClick={() => void copy()} disabled={!preview || held}>
          Copy HTML
        </button>
        {/* aria-disabled while saving, not disabled: a disabled button drops the keyboard focus to <body>. */}
        <button type="button" onClick={() => void save()} disabled={!preview || held} aria-disabled={busy || undefined}>
          Export…
        </button>
      </div>
      <RefusalNotice refusal={refusal} confirmed={confirmed} onConfirm={setConfirmed} />
      {preview && <iframe ref={frame} className="export-frame" title="Export preview" sandbox="" referrerPolicy="no-referrer" srcDoc={preview.document} />}
    </section>
  );
}
