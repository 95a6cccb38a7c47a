// The archive browser's calls: search, read one article, figures and checks.
import type { Facets } from '../model/search.ts';
import { z } from 'zod';
import type { Article } from '../model/article.ts';
import type { OriginalText } from '../model/original.ts';
import { SEARCH_SORTS, type SearchResult } from '../model/search.ts';
import { domain, event, method } from './define.ts';

/** Mirrors the core's ArchiveStats (electron/archive/maintenance/stats.ts); main checks they agree. */
export interface ArchiveStatsValue {
  articles: number;
  revisions: number;
  bytes: number;
  originals: number;
  originalsBytes: number;
  schemaVersion: number;
}

export interface CheckValue {
  ok: boolean;
  problems: Array<{ kind: string; message: string }>;
}

export type { FacetCount } from '../model/search.ts';
export type FacetsValue = Facets;

export type { OriginalText } from '../model/original.ts';

export const MAX_QUERY_LENGTH = 10_000;
/** The preview shows at most this much of an original; the CLI gives the whole file. */
export const MAX_ORIGINAL_CHARS = 1_000_000;
export const MAX_PAGE = 500;

/** Article ids are UUIDs; anything longer or stranger is refused before it reaches SQL. */
export const articleId = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);
const empty = z.strictObject({});

export const archiveContract = domain({
  methods: {
    search: method<SearchResult>()(
      z.strictObject({
        query: z.string().max(MAX_QUERY_LENGTH),
        limit: z.int().min(1).max(MAX_PAGE).optional(),
        offset: z.int().min(0).max(10_000_000).optional(),
        sort: z.enum(SEARCH_SORTS).optional(),
        /** Search every version of each article, as `history:` in the query does (the app's toggle writes `history:` instead). */
        history: z.boolean().optional(),
      }),
    ),
    getArticle: method<Article>()(z.strictObject({ id: articleId })),
    /** The imported file as it came in, decoded with the encoding detected at import; null when none was kept. */
    getOriginal: method<OriginalText | null>()(z.strictObject({ id: articleId, maxChars: z.int().min(1).max(MAX_ORIGINAL_CHARS).optional() })),
    stats: method<ArchiveStatsValue>()(empty),
    check: method<CheckValue>()(empty),
    facets: method<FacetsValue>()(empty),
    createArticle: method<{ id: string }>()(z.strictObject({ headline: z.string().max(1000).optional() })),
    /** Asks where with a native save dialog; `path` is null when the user cancelled. */
    backup: method<{ path: string | null }>()(empty),
  },
  events: {
    /** The archive's contents changed (an import finished, an article was created): refresh counts and results. */
    changed: event<{ reason: 'import' | 'create' | 'save' }>(),
  },
});
