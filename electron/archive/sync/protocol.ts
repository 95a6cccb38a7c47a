// The pure half of pushing and pulling (rule 15: (local state, remote state)
// → actions). The I/O around it (local.ts, remote.ts, engine.ts) only reads
// what these functions ask for and writes what they answer.
import type { Me, PendingRevision, PulledRevision } from './types.ts';

export type Refusal = 'no-desk' | 'not-your-desk' | 'archivist-imports-only' | 'chief-moves-desks' | 'chief-publishes' | 'parent-refused';

/** Mirror of the server's policy (server/migrations): what the server would refuse, skipped before it is sent. */
export function refusal(me: Me, rev: PendingRevision, serverDesk: string | undefined): Refusal | null {
  if (rev.desk === '') return 'no-desk';
  const admin = me.role === 'admin';
  const chief = admin || me.role === 'chief';
  const editor = chief || me.role === 'editor';
  if (!admin && !me.desks.includes(rev.desk)) return 'not-your-desk';
  if (rev.reason !== 'import' && !editor) return 'archivist-imports-only';
  if (serverDesk !== undefined && serverDesk !== rev.desk && !chief) return 'chief-moves-desks';
  if (rev.reason !== 'import' && !chief && (rev.status === 'published' || rev.status === 'killed') && rev.parentStatus !== rev.status) return 'chief-publishes';
  return null;
}

export interface PushPlan {
  /** Revisions to send, in order. */
  send: PendingRevision[];
  /** Articles the server lacks, created with their first revision's desk. */
  createArticles: Array<{ id: string; desk: string; source: string }>;
  /** Body hashes to upload (the server lacks them). */
  uploadBodies: string[];
  refused: Array<{ rid: string; articleId: string; why: Refusal }>;
}

export interface RemoteView {
  /** Desk of each article of the batch the server already holds. */
  articleDesks: ReadonlyMap<string, string>;
  /** Body hashes of the batch the server lacks. */
  missingBodies: ReadonlySet<string>;
}

/**
 * Plan one push batch. `alreadyRefused` carries refusals from earlier batches
 * of the same run: a revision built on a refused one cannot go up either
 * (the server holds only revisions whose parents it holds).
 */
export function planPush(me: Me, batch: readonly PendingRevision[], remote: RemoteView, alreadyRefused: Set<string>): PushPlan {
  const send: PendingRevision[] = [];
  const refused: PushPlan['refused'] = [];
  const created = new Map<string, { id: string; desk: string; source: string }>();
  const desks = new Map(remote.articleDesks);
  const uploads = new Set<string>();
  for (const rev of batch) {
    const why = rev.parents.some((p) => alreadyRefused.has(p)) ? 'parent-refused' : refusal(me, rev, desks.get(rev.articleId));
    if (why) {
      alreadyRefused.add(rev.rid);
      refused.push({ rid: rev.rid, articleId: rev.articleId, why });
      continue;
    }
    if (!desks.has(rev.articleId)) {
      desks.set(rev.articleId, rev.desk);
      created.set(rev.articleId, { id: rev.articleId, desk: rev.desk, source: rev.source });
    } else desks.set(rev.articleId, rev.desk);
    if (remote.missingBodies.has(rev.bodyHash)) uploads.add(rev.bodyHash);
    send.push(rev);
  }
  return { send, createArticles: [...created.values()], uploadBodies: [...uploads], refused };
}

export interface PullPlan {
  /** Pulled revisions this replica does not hold yet, in arrival order. */
  apply: PulledRevision[];
  /** Revisions it already holds (pushed from here, or an identical merge or import made here): only marked as known. */
  known: PulledRevision[];
  /** Body hashes to fetch (no local copy). */
  fetchBodies: string[];
  /** The cursor after this batch. */
  cursor: number;
}

/** The pull cursor after a batch read from `cursor`: the highest arrival number it holds. */
export function cursorAfter(batch: readonly Pick<PulledRevision, 'seq'>[], cursor: number): number {
  let next = cursor;
  for (const rev of batch) if (rev.seq > next) next = rev.seq;
  return next;
}

export function planPull(batch: readonly PulledRevision[], localRids: ReadonlySet<string>, localBodies: ReadonlySet<string>, cursor: number): PullPlan {
  const apply: PulledRevision[] = [];
  const known: PulledRevision[] = [];
  const fetch = new Set<string>();
  for (const rev of batch) {
    if (localRids.has(rev.rid)) {
      known.push(rev);
      continue;
    }
    apply.push(rev);
    if (!localBodies.has(rev.bodyHash)) fetch.add(rev.bodyHash);
  }
  return { apply, known, fetchBodies: [...fetch], cursor: cursorAfter(batch, cursor) };
}
