// Test support: a real PostgreSQL server in a temporary folder (initdb +
// pg_ctl from the Debian package's /usr/lib/postgresql/*/bin), on a free
// port of 127.0.0.1 and a unix socket in the folder, stopped and removed at
// the end — also when the process exits on a failure. Run as the `postgres`
// user (through runuser) when the tests run as root, as PostgreSQL refuses
// root. Orphans of earlier runs (their owner process gone) are stopped and
// removed before a new server starts; signals stop this process's servers too
// (postgresCleanup.ts). Superuser `postgres` with a random password; password logins
// (scram-sha-256) over TCP, as a desk's replicas use them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { reapOrphans, SERVER_DIR_PREFIX, stopOnExit, writeOwner } from './postgresCleanup.ts';

export interface TestPostgres {
  dir: string;
  port: number;
  /** The superuser's URL (with its password) on the test database. */
  superUrl: string;
  database: string;
  /** A URL for a user on the test database (password left out: pass it to the client or PGPASSWORD). */
  url(user: string, password?: string): string;
  /** Run SQL through psql as a user; answers stdout, or throws with psql's stderr. */
  psql(user: string, password: string, sql: string): string;
  /** Like psql, but answers the outcome instead of throwing. */
  psqlTry(user: string, password: string, sql: string): { ok: boolean; out: string; err: string };
  /** Stop as a crash would (immediate), then start again. */
  restart(mode?: 'fast' | 'immediate'): void;
  stopServer(mode?: 'fast' | 'immediate'): void;
  startServer(): void;
  stop(): void;
}

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql (.ci/run does).');
  return join(root, versions[0] as string, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const full = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return execFileSync(full[0] as string, full[1] as string[], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgres(options: { database?: string } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  reapOrphans(tmpdir(), (dataDir) => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running after all
    }
  });
  const dir = mkdtempSync(join(tmpdir(), SERVER_DIR_PREFIX));
  writeOwner(dir);
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const database = options.database ?? 'copydesk';
  writeFileSync(join(dir, 'pw'), `${password}\n`);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(join(dir, 'pw'), uid, gid);
    chownSync(join(dir, 'owner'), uid, gid);
  }
  chmodSync(dir, 0o700);
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--pwfile', join(dir, 'pw'), '-E', 'UTF8', '--no-locale', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const pgOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB`;
  const startServer = () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', pgOptions, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stopServer = (mode: 'fast' | 'immediate' = 'fast') => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unhook();
    stopServer('immediate');
    rmSync(dir, { recursive: true, force: true });
  };
  // Hooked before the start, so a signal during it still stops what began.
  const unhook = stopOnExit(stop);
  try {
    startServer();
  } catch (error) {
    stop();
    throw error;
  }
  const url = (user: string, pw?: string) =>
    `postgres://${encodeURIComponent(user)}${pw !== undefined ? `:${encodeURIComponent(pw)}` : ''}@127.0.0.1:${port}/${database}`;
  const psqlTry = (user: string, pw: string, sql: string) => {
    const result = spawnSync('psql', [url(user), '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      env: { ...process.env, PGPASSWORD: pw, PGCONNECT_TIMEOUT: '10' },
      encoding: 'utf8',
    });
    return { ok: result.status === 0, out: result.stdout.trim(), err: result.stderr.trim() };
  };
  const psql = (user: string, pw: string, sql: string) => {
    const r = psqlTry(user, pw, sql);
    if (!r.ok) throw new Error(`psql as ${user}: ${r.err}`);
    return r.out;
  };
  const server: TestPostgres = {
    dir,
    port,
    database,
    superUrl: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    url,
    psql,
    psqlTry,
    restart: (mode = 'immediate') => {
      stopServer(mode);
      startServer();
    },
    stopServer,
    startServer: () => {
      startServer();
    },
    stop,
  };
  const created = spawnSync('psql', [`postgres://postgres@127.0.0.1:${port}/postgres`, '-X', '-q', '-c', `CREATE DATABASE ${database}`], {
    env: { ...process.env, PGPASSWORD: password },
    encoding: 'utf8',
  });
  if (created.status !== 0) {
    stop();
    throw new Error(`could not create the test database: ${created.stderr}`);
  }
  return server;
}
