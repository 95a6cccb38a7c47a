// npm run bench:import-writer [-- --mix 3000 --rounds 3 --profile W.cpuprofile --prepare-profile P.cpuprofile --json]
// The writing half of the real-format mix alone. The mix (realMix.ts and
// corpus.ts, as in run.ts) is prepared once, up front, and held in memory;
// then each round imports it into a fresh archive through importPaths with a
// preparer that hands over those results, so the time is the writer's: the
// lookups, the rows, the per-file savepoints, the batched search index, the
// job records and the commits. The peer, in the same round, is the bare loop
// inserting the same rows (bare.ts, index in batches). This is the rate an
// import reaches when prepare workers keep ahead of the writer (a machine with
// cores enough), so it bounds the mix's ratio from above. `--profile FILE`
// writes a CPU profile of the last round's import (inspector, writer only);
// the CPU each format family costs to prepare is printed first (the reading
// half, which on a machine with few cores is what bounds the mix's wall rate).
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Archive } from '../../electron/archive/archive.ts';
import { importPaths } from '../../electron/archive/import/importer.ts';
import type { PreparedFile, PrepareOptions } from '../../electron/archive/import/prepareFile.ts';
import { walkPaths } from '../../electron/archive/import/walk.ts';
import { prepareSafely, type Preparer } from '../../electron/archive/import/workers/preparer.ts';
import { argValue, gc, type Metric, metric, printMetrics } from '../lib/metrics.ts';
import { bareInsert, readRows } from './bare.ts';
import { CORPUS, loadCorpus, writeCorpus } from './corpus.ts';
import { loadTemplates, writeRealMix } from './realMix.ts';

const argv = process.argv.slice(2);
const MIX = Number(argValue(argv, 'mix') ?? 3000);
const ROUNDS = Number(argValue(argv, 'rounds') ?? 3);
const PROFILE = argValue(argv, 'profile');
const PREPARE_PROFILE = argValue(argv, 'prepare-profile');
const JSON_OUT = argv.includes('--json');

/** The interchange family a mix file was copied from (realMix.ts names copies `<n>-<family><ext>`), or `corpus`. */
function familyOf(path: string, families: readonly string[]): string {
  const name = basename(path);
  return families.find((f) => name.replace(/^\d+-/u, '').startsWith(f)) ?? 'corpus';
}

/**
 * Prepare every file of the mix on this thread, printing the CPU each family
 * took (with `--prepare-profile FILE`, a CPU profile of this step).
 */
async function prepareAll(src: string, options: PrepareOptions): Promise<Map<string, PreparedFile>> {
  const families = readdirSync(join(CORPUS, 'interchange')).filter((f) => statSync(join(CORPUS, 'interchange', f)).isDirectory());
  const session = PREPARE_PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const prepared = new Map<string, PreparedFile>();
  const perFamily = new Map<string, number>();
  const total = process.cpuUsage();
  for (const entry of walkPaths([src])) {
    const cpu = process.cpuUsage();
    prepared.set(entry.path, prepareSafely({ entry, knownSha256: null }, options));
    const used = process.cpuUsage(cpu);
    const family = familyOf(entry.path, families);
    perFamily.set(family, (perFamily.get(family) ?? 0) + (used.user + used.system) / 1e6);
  }
  const used = process.cpuUsage(total);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(PREPARE_PROFILE as string, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(`prepared ${prepared.size} files beforehand in ${((used.user + used.system) / 1e6).toFixed(1)} CPU-s on this thread (not timed below); by family, CPU-s:`);
  console.log(`  ${[...perFamily].sort((a, b) => b[1] - a[1]).map(([f, s]) => `${f} ${s.toFixed(2)}`).join(', ')}`);
  return prepared;
}

if (!existsSync(join(CORPUS, 'interchange'))) {
  console.log(`writer-only benchmark skipped: ${join(CORPUS, 'interchange')} is absent (it is read at run time only).`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'copydesk-bench-writer-'));
try {
  const src = join(work, 'mix');
  const real = Math.floor(MIX / 2);
  writeRealMix(join(src, 'real'), real, loadTemplates(join(CORPUS, 'interchange')));
  writeCorpus(join(src, 'corpus'), MIX - real, loadCorpus());
  const options: PrepareOptions = { timezone: 'UTC', encoding: null, maxSizeBytes: 20 * 1024 * 1024, keepOriginals: true };
  const prepared = await prepareAll(src, options);
  // Every round imports into a fresh archive, so no file is known before: the memo answers every request.
  const memo: Preparer = {
    prepare: (requests) =>
      Promise.resolve(
        requests.map((r) => {
          const file = prepared.get(r.entry.path);
          if (!file) throw new Error(`not prepared: ${r.entry.path}`);
          return file;
        }),
      ),
    close: () => Promise.resolve(),
  };

  const writer: number[] = [];
  const writerCpu: number[] = [];
  const bare: number[] = [];
  let articles = 0;
  for (let round = 1; round <= ROUNDS; round += 1) {
    const dbPath = join(work, `writer-${round}.sqlite`);
    const archive = Archive.open(dbPath);
    const session = PROFILE && round === ROUNDS ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    gc();
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const report = await importPaths(archive, [src], { timezone: 'UTC', preparer: memo });
    archive.db.pragma('wal_checkpoint(TRUNCATE)'); // as the peer does
    const used = process.cpuUsage(c);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(PROFILE as string, JSON.stringify(profile));
      session.disconnect();
      console.log(`profile of round ${round}'s import written to ${PROFILE}`);
    }
    archive.close();
    const rows = readRows(dbPath, report.jobId);
    articles = rows.articles;
    gc();
    const peer = bareInsert(join(work, `bare-${round}.sqlite`), rows, { batchedIndex: true });
    rows.tables.clear();
    writer.push(rows.articles / (ms / 1000));
    writerCpu.push(rows.articles / ((used.user + used.system) / 1e6));
    bare.push(rows.articles / (peer.ms / 1000));
    console.log(
      `round ${round}: ${report.imported} imported, ${report.updated} updated, ${report.duplicates} duplicates, ${report.failed} failed; writer ${(ms / 1000).toFixed(2)} s = ${(writer.at(-1) as number).toFixed(0)} articles/s (${((ms * 1000) / rows.articles).toFixed(0)} µs an article); bare loop ${(peer.ms / 1000).toFixed(2)} s = ${(bare.at(-1) as number).toFixed(0)}/s; load average ${loadavg()[0]?.toFixed(1)}`,
    );
    rmSync(dbPath, { force: true });
    rmSync(`${dbPath}-wal`, { force: true });
  }
  // The round with the median ratio (each round's writer against the peer run right after it), value and peer from that round.
  const order = writer.map((_, i) => i).sort((a, b) => (writer[a] as number) / (bare[a] as number) - (writer[b] as number) / (bare[b] as number));
  const mid = order[Math.floor(order.length / 2)] as number;
  const metrics: Metric[] = [
    metric({
      name: `import.mix.writer-only-vs-bare@${MIX}`,
      value: writer[mid] as number,
      unit: 'articles/s',
      peer: `bare loop, index in batches of 1,000 (round ${mid + 1} of ${ROUNDS}, the median ratio; ${articles} articles)`,
      peerValue: bare[mid] as number,
      goal: 'report',
      pass: true,
    }),
    metric({ name: `import.mix.writer-only-cpu@${MIX}`, value: writerCpu[mid] as number, unit: 'articles/cpu-s', peer: 'writer wall rate, same round', peerValue: writer[mid] as number, goal: 'report', pass: true }),
  ];
  printMetrics(metrics, JSON_OUT);
} finally {
  rmSync(work, { recursive: true, force: true });
}
