// The shared archive, as the window sees it: the status bar's indicator
// (online/offline, changes waiting to go up, last sync), sync now, the
// conflict banner (both sides, keep mine / keep theirs / keep my edited text
// as the merge), soft locks (held by whom since when; break as a chief) and
// the remote's settings (the password goes to the OS keychain in main).
import { z } from 'zod';
import type { BodyState } from '../editor/serialized.ts';
import { articleId } from './archive.ts';
import { domain, event, method } from './define.ts';
import { bodySchema, fieldsSchema } from './editor.ts';

export interface RemoteStatusValue {
  name: string;
  url: string;
  desk: string;
  online: boolean;
  pending: number;
  lastSync: string | null;
  lastError: string | null;
  user: string | null;
  role: string | null;
}

export interface SyncStatusValue {
  /** Empty when the archive has no remote: the indicator is hidden. */
  remotes: RemoteStatusValue[];
  /** Articles in conflict on this replica. */
  conflicts: number;
  /** True while the background sync runs (a password is known). */
  running: boolean;
  /** In a background round's report: revisions that round brought in (pulled or merged); the window reads its lists again when > 0. */
  received?: number;
}

export interface SyncCountsValue {
  pushed: number;
  pulled: number;
  conflicts: number;
  merged: number;
}

export interface ConflictSideValue {
  rid: string;
  author: string;
  createdAt: string;
  fields: Record<string, unknown>;
  body: BodyState;
  bodyText: string;
}

export interface ConflictValue {
  id: string;
  headline: string;
  /** The parts (field names, 'body') the sides disagree on. */
  fields: string[];
  /** The side the working copy shows (this replica's line of work). */
  mine: ConflictSideValue;
  /** The other heads, newest arrival first. */
  theirs: ConflictSideValue[];
}

export interface ResolvedValue {
  id: string;
  version: number;
  revisionId: number;
  rid: string;
}

export interface LockValue {
  articleId: string;
  holder: string | null;
  since: string | null;
  mine: boolean;
  shared: boolean;
  /** True when the user may break someone else's lock (a chief or an admin). */
  canBreak: boolean;
}

const keep = z.union([
  z.literal('mine'),
  z.literal('theirs'),
  z.strictObject({ fields: fieldsSchema, body: bodySchema }),
]);

export const syncContract = domain({
  methods: {
    status: method<SyncStatusValue>()(z.strictObject({})),
    syncNow: method<SyncCountsValue>()(z.strictObject({})),
    /** The sides of an article in conflict, or null when it is not. */
    conflict: method<ConflictValue | null>()(z.strictObject({ id: articleId })),
    resolve: method<ResolvedValue>()(z.strictObject({ id: articleId, keep })),
    lock: method<LockValue>()(z.strictObject({ id: articleId })),
    unlock: method<LockValue>()(z.strictObject({ id: articleId })),
    breakLock: method<LockValue>()(z.strictObject({ id: articleId })),
    /** Add the shared archive (or replace its password); the password is kept by the OS keychain, never in the archive. */
    connect: method<SyncStatusValue>()(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/),
        url: z.string().min(1).max(2048).regex(/^postgres(ql)?:\/\//),
        desk: z.string().max(100),
        password: z.string().min(1).max(1024),
      }),
    ),
  },
  events: {
    changed: event<SyncStatusValue>(),
  },
});
