// Many articles: every result of a search (the browser's current one, which
// the editor may change here) into a folder chosen with a native dialog,
// with progress while the core writes and the outcome per article after.
import { useEffect, useState } from 'react';
import type { ExportBatchValue, ExportProgressValue } from '../../../../shared/contract/export.ts';
import type { ExportFormat, NinjsVersion } from '../../../../shared/export/types.ts';
import { api } from '../../api/client.ts';

export interface BatchExportProps {
  initialQuery: string;
  format: ExportFormat;
  /** Used when `format` is ninjs. */
  ninjsVersion: NinjsVersion;
  onStatus(message: string): void;
}

export function BatchExport({ initialQuery, format, ninjsVersion, onStatus }: BatchExportProps) {
  const [query, setQuery] = useState(initialQuery);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportProgressValue | null>(null);
  const [result, setResult] = useState<ExportBatchValue | null>(null);
  const [ignoreEmbargo, setIgnoreEmbargo] = useState(false);

  useEffect(() => api.export.onProgress(setProgress), []);

  const run = async () => {
    if (running) return;
    setRunning(true);
    setResult(null);
    setProgress(null);
    const r = await api.export.batch({ query, format, ...(format === 'ninjs' ? { ninjsVersion } : {}), ...(ignoreEmbargo ? { ignoreEmbargo } : {}) });
    setRunning(false);
    if (!r.ok) return onStatus(r.error.message);
    if (r.value.outDir === null) return onStatus('');
    setResult(r.value);
    onStatus(`Exported ${r.value.exported} article${r.value.exported === 1 ? '' : 's'} to ${r.value.outDir}${r.value.failed ? `; ${r.value.failed} failed` : ''}.`);
  };

  const failures = result?.files.filter((f) => f.outcome === 'failed') ?? [];
  return (
    <section className="export-batch" aria-label="Export search results">
      <h3>Search results</h3>
      <div className="export-actions">
        <input type="search" aria-label="Articles to export (search)" placeholder="every article" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" onClick={() => void run()} aria-disabled={running || undefined}>
          Export search results…
        </button>
      </div>
      <label className="export-embargo-option">
        <input type="checkbox" checked={ignoreEmbargo} onChange={(e) => setIgnoreEmbargo(e.target.checked)} /> Also export articles still under embargo (killed and
        withheld articles are never exported)
      </label>
      {running && progress && (
        <p className="export-progress">
          <progress max={progress.total} value={progress.done} aria-label="Export progress" /> {progress.done} / {progress.total}
          {progress.rate > 0 ? ` · ${Math.round(progress.rate)}/s` : ''}
          {progress.etaSeconds !== null && progress.etaSeconds > 1 ? ` · ${Math.ceil(progress.etaSeconds)} s left` : ''}
        </p>
      )}
      {result && (
        <p data-testid="export-batch-result">
          {result.exported} exported, {result.failed} failed · manifest: {result.manifest}
        </p>
      )}
      {failures.length > 0 && (
        <ul className="export-failures">
          {failures.slice(0, 100).map((f) => (
            <li key={f.id}>
              {f.headline ?? f.id}: {f.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
