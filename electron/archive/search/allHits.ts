// Every article a query matches, as ids, page by page in a stable order
// (newest first): what "export everything this search finds" needs, in the
// CLI (`copydesk export --query`) and the app's batch export alike.
import type { SearchResult } from '../../../shared/model/search.ts';

type Searcher = { search(query: string, options: { limit: number; offset: number; sort: 'posted' }): SearchResult };

const PAGE = 1000;

export function allHits(archive: Searcher, query: string, pageSize = PAGE): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; ) {
    const page = archive.search(query, { limit: pageSize, offset, sort: 'posted' });
    for (const hit of page.hits) ids.push(hit.id);
    offset += page.hits.length;
    if (page.hits.length === 0 || offset >= page.total) break;
  }
  return ids;
}
