// The shared archives this replica syncs with, kept in the archive (table
// `remotes`): name, URL without any password, the desk new articles go to,
// the desks subscribed to, the pull cursor and the last sync. Never a password.
import type { Archive } from '../archive.ts';
import { stmt } from '../db/statements.ts';
import { ArchiveError } from '../errors.ts';
import { checkUrl, redactUrl } from '../server/connect.ts';
import { pendingCount } from './local.ts';

export interface Remote {
  id: number;
  name: string;
  url: string;
  desk: string;
  /** Desks pulled from; empty: every desk the user is on. */
  subscribe: string[];
  pullCursor: number;
  lastSync: string | null;
  lastError: string | null;
  serverUser: string | null;
  serverRole: string | null;
}

interface RemoteRow {
  id: number;
  name: string;
  url: string;
  desk: string;
  subscribe: string;
  pull_cursor: number;
  last_sync: string | null;
  last_error: string | null;
  server_user: string | null;
  server_role: string | null;
}

const fromRow = (r: RemoteRow): Remote => ({
  id: r.id,
  name: r.name,
  url: r.url,
  desk: r.desk,
  subscribe: JSON.parse(r.subscribe) as string[],
  pullCursor: r.pull_cursor,
  lastSync: r.last_sync,
  lastError: r.last_error,
  serverUser: r.server_user,
  serverRole: r.server_role,
});

export function listRemotes(archive: Archive): Remote[] {
  return (stmt(archive.db, 'SELECT * FROM remotes ORDER BY id').all() as RemoteRow[]).map(fromRow);
}

/** A remote by name, or the only (first) one when no name is given. */
export function getRemote(archive: Archive, name?: string): Remote {
  const all = listRemotes(archive);
  const remote = name === undefined ? all[0] : all.find((r) => r.name === name);
  if (!remote)
    throw new ArchiveError('not-found', name === undefined ? 'This archive has no remote: add one with copydesk remote add NAME URL --desk DESK.' : `No remote named "${name}".`);
  return remote;
}

export interface NewRemote {
  name: string;
  url: string;
  desk?: string;
  subscribe?: string[];
  serverUser?: string;
  serverRole?: string;
}

export function addRemote(archive: Archive, input: NewRemote): Remote {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(input.name)) throw new ArchiveError('invalid-input', `"${input.name}" is not a valid remote name (letters, digits, ".", "-", "_").`);
  checkUrl(input.url);
  const url = redactUrl(input.url);
  archive.db
    .transaction(() => {
      if (stmt(archive.db, 'SELECT 1 FROM remotes WHERE name = ?').get(input.name)) throw new ArchiveError('invalid-input', `A remote named "${input.name}" exists already.`);
      stmt(archive.db, 'INSERT INTO remotes (name, url, desk, subscribe, server_user, server_role, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        input.name,
        url,
        input.desk ?? '',
        JSON.stringify(input.subscribe ?? []),
        input.serverUser ?? null,
        input.serverRole ?? null,
        archive.now(),
      );
    })
    .immediate();
  return getRemote(archive, input.name);
}

export function removeRemote(archive: Archive, name: string): void {
  const remote = getRemote(archive, name);
  archive.db.transaction(() => stmt(archive.db, 'DELETE FROM remotes WHERE id = ?').run(remote.id)).immediate();
}

export function setCursor(archive: Archive, remoteId: number, cursor: number): void {
  stmt(archive.db, 'UPDATE remotes SET pull_cursor = max(pull_cursor, ?) WHERE id = ?').run(cursor, remoteId);
}

export function recordSyncOutcome(archive: Archive, remoteId: number, outcome: { at: string; error: string | null; user?: string; role?: string | null }): void {
  archive.db
    .transaction(() => {
      if (outcome.error === null) stmt(archive.db, 'UPDATE remotes SET last_sync = ?, last_error = NULL WHERE id = ?').run(outcome.at, remoteId);
      else stmt(archive.db, 'UPDATE remotes SET last_error = ? WHERE id = ?').run(outcome.error, remoteId);
      if (outcome.user !== undefined) stmt(archive.db, 'UPDATE remotes SET server_user = ?, server_role = ? WHERE id = ?').run(outcome.user, outcome.role ?? null, remoteId);
    })
    .immediate();
}

export function remotePending(archive: Archive, remote: Remote): number {
  return pendingCount(archive.db, remote.id);
}
