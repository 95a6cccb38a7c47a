// Where the archive is, how many articles it holds, and the latest notice.
import type { ArchiveStatsValue } from '../../../shared/contract/archive.ts';
import { bytes } from '../features/archive-browser/format.ts';

export function StatusBar({ path, stats, notice }: { path: string; stats: ArchiveStatsValue | null; notice: string }) {
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="archive-path" title={path}>
        {path || 'No archive'}
      </span>
      <span data-testid="article-count">{stats ? `${stats.articles.toLocaleString('en')} articles · ${bytes(stats.bytes)}` : ''}</span>
      <span className="notice" role="status" aria-live="polite">
        {notice}
      </span>
    </footer>
  );
}
