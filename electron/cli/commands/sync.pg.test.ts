// The shared-archive commands end to end against a real PostgreSQL: server
// init/desk add/user add, remote add/status, sync, conflicts, resolve, edit,
// and the `desk:` search filter. Pins their --json shapes and exit codes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../archive/testing/postgres.ts';
import { tempDir } from '../../archive/testing/tempArchive.ts';
import { runCli } from '../run.ts';

let pg: TestPostgres;
let tmp: { dir: string; cleanup(): void };
beforeAll(async () => {
  pg = await startPostgres();
  tmp = tempDir();
}, 120_000);
afterAll(() => {
  pg?.stop();
  tmp?.cleanup();
});

async function cli(argv: string[], options: { db?: string; password?: string; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, ...(options.db ? ['--db', options.db] : [])], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: options.password !== undefined ? { PGPASSWORD: options.password } : {},
    interactive: false,
    ...(options.stdin !== undefined ? { stdin: async () => options.stdin as string } : {}),
  });
  const text = out.join('\n');
  return { code, out: text, err: err.join('\n'), json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('copydesk server, remote, sync, conflicts, resolve, edit', () => {
  it('sets up a desk and syncs two replicas, with conflicts visible and resolvable', async () => {
    const admin = pg.superUrl.replace(/:[^:@/]+@/, '@');
    const superPw = decodeURIComponent(new URL(pg.superUrl).password);
    const init = await cli(['server', 'init', '--url', admin, '--json'], { password: superPw });
    expect(init.code).toBe(0);
    expect(init.json()).toMatchObject({ ok: true, to: 2, applied: [1, 2] });
    expect((await cli(['server', 'init', '--url', admin, '--json'], { password: superPw })).json()).toMatchObject({ applied: [] });
    expect((await cli(['server', 'desk', 'add', 'metro', '--url', admin, '--json'], { password: superPw })).json()).toEqual({ desk: 'metro', created: true });
    const noPw = await cli(['server', 'user', 'add', 'kim', '--role', 'editor', '--desk', 'metro', '--url', admin], { password: superPw });
    expect(noPw.code).toBe(1);
    expect(noPw.err).toMatch(/--password-stdin/);
    for (const name of ['kim', 'lee']) {
      const added = await cli(['server', 'user', 'add', name, '--role', 'editor', '--desk', 'metro', '--password-stdin', '--url', admin, '--json'], {
        password: superPw,
        stdin: `${name}-secret-pw\n`,
      });
      expect(added.code).toBe(0);
      expect(added.json()).toEqual({ user: name, role: 'editor', desks: ['metro'] });
    }
    const badDesk = await cli(['server', 'user', 'add', 'zed', '--role', 'editor', '--desk', 'nowhere', '--password-stdin', '--url', admin], { password: superPw, stdin: 'zed-secret-pw' });
    expect(badDesk.code).toBe(1);
    expect(badDesk.err).toMatch(/No desk nowhere/);

    const dbA = join(tmp.dir, 'a.sqlite');
    const dbB = join(tmp.dir, 'b.sqlite');
    const addA = await cli(['remote', 'add', 'desk', pg.url('kim'), '--json'], { db: dbA, password: 'kim-secret-pw' });
    expect(addA.code).toBe(0);
    expect(addA.json()).toMatchObject({ name: 'desk', desk: 'metro', online: true, pending: 0, lastSync: null });
    expect(JSON.stringify(addA.json())).not.toContain('kim-secret-pw');
    expect((await cli(['remote', 'add', 'desk', pg.url('lee', 'lee-secret-pw'), '--desk', 'metro'], { db: dbB, password: 'lee-secret-pw' })).code).toBe(0);

    // An article from a Markdown file on A, given fields with edit.
    const md = join(tmp.dir, 'story.md');
    writeFileSync(md, 'First paragraph.\n\nSecond paragraph.\n');
    await cli(['import', md, '--json'], { db: dbA });
    const found = (await cli(['search', 'desk:metro', '--json'], { db: dbA })).json() as { total: number; hits: Array<{ id: string }> };
    expect(found.total).toBe(1);
    const id = found.hits[0]?.id as string;
    expect((await cli(['search', 'desk:sport', '--json'], { db: dbA })).json()).toMatchObject({ total: 0 });
    const edited = await cli(['edit', id, '--set', 'headline=Council votes', '--set', 'tags=city, budget', '--json'], { db: dbA });
    expect(edited.code).toBe(0);
    expect(edited.json()).toMatchObject({ id, version: 2 });
    expect(edited.json().rid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cli(['edit', id, '--set', 'nosuch=1'], { db: dbA })).code).toBe(1);
    expect((await cli(['edit', id, '--set', 'urgency=12'], { db: dbA })).code).toBe(1);

    const status = await cli(['remote', 'status', '--json'], { db: dbA, password: 'kim-secret-pw' });
    expect(status.json()).toEqual({
      remotes: [expect.objectContaining({ name: 'desk', url: pg.url('kim'), desk: 'metro', online: true, pending: 2, lastSync: null })],
    });
    const first = await cli(['sync', '--json'], { db: dbA, password: 'kim-secret-pw' });
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ pushed: 2, pulled: 0, conflicts: 0, merged: 0 });
    expect((await cli(['sync', 'desk', '--json'], { db: dbB, password: 'lee-secret-pw' })).json()).toMatchObject({ pushed: 0, pulled: 2 });
    const onB = (await cli(['show', id, '--json'], { db: dbB })).json();
    expect(onB).toMatchObject({ headline: 'Council votes', tags: ['city', 'budget'], desk: 'metro' });

    // The same field changed on both sides: exit 2, listed, resolved.
    await cli(['edit', id, '--set', 'dek=From A'], { db: dbA });
    await cli(['edit', id, '--set', 'dek=From B'], { db: dbB });
    expect((await cli(['sync', '--json'], { db: dbA, password: 'kim-secret-pw' })).code).toBe(0);
    const clash = await cli(['sync', '--json'], { db: dbB, password: 'lee-secret-pw' });
    expect(clash.code).toBe(2);
    expect(clash.json()).toMatchObject({ pushed: 1, pulled: 1, conflicts: 1, merged: 0 });
    const listed = await cli(['conflicts', '--json'], { db: dbB });
    expect(listed.json()).toEqual({ conflicts: [{ id, headline: 'Council votes', fields: ['dek'] }] });
    const resolved = await cli(['resolve', id, '--keep', 'theirs', '--json'], { db: dbB });
    expect(resolved.code).toBe(0);
    expect(resolved.json()).toMatchObject({ id, kept: 'theirs' });
    expect((await cli(['show', id, '--json'], { db: dbB })).json()).toMatchObject({ dek: 'From A' });
    expect((await cli(['conflicts', '--json'], { db: dbB })).json()).toEqual({ conflicts: [] });
    expect((await cli(['sync', '--json'], { db: dbB, password: 'lee-secret-pw' })).json()).toMatchObject({ pushed: 1, conflicts: 0 });
    const settled = await cli(['sync', '--json'], { db: dbA, password: 'kim-secret-pw' });
    expect(settled.code).toBe(0);
    expect((await cli(['show', id, '--json'], { db: dbA })).json()).toMatchObject({ dek: 'From A' });
    expect((await cli(['conflicts', '--json'], { db: dbA })).json()).toEqual({ conflicts: [] });
    const history = (await cli(['history', id, '--json'], { db: dbA })).json() as { revisions: Array<{ reason: string; parents: string[] }> };
    expect(history.revisions.find((r) => r.reason === 'resolve')?.parents).toHaveLength(2);

    // Wrong password: one line, exit 1, nothing lost.
    const denied = await cli(['sync', '--json'], { db: dbA, password: 'wrong-password' });
    expect(denied.code).toBe(1);
    expect(denied.err).toMatch(/refused the login/);
  });
});
