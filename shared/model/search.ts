export const SEARCH_SORTS = ['relevance', 'posted', 'updated'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** A piece of a snippet; `match` marks a highlighted query match. Rendered as data, never as HTML. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

/** A revision whose text held a `history:` match. */
export interface RevisionMatch {
  id: number;
  createdAt: string;
  reason: string;
  name: string | null;
}

export interface SearchHit {
  id: string;
  headline: string;
  section: string;
  status: string;
  postedAt: string | null;
  updatedAt: string | null;
  /** Not to be published before this instant (ISO 8601 with offset); null when not embargoed. */
  embargoedUntil: string | null;
  /** Wire urgency, 1 (flash) … 9; null when not stated. */
  urgency: number | null;
  /** The agency or provider ('' for copy written here). */
  provider: string;
  snippet: SnippetSegment[];
  /** Higher is better. BM25 with column weights, sign flipped from SQLite's. */
  score: number;
  /** `history:` searches only: the revisions whose text held the match, oldest first. */
  revisions?: RevisionMatch[];
  /** `history:` searches only: whether the current text holds the match too (false: only earlier versions did). */
  currentMatches?: boolean;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SearchSort;
  /** Search every revision's text, as the `history:` scope does. */
  history?: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** The most used sections, tags and providers, and the urgencies in use, for filter chips. */
export interface Facets {
  sections: FacetCount[];
  tags: FacetCount[];
  providers: FacetCount[];
  /** Urgency values ('1' … '9') in use, most urgent first. */
  urgencies: FacetCount[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Notes on how the query was read, e.g. an unbalanced quote closed for the user. */
  notices: string[];
}
