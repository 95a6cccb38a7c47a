// Row <-> model for the articles table.
import type { Article, ArticleFields, ArticleStatus, ArticleSummary } from '../../../shared/model/article.ts';
import type { Author, Located, PubStatus, Subject } from '../../../shared/model/newsroom.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText } from '../../../shared/editor/plainText.ts';
import { decompressText } from '../db/compress.ts';

export interface ArticleRow {
  seq: number;
  id: string;
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  section: string;
  tags: string;
  status: string;
  language: string;
  slug: string;
  target_length: number | null;
  posted_at: string | null;
  updated_at: string | null;
  created_at: string;
  modified_at: string;
  version: number;
  body_id: number;
  /** The body's compressed Lexical JSON, joined from `bodies`. */
  body: Buffer;
  body_hash: string;
  word_count: number;
  source_path: string | null;
  source_sha256: string | null;
  source_encoding: string | null;
  source_confidence: number | null;
  source_format: string | null;
  imported_at: string | null;
  timezone_assumed: string | null;
  content_hash: string;
  /** The revision the working copy shows (migration 6); null before any revision. */
  head_rid?: string | null;
  /** 1 while the article has heads that did not merge (migration 6). */
  conflict?: number;
  content_fold_hash: string;
  slugline: string;
  urgency: number | null;
  priority: number | null;
  embargoed_until: string | null;
  expires_at: string | null;
  editor_note: string;
  pub_status: string;
  provider: string;
  /** JSON arrays and objects, as stored. */
  signals: string;
  subjects: string;
  genre: string;
  keywords: string;
  located: string | null;
  authors: string;
  copyright_holder: string;
  credit_line: string;
  usage_terms: string;
  desk: string;
  item_provider: string | null;
  item_id: string | null;
  item_version: number | null;
}

/** The fields of a row; the body columns are not needed (an `articles` row without the join will do). */
export function fieldsFromRow(row: Omit<ArticleRow, 'body' | 'body_hash'>): ArticleFields {
  return {
    headline: row.headline,
    dek: row.dek,
    byline: row.byline,
    dateline: row.dateline,
    section: row.section,
    tags: JSON.parse(row.tags) as string[],
    status: row.status as ArticleStatus,
    language: row.language,
    slug: row.slug,
    targetLength: row.target_length,
    postedAt: row.posted_at,
    updatedAt: row.updated_at,
    slugline: row.slugline,
    urgency: row.urgency,
    priority: row.priority,
    embargoedUntil: row.embargoed_until,
    expiresAt: row.expires_at,
    editorNote: row.editor_note,
    pubStatus: row.pub_status as PubStatus,
    provider: row.provider,
    signals: JSON.parse(row.signals) as string[],
    subjects: JSON.parse(row.subjects) as Subject[],
    genre: row.genre,
    keywords: JSON.parse(row.keywords) as string[],
    located: row.located === null ? null : (JSON.parse(row.located) as Located),
    authors: JSON.parse(row.authors) as Author[],
    copyrightHolder: row.copyright_holder,
    creditLine: row.credit_line,
    usageTerms: row.usage_terms,
    desk: row.desk,
  };
}

/**
 * The article of a row. Pass `knownBody` when the caller already holds the
 * body this row stores (e.g. the editor just sent it): decompressing and
 * parsing a long story costs more than the whole save around it.
 */
export function articleFromRow(row: ArticleRow, knownBody?: BodyState): Article {
  const body = knownBody ?? (JSON.parse(decompressText(row.body)) as BodyState);
  return {
    ...fieldsFromRow(row),
    id: row.id,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    version: row.version,
    body,
    bodyText: bodyToPlainText(body),
    wordCount: row.word_count,
    source: {
      path: row.source_path,
      sha256: row.source_sha256,
      encoding: row.source_encoding,
      encodingConfidence: row.source_confidence,
      format: row.source_format,
      importedAt: row.imported_at,
      timezoneAssumed: row.timezone_assumed,
      itemId: row.item_id,
      itemProvider: row.item_provider,
      itemVersion: row.item_version,
    },
  };
}

export type SummaryRow = Pick<
  ArticleRow,
  'id' | 'headline' | 'section' | 'status' | 'posted_at' | 'updated_at' | 'modified_at' | 'word_count'
>;

export function summaryFromRow(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    headline: row.headline,
    section: row.section,
    status: row.status as ArticleStatus,
    postedAt: row.posted_at,
    updatedAt: row.updated_at,
    modifiedAt: row.modified_at,
    wordCount: row.word_count,
  };
}

/** Epoch milliseconds of an ISO time, for sorting; null when absent or unparsable. */
export function toTimestamp(iso: string | null): number | null {
  if (iso == null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
