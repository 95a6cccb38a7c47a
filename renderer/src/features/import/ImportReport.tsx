// The per-file report after an import: counts, an outcome filter, a virtual
// table (an import can report 100k files), open an article, save as CSV.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { ImportOutcomeValue, ImportReportValue } from '../../../../shared/contract/import.ts';

// Listed here rather than imported: the contract module carries zod schemas the renderer has no use for.
const IMPORT_OUTCOMES: readonly ImportOutcomeValue[] = ['imported', 'updated', 'duplicate', 'failed', 'skipped'];
import { api } from '../../api/client.ts';

const ROW = 34;

export interface ImportReportProps {
  report: ImportReportValue;
  onOpenArticle(id: string): void;
  onClose(): void;
  onNotice(message: string): void;
}

export function ImportReport({ report, onOpenArticle, onClose, onNotice }: ImportReportProps) {
  const [filter, setFilter] = useState<ImportOutcomeValue | 'all'>('all');
  const files = useMemo(() => (filter === 'all' ? report.files : report.files.filter((f) => f.outcome === filter)), [report, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: files.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  // `?? 0`: a report saved by a build from before the skipped outcome has no such count.
  const skipped = report.skipped ?? 0;
  const counts: Record<ImportOutcomeValue, number> = { imported: report.imported, updated: report.updated, duplicate: report.duplicates, failed: report.failed, skipped };

  const save = async () => {
    const result = await api.import.saveReport({});
    if (!result.ok) onNotice(result.error.message);
    else if (result.value.path) onNotice(`Report saved to ${result.value.path}`);
  };

  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <header>
        <h2>{report.cancelled ? 'Import cancelled' : 'Import finished'}</h2>
        <p className="summary" data-testid="import-summary">
          {report.imported} imported · {report.updated} updated · {report.duplicates} duplicates · {report.failed} failed
          {skipped > 0 ? ` · ${skipped} skipped (hidden)` : ''}
          {report.cancelled ? ' · stopped early: run the import again to finish' : ''}
        </p>
        <div className="actions">
          <label>
            <span>Show</span>
            <select aria-label="Filter report by outcome" value={filter} onChange={(e) => setFilter(e.target.value as ImportOutcomeValue | 'all')}>
              <option value="all">All files ({report.files.length})</option>
              {IMPORT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {o} ({counts[o]})
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void save()}>
            Save as CSV…
          </button>
          <button type="button" onClick={onClose}>
            Close report
          </button>
        </div>
      </header>
      <div role="table" aria-label="Files" aria-rowcount={files.length + 1} className="report-table">
        <div role="row" className="report-row head">
          <span role="columnheader">File</span>
          <span role="columnheader">Outcome</span>
          <span role="columnheader">Note</span>
          <span role="columnheader">Article</span>
        </div>
        <div ref={scrollRef} className="report-scroll" role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const f = files[item.index];
              if (!f) return null;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`report-row outcome-${f.outcome}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell" className="path" title={f.path}>
                    {f.path}
                  </span>
                  <span role="cell">{f.outcome}</span>
                  <span role="cell" className="reason" title={f.reason ?? ''}>
                    {f.reason ?? ''}
                  </span>
                  <span role="cell">
                    {f.articleId ? (
                      <button type="button" className="link" onClick={() => onOpenArticle(f.articleId as string)} aria-label={`Open article from ${basename(f.path)}`}>
                        Open
                      </button>
                    ) : null}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
