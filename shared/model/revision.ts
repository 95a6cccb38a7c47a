import type { BodyState } from '../editor/serialized.ts';
import type { ArticleFields } from './article.ts';

export const REVISION_REASONS = ['import', 'save', 'autosave', 'restore', 'status', 'export', 'merge', 'resolve'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

export interface RevisionSummary {
  id: number;
  articleId: string;
  createdAt: string;
  reason: RevisionReason;
  name: string | null;
  /**
   * For an import of a wire item: the version of the item this revision holds
   * (null when the item stated none). Absent for other revisions.
   */
  itemVersion?: number | null;
  wordCount: number;
  /** SHA-256 of the snapshot (fields + body); equal hashes mean equal content. */
  hash: string;
  /** The article version this revision recorded. */
  version: number;
  /** The global id every replica and the shared archive know it by. */
  rid: string;
  /** The revisions it was made from (two or more for a merge, none for the first). */
  parents: string[];
  /** Who made it on the shared archive ('' for work done before any remote). */
  author: string;
}

/** A full snapshot: revisions are never diffs of each other. */
export interface Revision extends RevisionSummary {
  fields: ArticleFields;
  body: BodyState;
  bodyText: string;
}
