// Desks and people on the shared archive: `copydesk server desk add` and
// `copydesk server user add`, run with an admin's URL. A user is a PostgreSQL
// login role, member of one of the four group roles, plus a row in
// copydesk.users and one per desk in copydesk.user_desks (what the policies read).
import { ArchiveError } from '../errors.ts';
import type { ServerClient } from './connect.ts';
import { scramVerifier } from './scram.ts';

export const SERVER_ROLES = ['archivist', 'editor', 'chief', 'admin'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

const NAME = /^[a-z][a-z0-9_.-]{0,62}$/;

export function checkName(kind: 'desk' | 'user', name: string): void {
  if (!NAME.test(name))
    throw new ArchiveError('invalid-input', `"${name}" is not a valid ${kind} name: lower-case letters, digits, ".", "-" and "_", starting with a letter, at most 63.`);
}

export async function addDesk(client: ServerClient, name: string): Promise<{ desk: string; created: boolean }> {
  checkName('desk', name);
  const result = await client.query('INSERT INTO copydesk.desks (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  return { desk: name, created: result.rowCount === 1 };
}

export interface NewUser {
  name: string;
  role: ServerRole;
  desks: string[];
  password: string;
}

export async function addUser(client: ServerClient, user: NewUser): Promise<{ user: string; role: ServerRole; desks: string[] }> {
  checkName('user', user.name);
  if (!(SERVER_ROLES as readonly string[]).includes(user.role)) throw new ArchiveError('invalid-input', `Unknown role "${user.role}". Use one of: ${SERVER_ROLES.join(', ')}.`);
  if (user.password.length < 8) throw new ArchiveError('invalid-input', 'A password needs at least 8 characters.');
  for (const desk of user.desks) checkName('desk', desk);
  const role = client.escapeIdentifier(user.name);
  await client.query('BEGIN');
  try {
    const known = await client.query('SELECT name FROM copydesk.desks WHERE name = ANY ($1)', [user.desks]);
    const missing = user.desks.filter((d) => !known.rows.some((r: { name: string }) => r.name === d));
    if (missing.length > 0) throw new ArchiveError('not-found', `No desk ${missing.join(', ')}: add it first with copydesk server desk add.`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user.name]);
    const attributes = user.role === 'admin' ? 'LOGIN CREATEROLE' : 'LOGIN';
    const password = client.escapeLiteral(scramVerifier(user.password));
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${role} ${attributes} PASSWORD ${password}`);
    else await client.query(`ALTER ROLE ${role} ${attributes} PASSWORD ${password}`);
    for (const r of SERVER_ROLES) if (r !== user.role) await client.query(`REVOKE copydesk_${r} FROM ${role}`);
    await client.query(`GRANT copydesk_${user.role} TO ${role}`);
    await client.query(
      'INSERT INTO copydesk.users (name, role) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role',
      [user.name, user.role],
    );
    for (const desk of user.desks)
      await client.query('INSERT INTO copydesk.user_desks (user_name, desk) VALUES ($1, $2) ON CONFLICT DO NOTHING', [user.name, desk]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { user: user.name, role: user.role, desks: user.desks };
}
