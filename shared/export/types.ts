import type { Article } from '../model/article.ts';
import type { NewsroomFields } from '../model/newsroom.ts';

/**
 * What an export reads from an article: the fields, the body and the counts.
 * The newsroom metadata and the workflow status are optional here (the HTML,
 * Markdown and text formats do not need them); the interchange formats (NITF,
 * NewsML-G2, ninjs) write them when present.
 */
export type ExportArticle = Partial<NewsroomFields> &
  Partial<Pick<Article, 'status' | 'createdAt' | 'modifiedAt'>> &
  Pick<
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

export const EXPORT_FORMATS = ['html', 'fragment', 'md', 'txt', 'nitf', 'newsml-g2', 'ninjs'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The interchange formats, for systems that take copy from a desk. */
export const INTERCHANGE_FORMATS = ['nitf', 'newsml-g2', 'ninjs'] as const satisfies readonly ExportFormat[];

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = {
  html: 'html',
  fragment: 'html',
  md: 'md',
  txt: 'txt',
  nitf: 'xml',
  'newsml-g2': 'xml',
  ninjs: 'json',
};

export const NINJS_VERSIONS = [1, 2, 3] as const;
export type NinjsVersion = (typeof NINJS_VERSIONS)[number];

/**
 * Who the exported item is and which version of it this is: the article's
 * stable guid, a version that grows with each exported revision, and the
 * signal a re-export carries (an update or a correction).
 */
export interface ExportIdentity {
  /** A URI, stable for the article across exports (`urn:uuid:…`). */
  guid: string;
  /** 1 for the first exported content, +1 for each export whose content differs from every earlier one. */
  version: number;
  /** Lower-case signals for this version: `update`, `correction`, plus the article's own. */
  signals: string[];
  /** The provider the item is exported as (the newsroom's name). */
  provider: string;
  /** When this export was made (ISO 8601). */
  exportedAt: string;
}

export interface InterchangeOptions {
  identity: ExportIdentity;
  /** ninjs major version (default 2). */
  ninjsVersion?: NinjsVersion;
}

export interface DocumentOptions {
  /** Add the small print stylesheet (default true). */
  printStylesheet?: boolean;
}
