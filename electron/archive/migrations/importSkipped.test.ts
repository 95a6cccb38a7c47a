// Step 3 rebuilds import_files so its outcome CHECK admits 'skipped'; the
// rows of earlier jobs must come through unchanged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive.ts';
import { importPaths } from '../import/importer.ts';
import { tempDir } from '../testing/tempArchive.ts';
import { MIGRATIONS } from './index.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const rows = (a: Archive) => a.db.prepare('SELECT rowid, * FROM import_files ORDER BY rowid').all();
const tableSql = (a: Archive) =>
  a.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name = 'import_files' ORDER BY name").all();

describe('migration 3: import-skipped', () => {
  it('keeps every import row of an archive made before it and then accepts skipped rows', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const src = join(t.dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), 'Alpha\n\nbody\n');
    writeFileSync(join(src, 'empty.txt'), '');
    const path = join(t.dir, 'old.sqlite');
    const version = MIGRATIONS.findIndex((m) => m.name === 'import-skipped');
    expect(version).toBeGreaterThan(0);
    const old = Archive.open(path, { migrations: MIGRATIONS.slice(0, version) });
    await importPaths(old, [src], {});
    const before = rows(old);
    expect(before).toHaveLength(2);
    expect(() =>
      old.db.prepare("INSERT INTO import_files (job_id, path, outcome, finished_at) VALUES (1, '/x/.DS_Store', 'skipped', 'now')").run(),
    ).toThrow(/CHECK/u);
    old.close();

    const migrated = Archive.open(path);
    expect(rows(migrated)).toEqual(before);
    migrated.db.prepare("INSERT INTO import_files (job_id, path, outcome, finished_at) VALUES (1, '/x/.DS_Store', 'skipped', 'now')").run();
    expect(() =>
      migrated.db.prepare("INSERT INTO import_files (job_id, path, outcome, finished_at) VALUES (1, '/x/y', 'bogus', 'now')").run(),
    ).toThrow(/CHECK/u);
    // Same table as a new archive's, and the job's rows still go with the job.
    const fresh = Archive.open(join(t.dir, 'fresh.sqlite'));
    expect(tableSql(migrated)).toEqual(tableSql(fresh));
    fresh.close();
    expect(migrated.check()).toMatchObject({ ok: true, problems: [] });
    migrated.db.prepare('DELETE FROM import_jobs WHERE id = 1').run();
    expect(rows(migrated)).toEqual([]);
    migrated.close();
  });
});
