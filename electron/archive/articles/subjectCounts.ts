// How many times each subject is used, two ways: `subject_uses` (migration 9,
// kept by triggers on `articles`) and a recount from the articles' JSON. The
// picker reads the table; the archive check compares the two; an archive
// older than migration 9 (opened read-only, not migrated) is recounted.
import type { Db } from '../db/open.ts';

/** (scheme, code, label, uses) for every distinct subject, counted from the articles. Unordered. */
export const SUBJECT_RECOUNT = `SELECT scheme, code, label, count(*) AS uses FROM (
    SELECT coalesce(json_extract(j.value, '$.scheme'), '') AS scheme,
           coalesce(json_extract(j.value, '$.code'), '') AS code,
           coalesce(json_extract(j.value, '$.label'), '') AS label
    FROM articles a, json_each(a.subjects) j
    WHERE a.subjects <> '[]')
  GROUP BY scheme, code, label`;

/** Whether this archive keeps the counts (migration 9 ran). */
export function hasSubjectCounts(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'subject_uses'").get() !== undefined;
}

/** Subjects that `subject_uses` counts differently from the articles (0 when the table is exact). */
export function subjectCountDrift(db: Db): number {
  return db
    .prepare(
      `WITH recount AS (${SUBJECT_RECOUNT})
       SELECT count(*) FROM (
         SELECT scheme, code, label, uses FROM recount EXCEPT SELECT scheme, code, label, uses FROM subject_uses
         UNION ALL
         SELECT scheme, code, label, uses FROM subject_uses EXCEPT SELECT scheme, code, label, uses FROM recount)`,
    )
    .pluck()
    .get() as number;
}
