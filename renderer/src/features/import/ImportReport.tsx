// The per-file report after an import: counts, an outcome filter, a virtual
// table (an import can report 100k files) whose rows load a page at a time
// (useReportRows.ts), open an article, save as CSV.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ImportOutcomeValue, ImportReportSummaryValue } from '../../../../shared/contract/import.ts';

// Listed here rather than imported: the contract module carries zod schemas the renderer has no use for.
const IMPORT_OUTCOMES: readonly ImportOutcomeValue[] = ['imported', 'updated', 'duplicate', 'failed', 'skipped'];
import { api } from '../../api/client.ts';
import { focusIfLost } from '../../app/focusIfLost.ts';
import { PAGE_ROWS, useReportRows } from './useReportRows.ts';

const ROW = 34;

export interface ImportReportProps {
  report: ImportReportSummaryValue;
  onOpenArticle(id: string): void;
  onClose(): void;
  onNotice(message: string): void;
}

export function ImportReport({ report, onOpenArticle, onClose, onNotice }: ImportReportProps) {
  const [filter, setFilter] = useState<ImportOutcomeValue | 'all'>('all');
  // `?? 0`: a report saved by a build from before the skipped outcome has no such count.
  const skipped = report.skipped ?? 0;
  const counts: Record<ImportOutcomeValue, number> = { imported: report.imported, updated: report.updated, duplicate: report.duplicates, failed: report.failed, skipped };
  // The import ended: the progress panel (and its Cancel button, or the first-run page's button) is gone.
  const title = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => focusIfLost(title.current), []);

  const save = async () => {
    const result = await api.import.saveReport({});
    if (!result.ok) onNotice(result.error.message);
    else if (result.value.path) onNotice(`Report saved to ${result.value.path}`);
  };

  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <header>
        <h2 id="import-report-title" ref={title} tabIndex={-1}>
          {report.cancelled ? 'Import cancelled' : 'Import finished'}
        </h2>
        <p className="summary" data-testid="import-summary">
          {report.imported} imported · {report.updated} updated · {report.duplicates} duplicates · {report.failed} failed
          {skipped > 0 ? ` · ${skipped} skipped (hidden)` : ''}
          {report.cancelled ? ' · stopped early: run the import again to finish' : ''}
        </p>
        <div className="actions">
          <label>
            <span>Show</span>
            <select aria-label="Filter report by outcome" value={filter} onChange={(e) => setFilter(e.target.value as ImportOutcomeValue | 'all')}>
              <option value="all">All files ({report.filesTotal})</option>
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
      <ReportTable
        key={`${report.jobId}:${filter}`}
        report={report}
        outcome={filter === 'all' ? undefined : filter}
        total={filter === 'all' ? report.filesTotal : counts[filter]}
        onOpenArticle={onOpenArticle}
        onNotice={onNotice}
      />
    </section>
  );
}

interface ReportTableProps {
  report: ImportReportSummaryValue;
  outcome: ImportOutcomeValue | undefined;
  total: number;
  onOpenArticle(id: string): void;
  onNotice(message: string): void;
}

/** One job and filter's rows; keyed by both, so a new filter starts at the top with nothing loaded but its first page. */
function ReportTable({ report, outcome, total, onOpenArticle, onNotice }: ReportTableProps) {
  // The finished event already carries the unfiltered first page.
  const firstPage = outcome === undefined && report.files.length === Math.min(PAGE_ROWS, report.filesTotal) ? report.files : null;
  const rows = useReportRows(report.jobId, outcome, total, firstPage);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { want, error } = rows;
  useEffect(() => want(first, last), [want, first, last]);
  useEffect(() => {
    if (error) onNotice(`Could not load the report’s rows: ${error}`);
  }, [error, onNotice]);

  return (
    <div role="table" aria-label="Files" aria-rowcount={rows.total + 1} data-pages-held={rows.held()} className="report-table">
      <div role="row" className="report-row head">
        <span role="columnheader">File</span>
        <span role="columnheader">Outcome</span>
        <span role="columnheader">Note</span>
        <span role="columnheader">Article</span>
      </div>
      <div ref={scrollRef} className="report-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const f = rows.row(item.index);
            const style = { position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` } as const;
            if (!f)
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} aria-busy="true" className="report-row loading" style={style}>
                  <span role="cell" className="path">
                    …
                  </span>
                </div>
              );
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className={`report-row outcome-${f.outcome}`} style={style}>
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
  );
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
