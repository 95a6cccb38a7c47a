// Family 11 — sync convergence. Ten replicas (CI; --full: 16) in separate
// processes make seeded random edits, imports of the same files and offline
// spells against one real PostgreSQL, syncing in small batches; the family
// kills replicas with SIGKILL mid-sync and restarts the server (immediate
// stop, like a crash) mid-sync, restarting each killed replica where it was.
// Then every replica syncs until nothing moves, and: every replica and the
// server hold the same revisions (rid and hash), the same heads, a conflict
// mark exactly where there are several heads; nothing lost, nothing twice;
// an identical file imported on several replicas is one article.
// The CI size (10 replicas × 5 rounds, 4 kills) is sized to run in well
// under a minute; the replica script is bundled once (lib/bundle.ts), as
// starting ~15 processes from TypeScript source was most of its CPU.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Archive } from '../../../electron/archive/archive.ts';
import { connectServer } from '../../../electron/archive/server/connect.ts';
import { addDesk, addUser } from '../../../electron/archive/server/people.ts';
import { initServer } from '../../../electron/archive/server/runner.ts';
import { heads } from '../../../electron/archive/sync/dag.ts';
import { sync } from '../../../electron/archive/sync/engine.ts';
import { addRemote } from '../../../electron/archive/sync/remotes.ts';
import { loadGraph } from '../../../electron/archive/sync/settle.ts';
import { snapshotHash } from '../../../electron/archive/revisions/repository.ts';
import { fieldsFromRow } from '../../../electron/archive/articles/mapper.ts';
import { startPostgres, type TestPostgres } from '../../../electron/archive/testing/postgres.ts';
import { bundleChild } from '../lib/bundle.ts';
import { REPO } from '../lib/cli.ts';
import { type FamilyOptions, type FamilyResult, rng, scratch } from '../lib/util.ts';

interface ReplicaRun {
  index: number;
  db: string;
  user: string;
  password: string;
  nextRound: number;
  kills: number;
  child: ChildProcess | null;
}

export async function syncConvergence(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const failures: string[] = [];
  const figures: Record<string, number | string> = {};
  const replicas = opts.full ? 16 : 10;
  const rounds = opts.full ? 40 : 5;
  const maxKills = opts.full ? 24 : 4;
  const work = scratch('sync');
  let pg: TestPostgres | undefined;
  let child: string | undefined;
  try {
    child = bundleChild(resolve(import.meta.dirname, 'syncReplicaChild.ts'));
    pg = await startPostgres();
    const admin = await connectServer(pg.superUrl);
    await initServer(admin);
    await addDesk(admin, 'metro');
    const runs: ReplicaRun[] = [];
    for (let i = 0; i < replicas; i += 1) {
      const user = `rep${i}`;
      const password = `pw-rep${i}-secret`;
      // One chief among the editors.
      await addUser(admin, { name: user, role: i === 1 ? 'chief' : 'editor', desks: ['metro'], password });
      const db = join(work.dir, `r${i}.sqlite`);
      const archive = Archive.open(db);
      addRemote(archive, { name: 'desk', url: pg.url(user), desk: 'metro' });
      archive.close();
      runs.push({ index: i, db, user, password, nextRound: 0, kills: 0, child: null });
    }
    await admin.end();

    const chaos = rng(opts.seed + 11);
    let kills = 0;
    let events = 0;
    let restarted = false;
    let restartedMidSync = false;
    const restartAt = opts.full ? 400 : 60;
    const server = pg;
    await new Promise<void>((finish) => {
      let running = 0;
      const launch = (run: ReplicaRun) => {
        running += 1;
        const proc = spawn(
          process.execPath,
          [child as string,
            JSON.stringify({ db: run.db, password: run.password, seed: opts.seed + run.index, from: run.nextRound, rounds, batch: 3, importDir: join(work.dir, `imp${run.index}`) })],
          { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        run.child = proc;
        let buffer = '';
        let stderr = '';
        proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        proc.stdout?.on('data', (d: Buffer) => {
          buffer += d.toString();
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            events += 1;
            if (line.startsWith('round ')) run.nextRound = Number(line.slice(6)) + 1;
            if ((line === 'batch' || line === 'sync') && kills < maxKills && chaos.next() < 0.08) {
              kills += 1;
              run.kills += 1;
              proc.kill('SIGKILL');
            }
            if (!restarted && events >= restartAt && line === 'batch') {
              restarted = true;
              restartedMidSync = true;
              server.restart('immediate');
            }
          }
        });
        proc.on('close', (code, signal) => {
          running -= 1;
          run.child = null;
          if (signal === 'SIGKILL' && run.nextRound < rounds) launch(run);
          else if (code !== 0) failures.push(`replica ${run.index} exited ${code}: ${stderr.slice(-400)}`);
          if (running === 0) finish();
        });
      };
      for (const run of runs) launch(run);
    });
    if (!restarted) {
      server.restart('immediate');
      restarted = true;
    }
    figures['replicas (processes)'] = replicas;
    figures['rounds each'] = rounds;
    figures['kill -9 mid-sync'] = kills;
    figures['server restarts mid-sync'] = restartedMidSync ? 1 : 0;
    if (!restartedMidSync) failures.push(`the server was not restarted mid-sync (fewer than ${restartAt} events)`);

    // Everyone online again: sync until a whole pass moves nothing.
    const archives = runs.map((r) => Archive.open(r.db));
    let passes = 0;
    for (; passes < 10; passes += 1) {
      let moved = 0;
      for (const [i, a] of archives.entries()) {
        const r = await sync(a, 'desk', { password: (runs[i] as ReplicaRun).password, batchSize: 50 });
        moved += r.pushed + r.pulled + r.merged;
      }
      if (moved === 0) break;
    }
    figures['passes to quiesce'] = passes + 1;
    if (passes === 10) failures.push('the replicas did not settle in 10 passes');

    const superClient = await connectServer(server.superUrl);
    const serverRevs = (await superClient.query<{ rid: string; hash: string }>('SELECT rid, hash FROM copydesk.revisions')).rows;
    const serverHeads = (await superClient.query<{ article_id: string; rid: string }>('SELECT article_id, rid FROM copydesk.heads')).rows;
    const imports = (await superClient.query<{ sha: string; n: string }>(
      "SELECT source::json->>'sha256' AS sha, count(*) AS n FROM copydesk.articles WHERE source::json->>'sha256' IS NOT NULL GROUP BY 1",
    )).rows;
    await superClient.end();
    const serverSet = new Set(serverRevs.map((r) => `${r.rid}:${r.hash}`));
    figures['revisions on the server'] = serverRevs.length;
    figures['articles'] = new Set(serverHeads.map((h) => h.article_id)).size;
    const headsByArticle = new Map<string, string[]>();
    for (const h of serverHeads) headsByArticle.set(h.article_id, [...(headsByArticle.get(h.article_id) ?? []), h.rid].sort());
    figures['articles in conflict'] = [...headsByArticle.values()].filter((h) => h.length > 1).length;
    figures['identical imports, articles per file'] = imports.map((i) => Number(i.n)).join(',') || 'none';
    for (const i of imports) if (Number(i.n) !== 1) failures.push(`file ${i.sha.slice(0, 12)} became ${i.n} articles`);

    let lost = 0;
    let extra = 0;
    for (const [i, a] of archives.entries()) {
      const local = a.db.prepare('SELECT rid, hash FROM revisions').all() as Array<{ rid: string; hash: string }>;
      const localSet = new Set(local.map((r) => `${r.rid}:${r.hash}`));
      const missing = [...serverSet].filter((x) => !localSet.has(x));
      const notOnServer = [...localSet].filter((x) => !serverSet.has(x));
      lost += notOnServer.length;
      extra += missing.length;
      if (missing.length > 0) failures.push(`replica ${i} lacks ${missing.length} revisions the server holds`);
      if (notOnServer.length > 0) failures.push(`replica ${i} holds ${notOnServer.length} revisions the server lacks (lost to the desk)`);
      const rows = a.db.prepare('SELECT seq, id, conflict FROM articles').all() as Array<{ seq: number; id: string; conflict: number }>;
      for (const row of rows) {
        const localHeads = heads(loadGraph(a, row.seq)).map((n) => n.rid).sort();
        const expected = headsByArticle.get(row.id) ?? [];
        if (localHeads.join() !== expected.join()) failures.push(`replica ${i}, article ${row.id}: heads ${localHeads.length} differ from the server's ${expected.length}`);
        if ((row.conflict === 1) !== localHeads.length > 1) failures.push(`replica ${i}, article ${row.id}: conflict mark ${row.conflict} with ${localHeads.length} heads`);
        const working = a.requireRow(row.id);
        const shownHash = a.db.prepare('SELECT hash FROM revisions WHERE rid = ?').pluck().get(working.head_rid) as string;
        if (snapshotHash({ fields: fieldsFromRow(working) }, working.body_hash) !== shownHash) failures.push(`replica ${i}, article ${row.id}: the working copy is not the head it shows`);
      }
      if (rows.length !== headsByArticle.size) failures.push(`replica ${i} holds ${rows.length} articles, the server ${headsByArticle.size}`);
    }
    figures['revisions lost'] = lost;
    figures['revisions missing on a replica'] = extra;
    figures['revisions duplicated'] = serverRevs.length - new Set(serverRevs.map((r) => r.rid)).size;
    for (const a of archives) a.close();
  } catch (error) {
    failures.push((error as Error).stack ?? String(error));
  } finally {
    pg?.stop();
    work.cleanup();
    if (child) rmSync(child, { force: true });
  }
  return { family: 11, name: 'sync convergence', pass: failures.length === 0, figures, failures, seconds: (Date.now() - started) / 1000 };
}
