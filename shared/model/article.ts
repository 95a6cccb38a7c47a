// The data model shared by the core, the CLI, the IPC contract and the renderer.
import type { BodyState } from '../editor/serialized.ts';
import { emptyNewsroomFields, NEWSROOM_FIELD_NAMES, type NewsroomFields } from './newsroom.ts';

/**
 * `killed` and `withheld` come from the provider (a kill or withhold notice,
 * G2/ninjs pubStatus canceled/withheld) or a chief: the article stays, export refuses it.
 */
export const ARTICLE_STATUSES = ['draft', 'edited', 'ready', 'published', 'spiked', 'killed', 'withheld'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The editable fields of an article, beside its body (newsroom metadata in `NewsroomFields`). */
export interface ArticleFields extends NewsroomFields {
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
  /**
   * The item's identity in the file (G2 guid, ninjs uri, NITF doc-id, ANPA keyword, RSS guid, Atom id, …),
   * scoped by `itemProvider`: a later version of the same identity becomes a revision of this article.
   */
  itemId: string | null;
  /** Lower-case provider the identity belongs to (`dpa`, `ap`, a feed's host); '' when the file names none. */
  itemProvider: string | null;
  /** The version of that item the head holds (G2/ninjs version, ANPA take number); null when not stated. */
  itemVersion: number | null;
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
  ...NEWSROOM_FIELD_NAMES,
] as const satisfies ReadonlyArray<keyof ArticleFields>;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Every field at its empty value: new articles start here, and older snapshots are read through it. */
export function emptyFields(): ArticleFields {
  return {
    headline: '',
    dek: '',
    byline: '',
    dateline: '',
    section: '',
    tags: [],
    status: 'draft',
    language: '',
    slug: '',
    targetLength: null,
    postedAt: null,
    updatedAt: null,
    ...emptyNewsroomFields(),
  };
}

/** A snapshot written before a field existed lacks it: fill the gaps with empty values. */
export function withFieldDefaults(fields: Partial<ArticleFields>): ArticleFields {
  const out = emptyFields();
  for (const name of FIELD_NAMES) {
    const value = fields[name];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[name] = value;
  }
  return out;
}
