// Family 2 — crash while editing. Text is typed into the editor (the built
// renderer in Chromium against the real dispatcher and archive workers, the
// e2e session of tests/e2e/support, run by crashEditingChild.ts) and then:
//   - the renderer is killed (CDP Page.crash) at a random moment, or
//   - the whole main/core process (dispatcher + writer worker) is SIGKILLed
//     at a random moment, together with its Chromium.
// After each kill: `check()` ok, every revision row's snapshot and body
// resolve, the draft is still there, what the archive kept is a prefix of
// what was typed, at most ~2 s of typing is lost (--full; the CI size reports
// the figure and requires that the autosave ran: tests/faults/lib/timeBars.ts),
// and a fresh session shows exactly what the archive holds.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromiumProblem } from '../../e2e/support/browser.ts';
import { REPO } from '../lib/cli.ts';
import { type ChildConfig, type ChildTrial, measureTrial, seedTrialArticles, type TrialOutcome, typingText } from '../lib/editCrash.ts';
import { autosaveRan, LOSS_BAR_MS, lossBar } from '../lib/timeBars.ts';
import { type FamilyOptions, type FamilyResult, percentile, rng, scratch } from '../lib/util.ts';
const CHILD = resolve(import.meta.dirname, 'crashEditingChild.ts');

type Line = { ev: string; [k: string]: unknown };

export async function crashWhileEditing(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const perKind = opts.full ? 50 : 4;
  const bar = lossBar(opts.full);
  const noChromium = chromiumProblem();
  if (noChromium) return { family: 2, name: 'crash while editing', pass: true, skipped: noChromium, figures: {}, failures: [], seconds: 0 };
  const random = rng(opts.seed + 2);
  const work = scratch('edit-crash');
  const failures: string[] = [];
  const outcomes: Record<'renderer' | 'core', TrialOutcome[]> = { renderer: [], core: [] };
  let recoveredShown = 0;
  let recoveredChecked = 0;
  try {
    const archivePath = join(work.dir, 'archive.sqlite');
    const seeded = seedTrialArticles(archivePath, perKind * 2);
    // Half the trials type into a seeded article, half into a brand-new draft; kills land 0.3–4.5 s (CI: 3.5 s) into typing.
    const trialFor = (i: number): ChildTrial => {
      const article = seeded[i]!;
      const isNew = i % 2 === 1;
      return {
        target: isNew ? { kind: 'new', headline: `New draft ${i} ferry story` } : { kind: 'existing', id: article.id, headline: article.headline },
        text: typingText(random.next, 160, !isNew),
        killAfterMs: random.int(300, opts.full ? 4500 : 3500),
      };
    };

    // Core kills: a new child per trial (the next one warms up while the current
    // one types); each child first reopens the previous kill's draft.
    let verify: ChildConfig['verify'];
    let expected = '';
    const checkShown = (line: Line) => {
      if (line.ev !== 'verified') return;
      recoveredChecked++;
      if (line.text === expected) recoveredShown++;
      else failures.push(`core kill: a fresh session shows ${JSON.stringify(String(line.text).slice(-60))}, the archive holds ${JSON.stringify(expected.slice(-60))}`);
    };
    let next = startChild();
    for (let k = 0; k < perKind; k++) {
      const trial = trialFor(k);
      const child = next;
      let id = '';
      let base = '';
      let typingAt = 0;
      const times: number[] = [];
      let killedAt = 0;
      const run = await child.run({ mode: 'core', archivePath, lossBarMs: bar, trials: [trial], ...(verify ? { verify } : {}) }, (line) => {
        checkShown(line);
        if (line.ev === 'typing') {
          id = String(line.id);
          base = String(line.base);
          typingAt = Date.now();
          next = startChild();
          setTimeout(() => {
            killedAt = Date.now();
            child.kill();
          }, trial.killAfterMs);
        }
        if (line.ev === 'c' && !killedAt) times.push(line.t as number);
      });
      if (!killedAt || !id) {
        failures.push(`core trial ${k}: the child ended before the kill (exit ${run.code}): ${run.stderr.slice(-600)}`);
        if (next === child) next = startChild();
        continue;
      }
      while (times.length && (times.at(-1) as number) > killedAt) times.pop();
      const outcome = measureTrial(archivePath, { kind: 'core', target: trial.target.kind, id, base, text: trial.text, times, killedAt }, bar);
      outcomes.core.push(outcome);
      failures.push(...outcome.failures);
      opts.log(`  core kill ${k + 1}/${perKind}: ${killedAt - typingAt} ms into typing, kept ${outcome.kept}/${outcome.typed} chars, lost ${outcome.lostMs} ms`);
      verify = outcome.stored.headline ? { id, headline: outcome.stored.headline } : undefined;
      expected = outcome.stored.text;
    }

    // Renderer kills: one child runs them all (its backend survives each kill); it first reopens the last core kill's draft.
    const rendererConfig: ChildConfig = {
      mode: 'renderer',
      archivePath,
      lossBarMs: bar,
      trials: Array.from({ length: perKind }, (_, i) => trialFor(perKind + i)),
      ...(verify ? { verify } : {}),
    };
    const rendererRun = await next.run(rendererConfig, (line) => {
      checkShown(line);
      if (line.ev !== 'trial') return;
      const outcome = line.outcome as TrialOutcome;
      outcomes.renderer.push(outcome);
      failures.push(...outcome.failures);
      opts.log(`  renderer kill ${outcomes.renderer.length}/${perKind}: ${line.typingMs as number} ms into typing, kept ${outcome.kept}/${outcome.typed} chars, lost ${outcome.lostMs} ms`);
    });
    if (rendererRun.code !== 0) failures.push(`the renderer-kill child failed (exit ${rendererRun.code}): ${rendererRun.stderr.slice(-600)}`);

    const all = [...outcomes.renderer, ...outcomes.core];
    const lost = all.map((o) => o.lostMs);
    const figure = (list: TrialOutcome[]) =>
      `${list.length} kills, ${list.filter((o) => o.failures.length === 0).length} ok, kept ${list.reduce((s, o) => s + o.kept, 0)}/${list.reduce((s, o) => s + o.typed, 0)} chars, max lost ${Math.max(0, ...list.map((o) => o.lostMs))} ms`;
    const figures: FamilyResult['figures'] = {
      'renderer kills (Page.crash)': figure(outcomes.renderer),
      'main/core kills (SIGKILL)': figure(outcomes.core),
      'drafts recovered': `${all.filter((o) => !o.failures.some((f) => f.includes('is gone'))).length}/${all.length}`,
      'typing lost, p50 / p95 / max (ms)': `${percentile(lost, 50)} / ${percentile(lost, 95)} / ${Math.max(0, ...lost)}`,
      'bar (ms of typing lost)': bar ?? `none in the CI size (report only; --full: ${LOSS_BAR_MS}); kills over ${LOSS_BAR_MS} ms: ${lost.filter((ms) => ms > LOSS_BAR_MS).length}`,
      'checks after a kill ok': `${all.filter((o) => !o.failures.some((f) => f.startsWith('check'))).length}/${all.length}`,
      'broken revision rows found': all.filter((o) => o.failures.some((f) => /broken revision|does not load|without a body|no revision/.test(f))).length,
      'core kills reopened in a fresh session, same text': `${recoveredShown}/${recoveredChecked}`,
    };
    if (bar === null && all.length > 0 && !autosaveRan(all.map((o) => o.kept))) failures.push(`no kill found any typed text kept: the autosave never ran (${all.length} kills)`);
    if (outcomes.renderer.length !== perKind) failures.push(`${perKind - outcomes.renderer.length} renderer-kill trials did not report`);
    return { family: 2, name: 'crash while editing', pass: failures.length === 0, figures, failures, seconds: (Date.now() - started) / 1000 };
  } finally {
    work.cleanup();
  }
}

interface Child {
  /** Send the config once the child is warm; resolves when it exits. `onLine` gets its JSON lines. */
  run(config: ChildConfig, onLine: (line: Line) => void): Promise<{ code: number | null; stderr: string }>;
  /** SIGKILL the child and its Chromium (main and renderer die together, as in the app). */
  kill(): void;
}

/** Spawn a child now; it warms up (modules, server, Chromium) and waits for its config. */
function startChild(): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let chromium: number[] = [];
  let onLine: (line: Line) => void = () => undefined;
  let warm: () => void = () => undefined;
  const warmed = new Promise<void>((r) => (warm = r));
  proc.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const kill = () => {
    proc.kill('SIGKILL');
    killChromium(chromium);
  };
  createInterface({ input: proc.stdout }).on('line', (text) => {
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      return;
    }
    if (line.ev === 'warm') {
      chromium = line.chromium as number[];
      warm();
    } else onLine(line);
  });
  proc.stdin.on('error', () => undefined); // it may die before reading its config
  let timer: ReturnType<typeof setTimeout> | undefined;
  const closed = new Promise<{ code: number | null; stderr: string }>((done) => {
    proc.on('close', (code) => {
      clearTimeout(timer);
      killChromium(chromium);
      warm();
      done({ code, stderr });
    });
  });
  return {
    kill,
    async run(config, handler) {
      onLine = handler;
      // A hang is a failure, not a stuck suite: warm-up, then about 15 s per trial at most.
      timer = setTimeout(kill, 90_000 + config.trials.length * 15_000);
      await warmed;
      proc.stdin.end(`${JSON.stringify(config)}\n`);
      return closed;
    },
  };
}

function killChromium(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL'); // Playwright starts Chromium as a process-group leader
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
