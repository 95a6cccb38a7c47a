// Which version of a wire item an import revision recorded (table
// `revision_items`, migration 7). Only imports of items with an identity have a
// row; its `item_version` is null when the item stated none.
import { type ArticleFields, withFieldDefaults } from '../../../shared/model/article.ts';
import { bodyTextFor } from '../db/functions.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';

export function recordItemVersion(db: Db, revisionId: number, itemVersion: number | null): void {
  stmt(db, 'INSERT OR REPLACE INTO revision_items (revision_id, item_version) VALUES (?, ?)').run(revisionId, itemVersion);
}

/** The item version of each revision of an article that recorded one (revision id → version, null when unstated). */
export function itemVersionsOf(db: Db, articleSeq: number): Map<number, number | null> {
  const rows = stmt(db, 'SELECT i.revision_id AS id, i.item_version AS v FROM revision_items i JOIN revisions r ON r.id = i.revision_id WHERE r.article_seq = ?').all(
    articleSeq,
  ) as Array<{ id: number; v: number | null }>;
  return new Map(rows.map((r) => [r.id, r.v]));
}

export interface RecordedVersion {
  revisionId: number;
  fields: ArticleFields;
  bodyText: string;
}

/**
 * Every import revision of the article that recorded this version of its item
 * (null: imports that stated no version), newest first; distinct snapshots only.
 */
export function recordedVersions(db: Db, articleSeq: number, itemVersion: number | null): RecordedVersion[] {
  const rows = stmt(
    db,
    `SELECT max(r.id) AS id, s.fields, b.hash, b.data FROM revision_items i
       JOIN revisions r ON r.id = i.revision_id
       JOIN snapshots s ON s.id = r.snapshot_id
       JOIN bodies b ON b.id = s.body_id
     WHERE r.article_seq = ? AND i.item_version IS ?
     GROUP BY r.snapshot_id ORDER BY max(r.id) DESC`,
  ).all(articleSeq, itemVersion) as Array<{ id: number; fields: string; hash: string; data: Buffer }>;
  return rows.map((row) => ({
    revisionId: row.id,
    fields: withFieldDefaults(JSON.parse(row.fields) as Partial<ArticleFields>),
    bodyText: bodyTextFor(row.hash, row.data),
  }));
}

/**
 * The status the article had before a provider's withhold, for a release: the
 * newest revision whose status is neither withheld nor killed ('draft' if none).
 */
export function statusBeforeHold(db: Db, articleSeq: number): ArticleFields['status'] {
  const status = stmt(
    db,
    `SELECT json_extract(s.fields, '$.status') FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id
     WHERE r.article_seq = ? AND coalesce(json_extract(s.fields, '$.status'), 'draft') NOT IN ('withheld', 'killed')
     ORDER BY r.id DESC LIMIT 1`,
  )
    .pluck()
    .get(articleSeq) as ArticleFields['status'] | null | undefined;
  return status ?? 'draft';
}
