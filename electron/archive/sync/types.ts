// Shapes the sync modules share (a leaf module: no imports from the folder).

/** Who this replica is on the shared archive (copydesk.me). */
export interface Me {
  name: string;
  role: 'archivist' | 'editor' | 'chief' | 'admin' | null;
  /** The desks the user is on (an admin: every desk). */
  desks: string[];
}

/** A revision as it travels: the same row on the desktop and on the server. */
export interface WireRevision {
  rid: string;
  articleId: string;
  parents: string[];
  /** When the replica made it (ISO). */
  madeAt: string;
  author: string;
  reason: string;
  name: string | null;
  /** Snapshot hash: SHA-256 of the canonical fields and the body hash. */
  hash: string;
  /** The fields JSON exactly as stored. */
  fields: string;
  bodyHash: string;
  wordCount: number;
  /** The desk and status the fields name. */
  desk: string;
  status: string;
}

/** A local revision waiting to go up, with what the push rules need to know. */
export interface PendingRevision extends WireRevision {
  /** Local revision id (the push order: parents always come first). */
  localId: number;
  /** The status of its first parent, for "only a chief publishes"; null for a first revision. */
  parentStatus: string | null;
  /** The article's origin, as JSON text (for creating it on the server). */
  source: string;
}

/** A revision pulled from the server. */
export interface PulledRevision extends WireRevision {
  /** Arrival number on the server: the pull cursor. */
  seq: number;
  source: string;
}

export interface SyncCounts {
  /** Revisions sent up. */
  pushed: number;
  /** Revisions brought down. */
  pulled: number;
  /** Articles left in conflict by this sync (new ones). */
  conflicts: number;
  /** Automatic merge revisions recorded. */
  merged: number;
}
