// Family 5 — corrupt or foreign archive files. A sound archive (with a
// backup) is damaged in 25 ways. On each: check, stats, search, read-only
// check, salvage and restore-backup through the real CLI. The original is
// never changed or deleted (hashes before/after), nothing crashes, damage is
// explained with the ways out, salvage writes a new archive that passes
// check, and restore-backup brings back every article.
import Database from 'better-sqlite3';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Archive } from '../../../electron/archive/archive.ts';
import { takeBackup } from '../../../electron/archive/backup/take.ts';
import { LATEST_VERSION } from '../../../electron/archive/migrations/index.ts';
import { cli, type InProcessRun } from '../lib/cli.ts';
import { btreePages, damage, pageSize, writeAt } from '../lib/pages.ts';
import { fillArchive } from '../lib/sampleArchive.ts';
import { type FamilyOptions, type FamilyResult, fileHash, rng, scratch } from '../lib/util.ts';

const ARTICLES = 300;

type Expect = 'sound' | 'damaged' | 'foreign' | 'newer';
interface Fixture {
  name: string;
  expect: Expect;
  make(file: string, ctx: { roots: Record<string, number>; r: ReturnType<typeof rng> }): void;
}

const random = (r: ReturnType<typeof rng>, n: number) => Buffer.from(Array.from({ length: n }, () => r.int(0, 255)));
const leaf = (file: string, root: number, pick = 0.5) => {
  const { leaves } = btreePages(file, root);
  return leaves[Math.floor(leaves.length * pick)] ?? root;
};

const FIXTURES: Fixture[] = [
  { name: '0-byte file', expect: 'damaged', make: (f) => writeFileSync(f, '') },
  { name: 'a text file', expect: 'foreign', make: (f) => writeFileSync(f, 'Dear editor,\nthis is a letter, not a database.\n'.repeat(300)) },
  { name: 'random bytes', expect: 'foreign', make: (f, { r }) => writeFileSync(f, random(r, 64 * 1024)) },
  { name: 'a PNG image', expect: 'foreign', make: (f, { r }) => writeFileSync(f, Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), random(r, 9000)])) },
  {
    name: 'another program\'s SQLite file',
    expect: 'foreign',
    make: (f) => {
      writeFileSync(f, '');
      const db = new Database(`${f}.tmp`);
      db.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ann', '555')");
      db.close();
      copyFileSync(`${f}.tmp`, f);
    },
  },
  {
    name: 'from a newer Copydesk',
    expect: 'newer',
    make: (f) => {
      const db = new Database(f);
      db.pragma(`user_version = ${LATEST_VERSION + 7}`);
      db.close();
    },
  },
  { name: 'header signature: 1 byte flipped', expect: 'damaged', make: (f) => writeAt(f, 3, Buffer.from([0x71 ^ 0xff])) },
  { name: 'header signature: 4 bytes garbled', expect: 'damaged', make: (f) => writeAt(f, 6, Buffer.from('XXXX')) },
  { name: 'header page size garbled', expect: 'damaged', make: (f) => writeAt(f, 16, Buffer.from([0x03, 0x00])) },
  { name: 'header format bytes garbled', expect: 'damaged', make: (f) => writeAt(f, 18, Buffer.from([7, 9])) },
  { name: 'header payload fractions garbled', expect: 'damaged', make: (f) => writeAt(f, 21, Buffer.from([1, 2, 3])) },
  {
    name: 'header page count too large',
    expect: 'damaged',
    make: (f) => writeAt(f, 28, Buffer.from([0, 0, 0x30, 0x00])),
  },
  { name: 'truncated to half', expect: 'damaged', make: (f) => truncateSync(f, Math.floor(readFileSync(f).length / 2 / 4096) * 4096) },
  { name: 'truncated to one page', expect: 'damaged', make: (f) => truncateSync(f, pageSize(f)) },
  { name: 'truncated mid-page', expect: 'damaged', make: (f) => truncateSync(f, readFileSync(f).length - 1500) },
  { name: 'articles leaf page: bytes flipped', expect: 'damaged', make: (f, { roots, r }) => damage(f, leaf(f, roots.articles as number), 200, random(r, 600)) },
  { name: 'articles root page: header garbled', expect: 'damaged', make: (f, { roots }) => damage(f, roots.articles as number, 0, Buffer.from([0x63, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44])) },
  { name: 'index page garbled', expect: 'damaged', make: (f, { roots, r }) => damage(f, leaf(f, roots.articles_source_path as number), 8, random(r, 2000)) },
  { name: 'search index pages garbled', expect: 'damaged', make: (f, { roots, r }) => damage(f, leaf(f, roots.search_index_data as number, 0.3), 0, random(r, 4096)) },
  { name: 'bodies leaf page garbled', expect: 'damaged', make: (f, { roots, r }) => damage(f, leaf(f, roots.bodies as number, 0.7), 100, random(r, 3000)) },
  {
    name: '10 pages in the middle overwritten',
    expect: 'damaged',
    make: (f, { r }) => {
      const size = pageSize(f);
      const pages = Math.floor(readFileSync(f).length / size);
      writeAt(f, Math.floor(pages / 2) * size, random(r, 10 * size));
    },
  },
  { name: 'schema page garbled', expect: 'damaged', make: (f, { r }) => writeAt(f, 100, random(r, 4096 - 100)) },
  {
    name: 'body data garbled (logical)',
    expect: 'damaged',
    make: (f) => {
      const db = new Database(f);
      db.prepare('UPDATE bodies SET data = randomblob(200) WHERE id IN (SELECT id FROM bodies ORDER BY id LIMIT 3)').run();
      db.close();
    },
  },
  // The WAL cases are built by `walFixture`: a crash with commits still in the WAL.
  { name: 'lost -wal (crash, then the -wal deleted: its commits are gone)', expect: 'sound', make: () => undefined },
  { name: 'torn -wal (crash mid-write: the last commit is lost)', expect: 'sound', make: () => undefined },
];

export async function corruptFiles(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const work = scratch('corrupt');
  const failures: string[] = [];
  const r = rng(opts.seed + 5);
  try {
    // The sound archive, with one backup beside it.
    const baseDir = join(work.dir, 'base');
    mkdirSync(baseDir);
    const base = join(baseDir, 'archive.sqlite');
    const archive = Archive.open(base);
    fillArchive(archive, ARTICLES, opts.seed);
    await takeBackup(archive, 'manual');
    const roots = Object.fromEntries(
      (archive.db.prepare("SELECT name, rootpage FROM sqlite_schema WHERE rootpage > 0").all() as Array<{ name: string; rootpage: number }>).map((x) => [x.name, x.rootpage]),
    );
    archive.close();

    let unchanged = 0;
    let explained = 0;
    let offered = 0;
    let readOnly = 0;
    let salvaged = 0;
    let salvageable = 0;
    let restored = 0;
    let crashes = 0;
    const salvageFigures: string[] = [];
    for (const [index, fx] of FIXTURES.entries()) {
      const dir = join(work.dir, `fx-${String(index).padStart(2, '0')}`);
      cpSync(baseDir, dir, { recursive: true });
      const file = join(dir, 'archive.sqlite');
      if (fx.name.includes('-wal')) await walFixture(file, fx.name.startsWith('torn'), opts.seed + index);
      else fx.make(file, { roots, r });
      const before = { main: fileHash(file), wal: fileHash(`${file}-wal`) };
      const runs: { check: InProcessRun; stats: InProcessRun; search: InProcessRun; readOnly: InProcessRun; salvage?: InProcessRun } = {
        check: await cli(['check', '--json', `--db=${file}`]),
        stats: await cli(['stats', `--db=${file}`]),
        search: await cli(['search', 'harbour', `--db=${file}`]),
        readOnly: await cli(['check', '--read-only', '--json', `--db=${file}`]),
      };
      const salvageDest = join(dir, 'salvaged.sqlite');
      const salvage = await cli(['salvage', salvageDest, '--json', `--db=${file}`]);
      runs.salvage = salvage;
      const after = { main: fileHash(file), wal: fileHash(`${file}-wal`) };
      // A WAL beside the file holds committed work: SQLite replaying it is the file as it was, so compare content there.
      const sameAfter = before.wal === null ? before.main === after.main : (await articleCount(file)) === ARTICLES + 10;
      if (sameAfter) unchanged += 1;
      else failures.push(`${fx.name}: the file changed (${before.main?.slice(0, 8)} → ${after.main?.slice(0, 8) ?? 'deleted'})`);
      for (const [k, run] of Object.entries(runs))
        if (run?.crash) {
          crashes += 1;
          failures.push(`${fx.name}: ${k} crashed: ${run.crash.split('\n').slice(0, 3).join(' | ')}`);
        }

      // Explained: a sound file checks ok; anything else is refused with one line, or check lists its problems.
      const check = runs.check;
      const refusedCleanly = check.code === 1 && /^copydesk: /.test(check.err) && !check.err.includes('\n');
      const problemsListed = check.code === 2 && (JSON.parse(check.out || '{}') as { problems?: unknown[] }).problems?.length;
      if (fx.expect === 'sound') {
        if (check.code === 0) explained += 1;
        else failures.push(`${fx.name}: check should pass, got exit ${check.code}: ${check.err || check.out.slice(0, 200)}`);
      } else if (refusedCleanly || problemsListed) explained += 1;
      else failures.push(`${fx.name}: not detected — check exit ${check.code}: ${check.err || check.out.slice(0, 200)}`);
      // Offered: damage (not foreign or newer files) points at restore-backup and salvage.
      if (fx.expect === 'damaged') {
        const text = `${check.err}\n${check.out}`;
        if (refusedCleanly ? /restore-backup/.test(text) && /salvage/.test(text) : true) offered += 1;
        else failures.push(`${fx.name}: the error does not offer restore-backup and salvage: ${check.err}`);
      }
      if (runs.readOnly.code === 0 || runs.readOnly.code === 2) readOnly += 1;

      // Salvage: into a new file that passes check, whenever the file is SQLite at all.
      if (fx.expect === 'damaged' || fx.expect === 'sound') {
        salvageable += 1;
        if (existsSync(salvageDest)) {
          const out = JSON.parse(salvage.out) as { articles: number; check: { ok: boolean } };
          if (!out.check.ok) failures.push(`${fx.name}: the salvaged archive fails check`);
          else salvaged += 1;
          salvageFigures.push(`${out.articles}`);
        } else salvageFigures.push(salvage.err.includes('too damaged') ? 'none (schema unreadable)' : `none: ${salvage.err.slice(0, 80)}`);
      }

      // Restore the backup over it: every article back, the damaged file kept aside unchanged.
      const restore = await cli(['restore-backup', 'latest', '--json', `--db=${file}`]);
      if (restore.crash) crashes += 1;
      const result = restore.out ? (JSON.parse(restore.out) as { ok: boolean; articles: number; keptAside: string | null }) : null;
      // (With a WAL, restore first folds it into the file it sets aside: same content, new bytes.)
      const asideSame = result?.keptAside ? before.wal !== null || fileHash(result.keptAside) === before.main : false;
      if (result?.ok && result.articles === ARTICLES && asideSame) restored += 1;
      else failures.push(`${fx.name}: restore-backup failed: exit ${restore.code} ${restore.err} ${asideSame ? '' : '(the damaged file was not kept aside unchanged)'}`);
      opts.log(`  ${fx.name.padEnd(44)} check exit ${check.code}  read-only ${runs.readOnly.code}  salvage ${salvage.code}  restore ${restore.code}`);
    }
    const n = FIXTURES.length;
    return {
      family: 5,
      name: 'corrupt or foreign archive files',
      pass: failures.length === 0,
      figures: {
        fixtures: n,
        'original unchanged (hash)': `${unchanged}/${n}`,
        crashes,
        'problem explained': `${explained}/${n}`,
        'damage offers restore + salvage': `${offered}/${FIXTURES.filter((f) => f.expect === 'damaged').length}`,
        'read-only opening possible': `${readOnly}/${n}`,
        'salvaged to a checked new archive': `${salvaged}/${salvageable}`,
        'articles salvaged per fixture': salvageFigures.join(' '),
        'restore-backup: all articles back': `${restored}/${n}`,
      },
      failures,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    work.cleanup();
  }
}

async function articleCount(file: string): Promise<number> {
  const run = await cli(['stats', '--json', `--db=${file}`]);
  return run.code === 0 ? (JSON.parse(run.out) as { articles: number }).articles : -1;
}

/** A crash with commits still in the WAL: copy the files while a writer holds them, then lose or tear the WAL. */
async function walFixture(file: string, torn: boolean, seed: number): Promise<void> {
  const live = `${file}.live`;
  copyFileSync(file, live);
  const archive = Archive.open(live);
  archive.db.pragma('wal_autocheckpoint = 0');
  // Two commits: a torn WAL loses only the second.
  fillArchive(archive, 10, seed, 'Late');
  fillArchive(archive, 10, seed + 1, 'Later');
  copyFileSync(live, file);
  const wal = readFileSync(`${live}-wal`);
  archive.close();
  if (torn) writeFileSync(`${file}-wal`, wal.subarray(0, wal.length - 700));
}
