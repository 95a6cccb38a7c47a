// `npm run bench:sync [-- --articles N] [--replicas N] [--no-live] [--no-pull-worker] [--json]` (`--no-live`: figures 1 and 2 only;
// `--no-pull-worker`: the pull prepares on its writing thread): the shared archive's figures
// against peers measured in the same run (see BENCHMARKS.md).
//  1. First push of an N-article archive vs a bare COPY of the same rows into the same schema (goal ≥ 0.5×).
//  2. First pull into an empty replica vs the import benchmark's bare SQLite insert loop of the same rows (goal ≥ 0.5×).
//  3. Edit on one online replica → visible on another (LISTEN/NOTIFY), p95 (goal ≤ 2 s).
//  4. Server CPU per idle replica and per synced revision, with 50 simulated replicas.
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import copyStreams from 'pg-copy-streams';
import { Archive } from '../../electron/archive/archive.ts';
import { decompressText } from '../../electron/archive/db/compress.ts';
import { connectServer } from '../../electron/archive/server/connect.ts';
import { addDesk, addUser } from '../../electron/archive/server/people.ts';
import { initServer } from '../../electron/archive/server/runner.ts';
import { sync } from '../../electron/archive/sync/engine.ts';
import { sourcePullWorker } from '../../electron/archive/sync/pullWorker/preparer.ts';
import { addRemote } from '../../electron/archive/sync/remotes.ts';
import { SyncWatcher } from '../../electron/archive/sync/watch.ts';
import { EditorService } from '../../electron/archive/history/service.ts';
import { startPostgres, type TestPostgres } from '../../electron/archive/testing/postgres.ts';
import { tempDir } from '../../electron/archive/testing/tempArchive.ts';
import { bareInsert, readRows } from '../import/bare.ts';
import { argValue, metric, percentile, printMetrics, type Metric } from '../lib/metrics.ts';
import { fillArchive } from './corpus.ts';
import { serverCpuMs } from './serverCpu.ts';

const argv = process.argv.slice(2);
const N = Number(argValue(argv, 'articles') ?? 10_000);
const REPLICAS = Number(argValue(argv, 'replicas') ?? 50);
const LIVE = !argv.includes('--no-live');
const PULL_WORKER = !argv.includes('--no-pull-worker');
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const csv = (v: string | number | null) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);

async function main(): Promise<void> {
  log(`bench:sync — ${N} articles, ${REPLICAS} simulated replicas, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const pg = await startPostgres();
  const tmp = tempDir('copydesk-bench-sync-');
  const metrics: Metric[] = [];
  try {
    const admin = await connectServer(pg.superUrl);
    await initServer(admin);
    await addDesk(admin, 'bench');
    await addUser(admin, { name: 'writer', role: 'editor', desks: ['bench'], password: 'writer-password' });
    await addUser(admin, { name: 'reader', role: 'editor', desks: ['bench'], password: 'reader-password' });
    await admin.query('CREATE DATABASE copybench');
    await admin.end();

    const source = Archive.open(join(tmp.dir, 'source.sqlite'));
    addRemote(source, { name: 'desk', url: pg.url('writer'), desk: 'bench' });
    let t = process.hrtime.bigint();
    fillArchive(source, N);
    log(`built the source archive in ${(ms(t) / 1000).toFixed(1)} s`);

    // 1. First push vs a bare COPY (superuser, same schema in another database, same triggers).
    t = process.hrtime.bigint();
    const pushed = await sync(source, 'desk', { password: 'writer-password', only: 'push', batchSize: 2000 });
    const pushMs = ms(t);
    log(`first push: ${pushed.pushed} revisions in ${(pushMs / 1000).toFixed(1)} s`);
    const peerUrl = pg.superUrl.replace(/\/copydesk$/, '/copybench');
    const peer = await connectServer(peerUrl);
    await initServer(peer);
    await peer.query("INSERT INTO copydesk.desks (name) VALUES ('bench')");
    const rows = source.db
      .prepare(
        `SELECT r.rid, a.id AS article_id, r.created_at, r.author, r.reason, r.hash, s.fields, b.hash AS body_hash, b.data, r.word_count
         FROM revisions r JOIN articles a ON a.seq = r.article_seq JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id ORDER BY r.id`,
      )
      .all() as Array<{ rid: string; article_id: string; created_at: string; author: string; reason: string; hash: string; fields: string; body_hash: string; data: Buffer; word_count: number }>;
    const copyOf = async (sql: string, lines: string[]) => {
      const stream = peer.query(copyStreams.from(sql));
      await pipeline(
        (async function* () {
          for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join('');
        })(),
        new Transform({ transform: (chunk, _e, done) => done(null, chunk) }),
        stream,
      );
    };
    // The peer gets the rows ready-made (bodies already decompressed): only the COPY is timed.
    const bodyLines = rows.map((r) => `${csv(r.body_hash)},${csv(`\\x${Buffer.from(decompressText(r.data)).toString('hex')}`)}\n`);
    const articleLines = rows.map((r) => `${csv(r.article_id)},bench,"{}"\n`);
    const revisionLines = rows.map((r) => [r.rid, r.article_id, '{}', r.created_at, r.author, r.reason, r.hash, r.fields, r.body_hash, r.word_count, 'bench', 'draft'].map(csv).join(',') + '\n');
    t = process.hrtime.bigint();
    await peer.query('BEGIN');
    await copyOf('COPY copydesk.bodies (hash, data) FROM STDIN (FORMAT csv)', bodyLines);
    await copyOf('COPY copydesk.articles (id, desk, source) FROM STDIN (FORMAT csv)', articleLines);
    await copyOf('COPY copydesk.revisions (rid, article_id, parents, made_at, author, reason, hash, fields, body_hash, word_count, desk, status) FROM STDIN (FORMAT csv)', revisionLines);
    await peer.query('COMMIT');
    const copyMs = ms(t);
    await peer.end();
    log(`bare COPY: ${(copyMs / 1000).toFixed(1)} s`);
    metrics.push(metric({ name: `first push, ${N} articles`, value: N / (pushMs / 1000), unit: 'rev/s', peer: 'bare COPY rev/s', peerValue: N / (copyMs / 1000), goal: '≥ 0.5× COPY', pass: copyMs / pushMs >= 0.5 }));

    // 2. First pull into an empty replica vs the bare SQLite insert loop of the same rows.
    const fresh = Archive.open(join(tmp.dir, 'fresh.sqlite'));
    addRemote(fresh, { name: 'desk', url: pg.url('reader'), desk: 'bench' });
    t = process.hrtime.bigint();
    const pulled = await sync(fresh, 'desk', { password: 'reader-password', only: 'pull', batchSize: 2000, ...(PULL_WORKER ? { pullWorker: sourcePullWorker() } : {}) });
    const pullMs = ms(t);
    fresh.close();
    log(`first pull (${PULL_WORKER ? 'prepare worker' : 'one thread'}): ${pulled.pulled} revisions in ${(pullMs / 1000).toFixed(1)} s`);
    const data = readRows(join(tmp.dir, 'fresh.sqlite'), -1);
    const bare = bareInsert(join(tmp.dir, 'bare.sqlite'), data, { batchedIndex: true });
    log(`bare insert loop: ${(bare.ms / 1000).toFixed(1)} s`);
    metrics.push(metric({ name: `first pull, ${N} articles`, value: N / (pullMs / 1000), unit: 'rev/s', peer: 'bare SQLite insert loop rev/s', peerValue: N / (bare.ms / 1000), goal: '≥ 0.5× bare loop', pass: bare.ms / pullMs >= 0.5 }));

    source.close();
    if (LIVE) await liveFigures(pg, tmp.dir, metrics);
  } finally {
    pg.stop();
    tmp.cleanup();
  }
  log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  printMetrics(metrics, argv.includes('--json'));
}

/** Figures 3 and 4: replicas online together (after the pull, so the server holds the archive). */
async function liveFigures(pg: TestPostgres, dir: string, metrics: Metric[]): Promise<void> {
  {
    // 3. Edit-to-visible: A saves and syncs; B hears it (LISTEN/NOTIFY) and pulls.
    const a = Archive.open(join(dir, 'a.sqlite'));
    addRemote(a, { name: 'desk', url: pg.url('writer'), desk: 'bench' });
    const b = Archive.open(join(dir, 'b.sqlite'));
    addRemote(b, { name: 'desk', url: pg.url('reader'), desk: 'bench' });
    const story = a.createArticle({ headline: 'Latency probe' });
    await sync(a, 'desk', { password: 'writer-password', only: 'push' });
    // B starts caught up to just before the probe (it pulled the archive in step 2): only the probe's revisions are new.
    const before = await connectServer(pg.superUrl);
    const probeSeq = Number((await before.query<{ m: string }>('SELECT min(seq) AS m FROM copydesk.revisions WHERE article_id = $1', [story.id])).rows[0]?.m ?? 1);
    await before.end();
    b.db.prepare('UPDATE remotes SET pull_cursor = ?').run(probeSeq - 1);
    const watcher = new SyncWatcher(b, 'desk', { password: 'reader-password', pollMs: 60_000, onRound: () => undefined });
    const probeDek = (value: string) => {
      try {
        return b.getArticle(story.id).dek === value;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && !probeDek(''); i += 1) await new Promise((r) => setTimeout(r, 50));
    const editor = new EditorService(a);
    const samples: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const dek = `probe ${i}`;
      const start = process.hrtime.bigint();
      editor.save({ id: story.id, baseVersion: a.getArticle(story.id).version, fields: { dek } });
      await sync(a, 'desk', { password: 'writer-password', only: 'push' });
      while (!probeDek(dek) && ms(start) < 10_000) await new Promise((r) => setTimeout(r, 5));
      samples.push(ms(start));
    }
    await watcher.stop();
    const p95 = percentile(samples, 95);
    metrics.push(metric({ name: 'edit → visible on another replica, p95', value: p95, unit: 'ms', peer: 'goal ms', peerValue: 2000, goal: '≤ 2000 ms', pass: p95 <= 2000 }));

    // 4. Server CPU with REPLICAS simulated replicas (each an archive, a LISTEN connection, a 1 s poll).
    const replicas = Array.from({ length: REPLICAS }, (_, i) => {
      const archive = Archive.open(join(dir, `sim${i}.sqlite`));
      addRemote(archive, { name: 'desk', url: pg.url('reader'), desk: 'bench', subscribe: ['bench'] });
      return archive;
    });
    // They start caught up (as replicas that pulled the archive before): the cursor at the newest arrival.
    const su = await connectServer(pg.superUrl);
    const top = Number((await su.query<{ m: string }>('SELECT max(seq) AS m FROM copydesk.revisions')).rows[0]?.m ?? 0);
    await su.end();
    for (const r of replicas) r.db.prepare('UPDATE remotes SET pull_cursor = ?').run(top);
    const watchers = replicas.map((r) => new SyncWatcher(r, 'desk', { password: 'reader-password', pollMs: 1000, onRound: () => undefined }));
    await new Promise((r) => setTimeout(r, 3000));
    let cpu = serverCpuMs(join(pg.dir, 'data'));
    const idleSeconds = 15;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idleCpu = serverCpuMs(join(pg.dir, 'data')) - cpu;
    const perReplicaPerMin = (idleCpu / REPLICAS / idleSeconds) * 60;
    metrics.push(metric({ name: `server CPU per idle replica (1 s poll, ${REPLICAS} replicas)`, value: perReplicaPerMin, unit: 'ms/min', peer: 'one core ms/min', peerValue: 60_000, goal: 'report', pass: true }));
    const M = 200;
    cpu = serverCpuMs(join(pg.dir, 'data'));
    const t = process.hrtime.bigint();
    for (let i = 0; i < M / 10; i += 1) {
      for (let k = 0; k < 10; k += 1) editor.save({ id: story.id, baseVersion: a.getArticle(story.id).version, fields: { dek: `load ${i}-${k}` } });
      await sync(a, 'desk', { password: 'writer-password', only: 'push' });
    }
    const target = `load ${M / 10 - 1}-9`;
    const seenAll = () => replicas.every((r) => {
      try {
        return r.getArticle(story.id).dek === target;
      } catch {
        return false;
      }
    });
    while (!seenAll() && ms(t) < 120_000) await new Promise((r) => setTimeout(r, 50));
    const loadSeconds = ms(t) / 1000;
    const loadCpu = serverCpuMs(join(pg.dir, 'data')) - cpu - (idleCpu / idleSeconds) * loadSeconds;
    metrics.push(metric({ name: `server CPU per revision synced to ${REPLICAS} replicas`, value: loadCpu / M, unit: 'ms/rev', peer: 'per replica-pull ms', peerValue: loadCpu / M / REPLICAS, goal: 'report', pass: true }));
    await Promise.all(watchers.map((w) => w.stop()));
    for (const r of replicas) r.close();
    a.close();
    b.close();
  }
}

await main();
