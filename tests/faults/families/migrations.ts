// Family 7 — migrations. For every schema version since the first, a fixture
// archive is generated from the migration list itself (the first k steps) and
// filled through the core; each migrates to the newest with its content
// intact and a pre-migration backup beside it. A failure injected at every
// step (and in the backup that must come first) leaves the file exactly as
// it was: same bytes, same user_version, same schema.
import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Archive } from '../../../electron/archive/archive.ts';
import { inspectBackup } from '../../../electron/archive/backup/inspect.ts';
import { listBackups } from '../../../electron/archive/backup/location.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/archive/migrations/index.ts';
import type { Migration } from '../../../electron/archive/migrations/types.ts';
import { contentDigest, fillArchiveAt } from '../lib/sampleArchive.ts';
import { type FamilyOptions, type FamilyResult, fileHash, scratch } from '../lib/util.ts';

const ARTICLES = 120;

const failing = (step: Migration): Migration => ({
  ...step,
  up: (db) => {
    if (typeof step.up === 'string') db.exec(step.up);
    else step.up(db);
    throw new Error(`injected failure after step ${step.version} (${step.name})`);
  },
});
/** Two future steps, the second failing: proves a multi-step upgrade is all or nothing. */
const future = (n: number): Migration[] => [
  { version: LATEST_VERSION + 1, name: 'future-a', up: 'CREATE TABLE future_a (x INTEGER) STRICT; ALTER TABLE articles ADD COLUMN future_note TEXT;' },
  failing({ version: LATEST_VERSION + 2 + n * 0, name: 'future-b', up: 'CREATE TABLE future_b (y INTEGER) STRICT;' }),
];

function schemaOf(file: string): { version: number; schema: string } {
  const db = new Database(file, { readonly: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const schema = JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all());
    return { version, schema };
  } finally {
    db.close();
  }
}

export async function migrations(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const work = scratch('migrations');
  const failures: string[] = [];
  let migrated = 0;
  let backedUp = 0;
  let injected = 0;
  let untouched = 0;
  try {
    for (const [index, step] of MIGRATIONS.entries()) {
      const v = step.version;
      // The fixture: an archive made by the first index+1 steps, filled through the core.
      const fxDir = join(work.dir, `v${v}`);
      mkdirSync(fxDir);
      const fixture = join(fxDir, 'archive.sqlite');
      const made = Archive.open(fixture, { migrations: MIGRATIONS.slice(0, index + 1) });
      fillArchiveAt(made, ARTICLES, opts.seed + v);
      const expected = contentDigest(made);
      made.close();

      // 1. It migrates to the newest, content intact, with a backup of version v taken first.
      const upDir = join(work.dir, `v${v}-up`);
      cpSync(fxDir, upDir, { recursive: true });
      const up = Archive.open(join(upDir, 'archive.sqlite'));
      const got = contentDigest(up);
      const version = up.stats().schemaVersion;
      const check = up.check();
      up.close();
      if (version !== LATEST_VERSION || !check.ok || got.digest !== expected.digest) failures.push(`v${v}: migrated to v${version}, check ${check.ok}, content ${got.digest === expected.digest ? 'same' : 'CHANGED'}`);
      else migrated += 1;
      if (v < LATEST_VERSION) {
        const pre = listBackups(join(upDir, 'archive.sqlite')).filter((b) => b.kind === 'pre-migration');
        const info = pre[0] ? inspectBackup(pre[0].file) : null;
        if (pre.length === 1 && info?.ok && info.schemaVersion === v && info.articles === ARTICLES) backedUp += 1;
        else failures.push(`v${v}: no sound pre-migration backup of version ${v} (${pre.length} found, ${info?.problem ?? ''})`);
      }

      // 2. A failure at each later step, and in a multi-step future upgrade, changes nothing.
      const plans: Array<[string, Migration[]]> = [];
      for (let s = index + 1; s < MIGRATIONS.length; s += 1)
        plans.push([`step ${MIGRATIONS[s]?.version}`, [...MIGRATIONS.slice(0, s), failing(MIGRATIONS[s] as Migration), ...MIGRATIONS.slice(s + 1)]]);
      plans.push(['a two-step future upgrade failing at its second step', [...MIGRATIONS, ...future(v)]]);
      for (const [label, plan] of plans) {
        const dir = join(work.dir, `v${v}-fail-${injected}`);
        cpSync(fxDir, dir, { recursive: true });
        const file = join(dir, 'archive.sqlite');
        const before = { hash: fileHash(file), ...schemaOf(file) };
        // (schemaOf's read-only handle leaves an empty -wal behind; the open under test must not leave one.)
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
        let threw = false;
        try {
          Archive.open(file, { migrations: plan }).close();
        } catch {
          threw = true;
        }
        injected += 1;
        const walLeft = existsSync(`${file}-wal`);
        const after = { hash: fileHash(file), ...schemaOf(file) };
        if (threw && before.hash === after.hash && before.version === after.version && before.schema === after.schema && !walLeft) untouched += 1;
        else
          failures.push(
            `v${v}, failure at ${label}: threw ${threw}, bytes ${before.hash === after.hash ? 'same' : 'CHANGED'}, version ${before.version}→${after.version}, schema ${before.schema === after.schema ? 'same' : 'CHANGED'}, wal left ${walLeft}`,
          );
      }

      // 3. If the backup that must come first cannot be written, the upgrade does not start.
      if (v < LATEST_VERSION) {
        const dir = join(work.dir, `v${v}-nobackup`);
        cpSync(fxDir, dir, { recursive: true });
        writeFileSync(join(dir, 'backups'), 'a file where the backup folder should be');
        const file = join(dir, 'archive.sqlite');
        const before = fileHash(file);
        let message = '';
        try {
          Archive.open(file).close();
        } catch (error) {
          message = (error as Error).message;
        }
        injected += 1;
        if (/backup that must come first failed/.test(message) && fileHash(file) === before && schemaOf(file).version === v) untouched += 1;
        else failures.push(`v${v}: a failed pre-migration backup did not stop the upgrade cleanly: ${message || 'no error'}`);
      }
    }
    return {
      family: 7,
      name: 'migrations',
      pass: failures.length === 0,
      figures: {
        'schema versions (fixtures)': MIGRATIONS.map((m) => m.version).join(', '),
        'migrated to newest, content intact': `${migrated}/${MIGRATIONS.length}`,
        'pre-migration backup taken': `${backedUp}/${MIGRATIONS.length - 1}`,
        'failures injected (steps + backup)': injected,
        'file exactly as it was after the failure': `${untouched}/${injected}`,
      },
      failures,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    work.cleanup();
  }
}
