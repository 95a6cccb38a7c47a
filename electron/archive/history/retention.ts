// Retention: autosave revisions older than a week thin to one per day; import,
// save, status, restore, export and named revisions are kept forever, and the
// latest revision of an article is never pruned (it is what "history" shows
// as the newest state). Deleting a revision never touches the article row.
// A revision a shared archive knows (pushed or pulled: ../sync) is never
// pruned, so every replica keeps the same history; unpushed autosaves still
// thin, and the children of a thinned one take its parent before they are
// ever pushed.
import type { Db } from '../db/open.ts';
import { articlesWithReason, deleteRevisions, type RetentionRow, revisionsForRetention } from '../revisions/repository.ts';
import type { RetentionPolicy } from './settings.ts';

/** The revisions of one article that the policy would delete at `nowMs`. */
export function revisionsToPrune(rows: readonly RetentionRow[], policy: RetentionPolicy, nowMs: number): RetentionRow[] {
  if (rows.length === 0) return [];
  const latestId = Math.max(...rows.map((r) => r.id));
  const cutoff = nowMs - policy.keepAllForMs;
  const keepers = new Map<number, RetentionRow>();
  const candidates: RetentionRow[] = [];
  for (const row of rows) {
    const created = Date.parse(row.createdAt);
    if (row.id === latestId || row.shared || row.name != null || !policy.thinnedReasons.includes(row.reason)) continue;
    if (!(created < cutoff)) continue;
    candidates.push(row);
    const bucket = Math.floor(created / policy.bucketMs);
    const kept = keepers.get(bucket);
    if (!kept || row.id > kept.id) keepers.set(bucket, row);
  }
  const survivors = new Set([...keepers.values()].map((r) => r.id));
  return candidates.filter((r) => !survivors.has(r.id));
}

/** Prune one article's history. Caller holds the write transaction. */
export function pruneArticle(db: Db, articleSeq: number, policy: RetentionPolicy, nowMs: number): number {
  const doomed = revisionsToPrune(revisionsForRetention(db, articleSeq), policy, nowMs);
  return doomed.length === 0 ? 0 : deleteRevisions(db, doomed);
}

/** Prune every article that has thinnable revisions, one transaction per article so readers are never blocked long. */
export function pruneArchive(db: Db, policy: RetentionPolicy, nowMs: number): { articles: number; deleted: number } {
  const seqs = new Set<number>();
  for (const reason of policy.thinnedReasons) for (const seq of articlesWithReason(db, reason)) seqs.add(seq);
  let deleted = 0;
  for (const seq of seqs) deleted += db.transaction(() => pruneArticle(db, seq, policy, nowMs)).immediate();
  return { articles: seqs.size, deleted };
}
