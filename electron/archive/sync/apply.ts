// Applying one pulled batch to the replica, its CPU half done (prepare.ts:
// hashes checked, bodies parsed and compressed, each once), in one SQLite
// transaction: bodies, new articles, revisions,
// "the remote holds these", the cursor; each touched article settled
// (settle.ts); the search index filled in chunks and history text folded
// once per article, as the importer does. Killed before the commit, nothing
// of the batch is there and the cursor has not moved: the next pull fetches
// it again.
import { withFieldDefaults, type ArticleFields } from '../../../shared/model/article.ts';
import type { Archive } from '../archive.ts';
import { contentHashes } from '../articles/contentHash.ts';
import { insertArticle, storePreparedBody, type StoredBody } from '../articles/repository.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { ArchiveError } from '../errors.ts';
import { DeferredIndex } from '../search/deferredIndex.ts';
import { foldHistoryOf } from '../search/historyText.ts';
import { insertPulledRevision, markKnown, parseSource, storedBody } from './local.ts';
import type { ContentHashes, PreparedPull } from './prepare.ts';
import type { PullPlan } from './protocol.ts';
import { setCursor } from './remotes.ts';
import { settleArticle } from './settle.ts';
import type { PulledRevision } from './types.ts';

export interface Applied {
  pulled: number;
  /** Revisions whose content does not match their hash (written to the server by hand): skipped, never stored. */
  rejected: number;
  merged: number;
  conflicts: number;
}

/**
 * New articles between two search-index flushes. The index reads each body's
 * text from a cache of the last 1,024 stored (db/functions.ts): flushing
 * before it turns over spares decompressing them again.
 */
const INDEX_CHUNK = 500;

/** `prepared` must cover `plan.apply` (pull.ts sees to it; `preparePull(plan.apply, bodies)` does). */
export function applyPulled(archive: Archive, remoteId: number, plan: PullPlan, knownIds: ReadonlyMap<string, number>, prepared: PreparedPull): Applied {
  const valid = plan.apply.filter((rev) => !prepared.rejected.has(rev.rid));
  const db = archive.db;
  return db
    .transaction((): Applied => {
      markKnown(db, remoteId, plan.known.map((r) => knownIds.get(r.rid) as number));
      const { created, existing } = insertBatch(archive, remoteId, valid, prepared);
      // An article created here from its only revision needs nothing more; any other may merge or conflict.
      const count = new Map<string, number>();
      for (const rev of valid) count.set(rev.articleId, (count.get(rev.articleId) ?? 0) + 1);
      const toSettle = new Set(existing);
      for (const [articleId, seq] of created) if ((count.get(articleId) ?? 0) > 1) toSettle.add(seq);
      let merged = 0;
      let conflicts = 0;
      for (const seq of toSettle) {
        const settled = settleArticle(archive, seq);
        merged += settled.merged;
        if (settled.newConflict) conflicts += 1;
      }
      // Earlier versions become searchable (history:) once per article and batch, not once per revision.
      for (const seq of toSettle) foldHistoryOf(db, seq);
      setCursor(archive, remoteId, plan.cursor);
      return { pulled: valid.length, rejected: plan.apply.length - valid.length, merged, conflicts };
    })
    .immediate();
}

/** Bodies, new articles and revisions of the batch, in arrival order; answers the articles created and the existing ones touched. */
function insertBatch(archive: Archive, remoteId: number, valid: readonly PulledRevision[], prepared: PreparedPull): { created: Map<string, number>; existing: Set<number> } {
  const db = archive.db;
  const newest = new Map<string, PulledRevision>();
  for (const rev of valid) newest.set(rev.articleId, rev);
  const bodyIds = new Map<string, number>();
  const bodyIdOf = (hash: string, rid: string): number => {
    let id = bodyIds.get(hash);
    if (id !== undefined) return id;
    const fresh = prepared.bodies.get(hash);
    id = fresh ? storePreparedBody(db, fresh).id : (stmt(db, 'SELECT id FROM bodies WHERE hash = ?').pluck().get(hash) as number | undefined);
    if (id === undefined) throw new ArchiveError('corrupt', `The shared archive sent revision ${rid} without its body ${hash}.`);
    bodyIds.set(hash, id);
    return id;
  };
  const created = new Map<string, number>();
  const existing = new Set<number>();
  const keysOf = stmt(db, 'SELECT seq, version FROM articles WHERE id = ?');
  const now = archive.now();
  const index = new DeferredIndex(db);
  index.begin();
  try {
    let sinceFlush = 0;
    for (const rev of valid) {
      const bodyId = bodyIdOf(rev.bodyHash, rev.rid);
      let keys = keysOf.get(rev.articleId) as { seq: number; version: number } | undefined;
      if (!keys) {
        // A new article starts as its newest revision of this batch: usually its head, so it is written once.
        const head = newest.get(rev.articleId) as PulledRevision;
        keys = insertPulledArticle(db, head, workingBody(db, prepared, head, bodyIdOf(head.bodyHash, head.rid)), prepared.contentHashes.get(head.rid), now);
        created.set(rev.articleId, keys.seq);
        if (++sinceFlush >= INDEX_CHUNK) {
          index.flush();
          sinceFlush = 0;
        }
      } else if (!created.has(rev.articleId)) existing.add(keys.seq);
      const localId = insertPulledRevision(db, keys.seq, keys.version, rev, bodyId);
      markKnown(db, remoteId, [localId]);
    }
    // Settling may update articles: the ones just inserted must be in the index first.
    index.end();
  } catch (error) {
    index.abandon();
    throw error;
  }
  return { created, existing };
}

/** The body a new article's working copy shows, with its text (from the batch, or as stored here already). */
function workingBody(db: Db, prepared: PreparedPull, head: PulledRevision, id: number): StoredBody {
  const fresh = prepared.bodies.get(head.bodyHash);
  if (fresh) return { id, hash: fresh.hash, text: fresh.text, wordCount: fresh.wordCount };
  return storedBody(db, head.bodyHash) as StoredBody;
}

/** An article new to this replica, its working copy set to a pulled revision. */
function insertPulledArticle(db: Db, rev: PulledRevision, body: StoredBody, hashes: ContentHashes | undefined, now: string): { seq: number; version: number } {
  const fields = withFieldDefaults(JSON.parse(rev.fields) as Partial<ArticleFields>);
  const { seq } = insertArticle(db, { id: rev.articleId, fields, body, source: parseSource(rev.source), now, headRid: rev.rid, ...(hashes ?? contentHashes(fields.headline, body.text)) });
  return { seq, version: 1 };
}
