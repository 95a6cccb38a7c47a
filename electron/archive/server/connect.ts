// Connecting to the shared archive with the `pg` client. The URL is the
// user's own (postgres://user@host/db?sslmode=require for TLS, as libpq reads
// it). The password is never stored in the archive: it comes from the caller
// (the app's keychain through Electron's safeStorage, in main), else pg's own
// PGPASSWORD and ~/.pgpass lookups.
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { ArchiveError } from '../errors.ts';

export type ServerClient = pg.Client;

export interface ConnectOptions {
  password?: string;
  /** Milliseconds to wait for the server before calling it offline. */
  timeoutMs?: number;
  applicationName?: string;
}

export async function connectServer(url: string, options: ConnectOptions = {}): Promise<ServerClient> {
  checkUrl(url);
  // Parsed here (sslmode and all), so a password given apart from the URL is not overridden by the URL's missing one.
  const client = new pg.Client({
    ...parseIntoClientConfig(url),
    ...(options.password !== undefined ? { password: options.password } : {}),
    connectionTimeoutMillis: options.timeoutMs ?? 10_000,
    application_name: options.applicationName ?? 'copydesk',
    // Statements of a sync batch are small; a server that stops answering must not hang a replica forever.
    query_timeout: 120_000,
  });
  // An error on an idle connection (server restart, network cut) must not crash the process: the next query fails instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw offlineError(url, error);
  }
  return client;
}

export function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ArchiveError('invalid-input', `"${redactUrl(url)}" is not a PostgreSQL URL (postgres://user@host:5432/database).`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new ArchiveError('invalid-input', `"${redactUrl(url)}" is not a PostgreSQL URL: it must start with postgres://.`);
}

/** The URL without its password, as stored and shown. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/^(postgres(?:ql)?:\/\/[^:@/]*):@/, '$1@');
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
  }
}

/** The error a replica shows when the server cannot be reached or refuses the login. */
export function offlineError(url: string, error: unknown): ArchiveError {
  const e = error as { code?: string; message?: string };
  if (e.code === '28P01' || e.code === '28000')
    return new ArchiveError('forbidden', `The shared archive at ${redactUrl(url)} refused the login: ${e.message ?? 'wrong user or password'}.`, { pgCode: e.code });
  if (e.code === '3D000') return new ArchiveError('not-found', `${redactUrl(url)}: ${e.message ?? 'no such database'}.`, { pgCode: e.code });
  return new ArchiveError('offline', `The shared archive at ${redactUrl(url)} cannot be reached (${e.message ?? String(error)}). Working offline; nothing was lost.`, {
    pgCode: e.code ?? null,
  });
}

/** True for errors that mean "the connection went away" rather than "the server said no". */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e?.code && /^(08|57P0[1-3])/.test(e.code)) return true;
  return /Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|timeout|Client has encountered a connection error|not queryable/i.test(e?.message ?? '');
}
