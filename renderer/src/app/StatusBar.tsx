// Where the archive is, how many articles it holds, and the latest notice.
import type { ReactNode } from 'react';
import type { ArchiveStatsValue } from '../../../shared/contract/archive.ts';
import { bytes } from '../features/archive-browser/format.ts';

export function StatusBar({ path, stats, notice, children }: { path: string; stats: ArchiveStatsValue | null; notice: string; children?: ReactNode }) {
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span className="archive-path" title={path}>
        {path || 'No archive'}
      </span>
      <span data-testid="article-count">{stats ? `${stats.articles.toLocaleString('en')} articles · ${bytes(stats.bytes)}` : ''}</span>
      <span className="notice" role="status" aria-live="polite">
        {notice}
      </span>
      {children}
    </footer>
  );
}
