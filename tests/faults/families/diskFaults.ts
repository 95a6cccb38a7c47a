// Family 4 — disk and I/O faults at the CLI: a full disk (a small tmpfs), a
// read-only archive folder (a read-only bind mount: root ignores chmod), and
// an archive folder that vanishes mid-import; during import, export and
// backup. Each case: no crash, one clear error line, the archive still passes
// check, and the same command succeeds once the fault is cleared.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArticles } from '../lib/corpus.ts';
import { type CliRun, isCleanError, spawnCli } from '../lib/cli.ts';
import { bindReadOnly, type FamilyOptions, type FamilyResult, mountTmpfs, remount, scratch, unmount } from '../lib/util.ts';
import { compareHeadlines } from '../lib/verify.ts';

interface Case {
  name: string;
  /** The run under the fault: it must fail cleanly (or succeed), never crash. */
  faulted: CliRun;
  archiveOkAfter: boolean;
  retried: CliRun;
  extra?: string | null;
}

export async function diskFaults(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const work = scratch('disk');
  const mounts: string[] = [];
  const failures: string[] = [];
  const cases: Case[] = [];
  const check = async (db: string) => (await spawnCli(['check', '--json', `--db=${db}`], { timeoutMs: 120_000 })).code === 0;
  const mount = (dir: string, size: string) => {
    const ok = mountTmpfs(dir, size);
    if (ok) mounts.push(dir);
    return ok;
  };
  try {
    const src = writeArticles(join(work.dir, 'src'), opts.full ? 4000 : 1500, opts.seed + 4, { duplicateShare: 0 });
    if (!mount(join(work.dir, 'probe'), '1M'))
      return { family: 4, name: 'disk and I/O faults', pass: true, skipped: 'mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN)', figures: {}, failures: [], seconds: 0 };

    // A. The disk fills during an import.
    {
      const dir = join(work.dir, 'full-import');
      mount(dir, '1M');
      const db = join(dir, 'a.sqlite');
      const faulted = await spawnCli(['import', `--db=${db}`, src.dir], { timeoutMs: 300_000 });
      const okAfter = await check(db);
      remount(dir, 'size=256M');
      const retried = await spawnCli(['import', `--db=${db}`, src.dir], { timeoutMs: 300_000 });
      const set = compareHeadlines(db, src.headlines);
      cases.push({ name: 'full disk during import', faulted, archiveOkAfter: okAfter && (await check(db)), retried, extra: set.lost || set.duplicated ? `${set.lost} lost, ${set.duplicated} duplicated after retry` : null });
    }

    // A healthy archive for the export and backup cases.
    const home = join(work.dir, 'home');
    mkdirSync(home);
    const db = join(home, 'a.sqlite');
    const seeded = await spawnCli(['import', `--db=${db}`, src.dir], { timeoutMs: 300_000 });
    if (seeded.code !== 0) failures.push(`seeding the archive failed: ${seeded.stderr.slice(0, 200)}`);

    // B. The disk fills during a backup.
    {
      const dir = join(work.dir, 'full-backup');
      mount(dir, '512K');
      const dest = join(dir, 'copy.sqlite');
      const faulted = await spawnCli(['backup', `--db=${db}`, dest], { timeoutMs: 120_000 });
      const leftovers = readdirSync(dir).filter((n) => n.includes('partial'));
      const okAfter = await check(db);
      remount(dir, 'size=256M');
      const retried = await spawnCli(['backup', `--db=${db}`, dest], { timeoutMs: 120_000 });
      const backupOk = retried.code === 0 && (await check(dest));
      cases.push({ name: 'full disk during backup', faulted, archiveOkAfter: okAfter, retried, extra: leftovers.length ? `partial files left: ${leftovers.join(', ')}` : backupOk ? null : 'the retried backup does not pass check' });
    }

    // C. The disk fills during an export.
    {
      const dir = join(work.dir, 'full-export');
      mount(dir, '256K');
      const out = join(dir, 'out');
      const faulted = await spawnCli(['export', `--db=${db}`, '--query', 'item', '--out', out, '--format', 'txt'], { timeoutMs: 300_000 });
      const okAfter = await check(db);
      remount(dir, 'size=256M');
      const retried = await spawnCli(['export', `--db=${db}`, '--query', 'item', '--out', out, '--format', 'txt', '--overwrite'], { timeoutMs: 300_000 });
      cases.push({ name: 'full disk during export', faulted, archiveOkAfter: okAfter, retried });
    }

    // D. The archive's folder is read-only (a mounted snapshot, a locked share).
    {
      const dir = join(work.dir, 'readonly');
      mkdirSync(dir);
      const rodb = join(dir, 'a.sqlite');
      const first = await spawnCli(['import', `--db=${rodb}`, join(src.dir, 'batch-000')], { timeoutMs: 120_000 });
      if (first.code !== 0) failures.push(`read-only case: seeding failed: ${first.stderr.slice(0, 200)}`);
      if (bindReadOnly(dir)) {
        mounts.push(dir);
        const faulted = await spawnCli(['import', `--db=${rodb}`, src.dir], { timeoutMs: 120_000 });
        const readable = await spawnCli(['check', '--read-only', '--json', `--db=${rodb}`], { timeoutMs: 120_000 });
        const backupInto = await spawnCli(['backup', `--db=${db}`, join(dir, 'b.sqlite')], { timeoutMs: 120_000 });
        const exportInto = await spawnCli(['export', `--db=${db}`, '--query', 'item', '--out', join(dir, 'out'), '--format', 'txt'], { timeoutMs: 120_000 });
        remount(dir, 'bind,rw');
        const retried = await spawnCli(['import', `--db=${rodb}`, src.dir], { timeoutMs: 300_000 });
        cases.push({
          name: 'read-only archive folder',
          faulted,
          archiveOkAfter: await check(rodb),
          retried,
          extra: readable.code === 0 ? null : `copydesk --read-only check failed on the read-only folder: ${readable.stderr.trim()}`,
        });
        cases.push({ name: 'backup into a read-only folder', faulted: backupInto, archiveOkAfter: await check(db), retried: await spawnCli(['backup', `--db=${db}`, join(dir, 'b.sqlite')], { timeoutMs: 120_000 }) });
        cases.push({ name: 'export into a read-only folder', faulted: exportInto, archiveOkAfter: await check(db), retried: await spawnCli(['export', `--db=${db}`, '--query', 'item', '--out', join(dir, 'out'), '--format', 'txt', '--overwrite'], { timeoutMs: 300_000 }) });
      } else failures.push('could not bind-mount a folder read-only');
    }

    // E. The archive's folder is moved away, or deleted, while an import runs.
    for (const mode of ['moved', 'deleted'] as const) {
      const dir = join(work.dir, `vanish-${mode}`);
      mkdirSync(dir);
      const vdb = join(dir, 'a.sqlite');
      const running = spawnCli(['import', `--db=${vdb}`, src.dir], { timeoutMs: 300_000 });
      await waitFor(() => existsSync(`${vdb}-wal`), 20_000);
      await new Promise((r) => setTimeout(r, 300));
      if (mode === 'moved') renameSync(dir, `${dir}-away`);
      else rmSync(dir, { recursive: true, force: true });
      const faulted = await running;
      let okAfter = true;
      if (mode === 'moved') {
        okAfter = await check(join(`${dir}-away`, 'a.sqlite'));
        renameSync(`${dir}-away`, dir);
      }
      const retried = await spawnCli(['import', `--db=${vdb}`, src.dir], { timeoutMs: 300_000 });
      const set = compareHeadlines(vdb, src.headlines);
      cases.push({ name: `archive folder ${mode} mid-import`, faulted, archiveOkAfter: okAfter && (await check(vdb)), retried, extra: set.lost || set.duplicated ? `${set.lost} lost, ${set.duplicated} duplicated after retry` : null });
    }

    const figures: FamilyResult['figures'] = {};
    for (const c of cases) {
      const crashed = c.faulted.code === null || c.faulted.code > 2 || /internal error|\n\s+at /.test(c.faulted.stderr);
      const clean = c.faulted.code === 0 || isCleanError(c.faulted.stderr.split('\n').filter((l) => !l.startsWith('failed: ')).join('\n'));
      const line = c.faulted.stderr.trim().split('\n').find((l) => l.startsWith('copydesk:')) ?? '(succeeded)';
      const ok = !crashed && clean && c.archiveOkAfter && c.retried.code === 0 && !c.extra;
      figures[c.name] = `${ok ? 'ok' : 'FAIL'} — exit ${c.faulted.code}, then retry exit ${c.retried.code}; "${line.slice(0, 110)}"`;
      if (crashed) failures.push(`${c.name}: crashed: ${c.faulted.stderr.slice(0, 400)}`);
      else if (!clean) failures.push(`${c.name}: the error was not one clear line: ${JSON.stringify(c.faulted.stderr.slice(0, 400))}`);
      if (!c.archiveOkAfter) failures.push(`${c.name}: the archive failed check after the fault`);
      if (c.retried.code !== 0) failures.push(`${c.name}: the retry failed (exit ${c.retried.code}): ${c.retried.stderr.slice(0, 300)}`);
      if (c.extra) failures.push(`${c.name}: ${c.extra}`);
    }
    writeFileSync(join(work.dir, 'done'), '');
    return { family: 4, name: 'disk and I/O faults', pass: failures.length === 0, figures, failures, seconds: (Date.now() - started) / 1000 };
  } finally {
    for (const m of mounts.reverse()) {
      try {
        unmount(m);
      } catch {
        // already gone
      }
    }
    work.cleanup();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}
