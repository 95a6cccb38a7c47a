// `copydesk server init`: bring the shared archive's schema up to date, one
// transaction per step, like the desktop's migrations; a schema newer than
// this Copydesk is refused untouched. An advisory lock keeps two inits apart.
import { ArchiveError } from '../errors.ts';
import type { ServerClient } from './connect.ts';
import { SERVER_LATEST, SERVER_MIGRATIONS } from './migrations/index.ts';
import type { ServerMigration } from './migrations/types.ts';

const INIT_LOCK = 7310012;

export async function serverSchemaVersion(client: ServerClient): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('copydesk.schema_version')::text AS t");
  if (exists.rows[0]?.t == null) return 0;
  const row = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM copydesk.schema_version');
  return row.rows[0]?.v ?? 0;
}

export async function initServer(client: ServerClient, steps: readonly ServerMigration[] = SERVER_MIGRATIONS): Promise<{ from: number; to: number; applied: number[] }> {
  const latest = steps.length === 0 ? 0 : (steps[steps.length - 1] as ServerMigration).version;
  const from = await serverSchemaVersion(client);
  if (from > latest) throw newerServerError(from, latest);
  const applied: number[] = [];
  for (const step of steps) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK]);
      if ((await serverSchemaVersion(client)) >= step.version) {
        await client.query('ROLLBACK');
        continue;
      }
      await client.query(step.up);
      await client.query('INSERT INTO copydesk.schema_version (version, name) VALUES ($1, $2)', [step.version, step.name]);
      await client.query('COMMIT');
      applied.push(step.version);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return { from, to: Math.max(from, latest), applied };
}

/** A replica checks the schema before syncing: too old needs `server init`, too new needs a newer Copydesk. */
export async function assertServerSchema(client: ServerClient): Promise<void> {
  const version = await serverSchemaVersion(client);
  if (version === 0) throw new ArchiveError('invalid-input', 'That database holds no shared archive yet: an admin runs copydesk server init --url … first.');
  if (version > SERVER_LATEST) throw newerServerError(version, SERVER_LATEST);
  if (version < SERVER_LATEST) throw new ArchiveError('invalid-input', `The shared archive's schema is version ${version}; this Copydesk needs ${SERVER_LATEST}: an admin runs copydesk server init --url … to update it.`);
}

export function newerServerError(found: number, supported: number): ArchiveError {
  return new ArchiveError(
    'newer-version',
    `The shared archive was set up by a newer Copydesk (schema ${found}; this version knows up to ${supported}). Update Copydesk; nothing was changed.`,
    { found, supported },
  );
}
