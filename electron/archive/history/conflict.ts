import type { ArticleRow } from '../articles/mapper.ts';
import { ArchiveError } from '../errors.ts';

/** The same `conflict` error Archive.save raises, so the UI branches on one code. */
export function staleVersionError(row: ArticleRow, baseVersion: number): ArchiveError {
  return new ArchiveError(
    'conflict',
    `Article ${row.id} changed since it was opened (now version ${row.version}, the edit was based on ${baseVersion}). Reload it, or keep your text as a new revision on top.`,
    { currentVersion: row.version, baseVersion },
  );
}
