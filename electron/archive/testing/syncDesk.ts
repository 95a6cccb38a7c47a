// Test support: a desk on a real PostgreSQL (postgres.ts) with its people,
// and replicas (real archive files) that sync with it.
import { join } from 'node:path';
import { Archive } from '../archive.ts';
import { connectServer } from '../server/connect.ts';
import { addDesk, addUser, type ServerRole } from '../server/people.ts';
import { initServer } from '../server/runner.ts';
import { addRemote } from '../sync/remotes.ts';
import { sync, type SyncResult } from '../sync/engine.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';
import { tempDir } from './tempArchive.ts';

export interface Person {
  name: string;
  role: ServerRole;
  desks: string[];
  password: string;
}

export const PEOPLE: readonly Person[] = [
  { name: 'ann', role: 'archivist', desks: ['politics'], password: 'ann-password' },
  { name: 'kim', role: 'editor', desks: ['politics'], password: 'kim-password' },
  { name: 'lee', role: 'editor', desks: ['politics'], password: 'lee-password' },
  { name: 'spo', role: 'editor', desks: ['sport'], password: 'spo-password' },
  { name: 'cho', role: 'chief', desks: ['politics', 'sport'], password: 'cho-password' },
  { name: 'ada', role: 'admin', desks: [], password: 'ada-password' },
];

export interface Replica {
  person: Person;
  archive: Archive;
  path: string;
  sync(): Promise<SyncResult>;
}

export interface TestDesk {
  pg: TestPostgres;
  dir: string;
  person(name: string): Person;
  replica(name: string, options?: { desk?: string; subscribe?: string[]; file?: string }): Replica;
  stop(): void;
}

export async function startDesk(people: readonly Person[] = PEOPLE): Promise<TestDesk> {
  const pg = await startPostgres();
  const tmp = tempDir('copydesk-desk-');
  const admin = await connectServer(pg.superUrl);
  try {
    await initServer(admin);
    await addDesk(admin, 'politics');
    await addDesk(admin, 'sport');
    for (const p of people) await addUser(admin, p);
  } finally {
    await admin.end();
  }
  const archives: Archive[] = [];
  const person = (name: string) => {
    const p = people.find((x) => x.name === name);
    if (!p) throw new Error(`no person ${name}`);
    return p;
  };
  let n = 0;
  return {
    pg,
    dir: tmp.dir,
    person,
    replica(name, options = {}) {
      const p = person(name);
      const path = options.file ?? join(tmp.dir, `${name}-${++n}.sqlite`);
      const archive = Archive.open(path);
      archives.push(archive);
      addRemote(archive, { name: 'desk', url: pg.url(p.name), desk: options.desk ?? p.desks[0] ?? '', ...(options.subscribe ? { subscribe: options.subscribe } : {}) });
      return { person: p, archive, path, sync: () => sync(archive, 'desk', { password: p.password }) };
    },
    stop() {
      for (const a of archives) a.close();
      pg.stop();
      tmp.cleanup();
    },
  };
}
