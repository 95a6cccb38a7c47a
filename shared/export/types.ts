import type { Article } from '../model/article.ts';

/** What an export reads from an article: the fields, the body and the counts. */
export type ExportArticle = Pick<
  Article,
  | 'id'
  | 'headline'
  | 'dek'
  | 'byline'
  | 'dateline'
  | 'section'
  | 'tags'
  | 'language'
  | 'slug'
  | 'postedAt'
  | 'updatedAt'
  | 'body'
  | 'wordCount'
>;

export const EXPORT_FORMATS = ['html', 'fragment', 'md', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { html: 'html', fragment: 'html', md: 'md', txt: 'txt' };

export interface DocumentOptions {
  /** Add the small print stylesheet (default true). */
  printStylesheet?: boolean;
}
