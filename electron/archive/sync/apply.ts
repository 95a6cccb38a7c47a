// Applying one pulled batch to the replica, in one SQLite transaction: bodies
// (checked against their hashes), new articles, revisions (checked against
// their snapshot hashes), "the remote holds these", the cursor; then each
// touched article is settled (settle.ts). Killed before the commit, nothing of
// the batch is there and the cursor has not moved: the next pull fetches it again.
import type { Archive } from '../archive.ts';
import { stmt } from '../db/statements.ts';
import { decompressText } from '../db/compress.ts';
import { DeferredIndex } from '../search/deferredIndex.ts';
import { articleKeys, insertPulledArticle, insertPulledRevision, markKnown, storePulledBody, verifySnapshotHash } from './local.ts';
import type { PullPlan } from './protocol.ts';
import { setCursor } from './remotes.ts';
import { settleArticle } from './settle.ts';
import type { PulledRevision } from './types.ts';
import { ArchiveError } from '../errors.ts';

export interface Applied {
  pulled: number;
  /** Revisions whose content does not match their hash (written to the server by hand): skipped, never stored. */
  rejected: number;
  merged: number;
  conflicts: number;
}

export function applyPulled(
  archive: Archive,
  remoteId: number,
  plan: PullPlan,
  knownIds: ReadonlyMap<string, number>,
  bodies: ReadonlyMap<string, Buffer>,
  onReject?: (rev: PulledRevision, error: Error) => void,
): Applied {
  const db = archive.db;
  return db
    .transaction((): Applied => {
      markKnown(db, remoteId, plan.known.map((r) => knownIds.get(r.rid) as number));
      const index = new DeferredIndex(db);
      index.begin();
      let rejected = 0;
      const valid = plan.apply.filter((rev) => {
        try {
          verifySnapshotHash(rev);
          return true;
        } catch (error) {
          rejected += 1;
          onReject?.(rev, error as Error);
          return false;
        }
      });
      const lastOf = new Map<string, PulledRevision>();
      const count = new Map<string, number>();
      for (const rev of valid) {
        lastOf.set(rev.articleId, rev);
        count.set(rev.articleId, (count.get(rev.articleId) ?? 0) + 1);
      }
      const created = new Map<string, number>();
      const toSettle = new Set<number>();
      const bodyId = stmt(db, 'SELECT id FROM bodies WHERE hash = ?').pluck();
      const now = archive.now();
      let pulled = 0;
      try {
        for (const rev of valid) {
          const blob = bodies.get(rev.bodyHash);
          let id = bodyId.get(rev.bodyHash) as number | undefined;
          if (id === undefined) {
            if (!blob) throw new ArchiveError('corrupt', `The shared archive sent revision ${rev.rid} without its body ${rev.bodyHash}.`);
            id = storePulledBody(db, rev.bodyHash, blob).id;
          }
          let keys = articleKeys(db, rev.articleId);
          if (!keys) {
            // A new article starts as its newest revision of this batch: usually its head, so it is written once.
            const newest = lastOf.get(rev.articleId) as PulledRevision;
            const newestJson = bodies.get(newest.bodyHash) ?? Buffer.from(decompressText(stmt(db, 'SELECT data FROM bodies WHERE hash = ?').pluck().get(newest.bodyHash) as Buffer), 'utf8');
            keys = insertPulledArticle(db, newest, storePulledBody(db, newest.bodyHash, newestJson), now);
            created.set(rev.articleId, keys.seq);
          } else toSettle.add(keys.seq);
          const localId = insertPulledRevision(db, keys.seq, keys.version, rev, { id, hash: rev.bodyHash, text: '', wordCount: rev.wordCount });
          markKnown(db, remoteId, [localId]);
          pulled += 1;
        }
        // Settling may update articles: the ones just inserted must be in the index first.
        index.flush();
      } finally {
        index.end();
      }
      // An article created here from its only revision needs nothing more; any other may merge or conflict.
      for (const [articleId, seq] of created) if ((count.get(articleId) ?? 0) > 1) toSettle.add(seq);
      let merged = 0;
      let conflicts = 0;
      for (const seq of toSettle) {
        const settled = settleArticle(archive, seq);
        merged += settled.merged;
        if (settled.newConflict) conflicts += 1;
      }
      setCursor(archive, remoteId, plan.cursor);
      return { pulled, rejected, merged, conflicts };
    })
    .immediate();
}
