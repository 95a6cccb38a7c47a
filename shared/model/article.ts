// The data model shared by the core, the CLI, the IPC contract and the renderer.
import type { BodyState } from '../editor/serialized.ts';

export const ARTICLE_STATUSES = ['draft', 'edited', 'ready', 'published', 'spiked'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The editable fields of an article, beside its body. */
export interface ArticleFields {
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  section: string;
  tags: string[];
  status: ArticleStatus;
  /** BCP 47 language tag, e.g. `en`, `ko`; empty when unknown. */
  language: string;
  slug: string;
  /** Target body length in words; null when the desk set none. */
  targetLength: number | null;
  /** Posted time from the source, ISO 8601 with offset. */
  postedAt: string | null;
  /** Updated time from the source, ISO 8601 with offset. */
  updatedAt: string | null;
}

/** Where an imported article came from. All null for articles written in Copydesk. */
export interface ArticleSource {
  path: string | null;
  sha256: string | null;
  encoding: string | null;
  encodingConfidence: number | null;
  format: string | null;
  importedAt: string | null;
  /** The zone assumed for source times that named none (IANA name or offset). */
  timezoneAssumed: string | null;
}

export interface Article extends ArticleFields {
  id: string;
  createdAt: string;
  modifiedAt: string;
  /** Optimistic-concurrency version: every write increments it. */
  version: number;
  body: BodyState;
  bodyText: string;
  wordCount: number;
  source: ArticleSource;
}

/** A lightweight row for lists. */
export interface ArticleSummary {
  id: string;
  headline: string;
  section: string;
  status: ArticleStatus;
  postedAt: string | null;
  updatedAt: string | null;
  modifiedAt: string;
  wordCount: number;
}

export const FIELD_NAMES = [
  'headline',
  'dek',
  'byline',
  'dateline',
  'section',
  'tags',
  'status',
  'language',
  'slug',
  'targetLength',
  'postedAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof ArticleFields>;
export type FieldName = (typeof FIELD_NAMES)[number];
