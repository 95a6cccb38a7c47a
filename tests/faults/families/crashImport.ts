// Family 1 — crash during import. Each trial starts a fresh archive, SIGKILLs
// `copydesk import` at random moments (1–3 times), runs `copydesk check`
// after every kill, then resumes the import to the end. Every trial must end
// with check ok and exactly one article per distinct source.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeArticles } from '../lib/corpus.ts';
import { spawnCli } from '../lib/cli.ts';
import { type FamilyOptions, type FamilyResult, rng, scratch } from '../lib/util.ts';
import { compareHeadlines } from '../lib/verify.ts';

/** The CLI's start-up (Node, tsx, opening the archive) before an import is under way. */
const STARTUP_MS = 1000;

function doneFraction(db: string, headlines: Set<string>): number {
  try {
    return compareHeadlines(db, headlines).articles / headlines.size;
  } catch {
    return 0; // unreadable after a kill: the check that follows reports it
  }
}

export async function crashDuringImport(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const files = opts.full ? 10_000 : 1_500;
  const trials = opts.full ? 50 : 6;
  const r = rng(opts.seed + 1);
  const work = scratch('crash');
  const failures: string[] = [];
  let kills = 0;
  let trialsKilledMidImport = 0;
  let killedMidImport = 0;
  let finishedFirst = 0;
  let checksAfterKill = 0;
  let passedTrials = 0;
  let lostTotal = 0;
  let duplicatedTotal = 0;
  try {
    const corpus = writeArticles(join(work.dir, 'src'), files, opts.seed);
    // Calibrate: how long one uninterrupted import of the whole folder takes here.
    const calibration = join(work.dir, 'calibration.sqlite');
    const full = await spawnCli(['import', `--db=${calibration}`, corpus.dir], { timeoutMs: 600_000 });
    if (full.code !== 0) failures.push(`calibration import exited ${full.code}: ${full.stderr.slice(0, 300)}`);
    let duration = full.ms;
    opts.log(`  calibration: ${files} files in ${(duration / 1000).toFixed(1)} s; ${corpus.headlines.size} distinct`);
    for (let t = 0; t < trials; t += 1) {
      const killsThisTrial = r.int(1, 3);
      let trialOk = true;
      let trialHadMidKill = false;
      let db = '';
      // A trial counts only with a kill mid-import: when the machine got faster than at the
      // calibration and every kill came too late, the estimate shrinks and the trial starts over.
      for (let attempt = 0; attempt < 3 && !trialHadMidKill; attempt += 1) {
        db = join(work.dir, `trial-${t}${attempt ? `-retry${attempt}` : ''}.sqlite`);
        for (let k = 0; k < killsThisTrial; k += 1) {
          // A point inside what is left of the import: past start-up (the CLI loading), and for a
          // second or third kill within the part the earlier runs did not finish, so kills land mid-import.
          const done = existsSync(db) ? doneFraction(db, corpus.headlines) : 0;
          const at = STARTUP_MS + Math.floor(r.next() * Math.max(0, duration - STARTUP_MS) * 0.8 * (1 - done));
          const run = await spawnCli(['import', `--db=${db}`, corpus.dir], { killAfterMs: at, timeoutMs: 600_000 });
          if (run.signal === 'SIGKILL') {
            kills += 1;
            if (run.ms > 900) {
              killedMidImport += 1;
              if (!trialHadMidKill) trialsKilledMidImport += 1;
              trialHadMidKill = true;
            }
          } else if (run.code === 0) {
            finishedFirst += 1;
            if (done === 0) duration = Math.min(duration, run.ms);
          } else {
            trialOk = false;
            failures.push(`trial ${t}: import exited ${run.code} without being killed: ${run.stderr.slice(0, 300)}`);
          }
          // Killed before the file was created: nothing was written, nothing to check.
          if (!existsSync(db)) continue;
          const check = await spawnCli(['check', '--json', `--db=${db}`], { timeoutMs: 120_000 });
          checksAfterKill += 1;
          if (check.code !== 0) {
            trialOk = false;
            failures.push(`trial ${t}: check after a kill at ${at} ms failed: ${check.stdout.slice(0, 300)} ${check.stderr.slice(0, 300)}`);
          }
        }
      }
      const resume = await spawnCli(['import', '--json', `--db=${db}`, corpus.dir], { timeoutMs: 600_000 });
      if (resume.code !== 0) {
        trialOk = false;
        failures.push(`trial ${t}: the resumed import exited ${resume.code}: ${resume.stderr.slice(0, 300)}`);
      }
      const check = await spawnCli(['check', '--json', `--db=${db}`], { timeoutMs: 120_000 });
      if (check.code !== 0) {
        trialOk = false;
        failures.push(`trial ${t}: final check failed: ${check.stdout.slice(0, 300)}`);
      }
      const set = compareHeadlines(db, corpus.headlines);
      lostTotal += set.lost;
      duplicatedTotal += set.duplicated;
      if (set.lost > 0 || set.duplicated > 0 || set.unexpected > 0) {
        trialOk = false;
        failures.push(`trial ${t}: ${set.lost} lost, ${set.duplicated} duplicated, ${set.unexpected} unexpected of ${corpus.headlines.size}`);
      }
      if (trialOk) passedTrials += 1;
      opts.log(`  trial ${t + 1}/${trials}: ${killsThisTrial} kill(s), ${set.articles} articles, ${trialOk ? 'ok' : 'FAILED'}`);
    }
    // Kill points are drawn from a calibrated duration; a run faster than the calibration can finish first.
    if (trialsKilledMidImport < 0.9 * trials) failures.push(`only ${trialsKilledMidImport} of ${trials} trials were killed mid-import`);
    return {
      family: 1,
      name: 'crash during import',
      pass: failures.length === 0,
      figures: {
        files,
        distinct: corpus.headlines.size,
        trials,
        'trials passed': passedTrials,
        'SIGKILLs': kills,
        'kills after startup (>0.9 s)': killedMidImport,
        'trials with a kill mid-import (bar ≥ 90 %)': `${trialsKilledMidImport}/${trials}`,
        'checks after a kill': checksAfterKill,
        'runs that finished before their kill': finishedFirst,
        lost: lostTotal,
        duplicated: duplicatedTotal,
        'uninterrupted import (s)': Number((duration / 1000).toFixed(1)),
      },
      failures,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    work.cleanup();
  }
}
