// Family 6 — backups. 20 backups taken through the CLI while another process
// writes; each restores (restore-backup) to an archive that passes check with
// the same counts and content hash as the backup, holding a gap-free prefix
// of the writer's sequence. Then: rotation keeps 7 automatic backups, and
// restoring over a live archive keeps the replaced one aside.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Archive } from '../../../electron/archive/archive.ts';
import { autoBackupIfDue } from '../../../electron/archive/backup/auto.ts';
import { listBackups } from '../../../electron/archive/backup/location.ts';
import { cli, REPO } from '../lib/cli.ts';
import { contentDigest, fillArchive } from '../lib/sampleArchive.ts';
import { type FamilyOptions, type FamilyResult, scratch } from '../lib/util.ts';

export async function backups(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const work = scratch('backups');
  const failures: string[] = [];
  const count = 20;
  try {
    const db = join(work.dir, 'live', 'archive.sqlite');
    mkdirSync(join(work.dir, 'live'));
    const seed = Archive.open(db);
    fillArchive(seed, opts.full ? 2000 : 300, opts.seed + 6);
    seed.close();

    const stop = join(work.dir, 'stop');
    const writer = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'writerChild.ts'), db, stop], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let written = '';
    let writerErr = '';
    writer.stdout.on('data', (d: Buffer) => (written += d.toString()));
    writer.stderr.on('data', (d: Buffer) => (writerErr += d.toString()));
    const writerDone = new Promise<number | null>((r) => writer.on('close', r));
    await new Promise((r) => setTimeout(r, 1500));

    const files: string[] = [];
    const backupMs: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const t = Date.now();
      const run = await cli(['backup', '--json', `--db=${db}`]);
      backupMs.push(Date.now() - t);
      if (run.code !== 0) failures.push(`backup ${i} failed: ${run.err}`);
      else files.push((JSON.parse(run.out) as { file: string }).file);
      await new Promise((r) => setTimeout(r, opts.full ? 400 : 150));
    }
    writeFileSync(stop, '');
    const writerCode = await writerDone;
    if (writerCode !== 0) failures.push(`the writer process failed: ${writerErr.slice(0, 300)}`);

    let restoredOk = 0;
    const sizes: number[] = [];
    for (const [i, file] of files.entries()) {
      const snapshot = Archive.open(file, { readonly: true });
      const expected = contentDigest(snapshot);
      const prefix = writerPrefix(snapshot);
      snapshot.close();
      const target = join(work.dir, 'restored', `r${i}`, 'archive.sqlite');
      const run = await cli(['restore-backup', file, '--json', `--db=${target}`]);
      if (run.code !== 0) {
        failures.push(`restoring backup ${i} failed: ${run.err}`);
        continue;
      }
      const restored = Archive.open(target, { readonly: true });
      const got = contentDigest(restored);
      const check = restored.check();
      restored.close();
      sizes.push(prefix.count);
      if (!check.ok) failures.push(`restored backup ${i} fails check: ${JSON.stringify(check.problems).slice(0, 200)}`);
      else if (got.digest !== expected.digest || got.articles !== expected.articles || got.revisions !== expected.revisions)
        failures.push(`restored backup ${i} differs from the backup: ${got.articles}/${expected.articles} articles`);
      else if (!prefix.gapFree) failures.push(`backup ${i} holds writes with gaps: not a consistent snapshot`);
      else restoredOk += 1;
    }

    // Rotation: ten "days" of automatic backups keep the newest 7; manual ones stay.
    const live = Archive.open(db);
    const day0 = Date.now();
    let taken = 0;
    for (let d = 1; d <= 10; d += 1) if ((await autoBackupIfDue(live, new Date(day0 + d * 25 * 3_600_000))).taken) taken += 1;
    const notDue = (await autoBackupIfDue(live, new Date(day0 + 10 * 25 * 3_600_000 + 60_000))).taken;
    const before = contentDigest(live);
    live.close();
    const all = listBackups(db);
    const autos = all.filter((b) => b.kind === 'auto').length;
    const manuals = all.filter((b) => b.kind === 'manual').length;
    if (taken !== 10 || notDue) failures.push(`automatic backups: ${taken} taken over 10 days (expected 10), one taken when not due: ${notDue !== null}`);
    if (autos !== 7) failures.push(`rotation kept ${autos} automatic backups, not 7`);
    if (manuals !== files.length) failures.push(`rotation touched manual backups: ${manuals} of ${files.length} left`);

    // Restoring over the live archive keeps it aside, unchanged in content.
    const over = await cli(['restore-backup', files[0] ?? 'latest', '--json', `--db=${db}`]);
    const aside = over.code === 0 ? (JSON.parse(over.out) as { keptAside: string | null }).keptAside : null;
    let asideSame = false;
    if (aside) {
      const kept = Archive.open(aside, { readonly: true });
      asideSame = contentDigest(kept).digest === before.digest;
      kept.close();
    }
    if (!asideSame) failures.push(`restore over the live archive did not keep it aside intact: ${over.err}`);

    return {
      family: 6,
      name: 'backups',
      pass: failures.length === 0,
      figures: {
        'backups during concurrent writes': files.length,
        'writes by the other process': Number(written) || 0,
        'restored, check ok, counts + hash match': `${restoredOk}/${count}`,
        'writer rows per backup (min–max)': sizes.length ? `${Math.min(...sizes)}–${Math.max(...sizes)}` : '-',
        'backup time p50 (ms)': backupMs.sort((a, b) => a - b)[Math.floor(backupMs.length / 2)] ?? 0,
        'automatic backups over 10 days': `${taken} taken, ${autos} kept (keep 7)`,
        'restore over live archive kept it aside': asideSame ? 'yes' : 'NO',
      },
      failures,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    work.cleanup();
  }
}

/** The writer's articles w-0 … w-(k-1): a consistent snapshot holds all of them with no gap. */
function writerPrefix(archive: Archive): { count: number; gapFree: boolean } {
  const rows = archive.db.prepare("SELECT CAST(substr(headline, 3) AS INTEGER) AS n FROM articles WHERE headline GLOB 'w-[0-9]*' ORDER BY n").all() as Array<{ n: number }>;
  return { count: rows.length, gapFree: rows.every((r, i) => r.n === i) };
}
