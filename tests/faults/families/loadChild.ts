// Family 10's app half (run as a child by load.ts, which samples this
// process's and its Chromium's memory from outside; DOM-typed, so
// tsconfig.e2e.json checks it). The real dispatcher, ImportController and
// archive workers (1 writer + 2 readers, from source, as
// tests/e2e/support/backend.ts starts them), and with `ui` the built renderer
// in Chromium. A scripted typist sends search-as-you-type queries through the
// dispatcher (the IPC gate, then a reader worker) one keystroke every 100 ms,
// first on an idle archive, then while the writer imports a folder; with `ui`
// a second typist types the same words into the search box while a
// PerformanceObserver('longtask') watches the page's main thread.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Page } from 'playwright-core';
import type { ImportFinishedValue, ImportProgressValue } from '../../../shared/contract/import.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import type { Result } from '../../../shared/result.ts';
import { type Backend, startBackend } from '../../e2e/support/backend.ts';
import { openSession, type Session } from '../../e2e/support/session.ts';
import type { Latencies, LoadChildConfig, LoadChildFigures, LongFrame } from '../lib/loadFigures.ts';
import { percentile } from '../lib/util.ts';

const KEY_MS = 100;
/** After a word, the typist reads the results for a moment before typing the next. */
const READ_MS = 500;
const SEARCH = methodChannel('archive', 'search');
const PAGE_SIZE = 100;
const CONTROL_MS = 15_000;

const config = JSON.parse(process.argv[2] ?? '{}') as LoadChildConfig;
const phase = (name: string) => process.stdout.write(`@@phase ${name}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `superseded`: replaced in the read queue by a newer keystroke's search before it ran (not an error, not a latency). */
type Sample = { query: string; ms: number; ok: boolean; superseded?: boolean };

function slowest(samples: Sample[]): string[] {
  return [...samples].sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `"${s.query}" ${Math.round(s.ms)} ms`);
}

function readerSummary(ms: number[]): { n: number; p50: number; p95: number; max: number } {
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(0, ...ms) };
}

function summarize(samples: Sample[]): Latencies {
  const answered = samples.filter((s) => !s.superseded);
  const ms = answered.map((s) => s.ms);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    n: ms.length,
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    max: round(Math.max(0, ...ms)),
    errors: answered.filter((s) => !s.ok).length,
    superseded: samples.length - answered.length,
  };
}

const wasSuperseded = (r: { ok: boolean; error?: { code: string } }) => !r.ok && r.error?.code === 'superseded';

/** Every prefix of every word, as the box holds it after each keystroke. */
function keystrokes(words: string[]): Array<{ query: string; last: boolean }> {
  return words.flatMap((word) => Array.from(word, (_, i) => ({ query: word.slice(0, i + 1), last: i === word.length - 1 })));
}

/**
 * Types the words on a fixed clock (a typist does not wait for answers), one
 * search per keystroke, until the words run out or `stop()` (checked before
 * each keystroke; with `loop` the words repeat until then).
 */
/** Most of the typist's searches waiting for an answer at once, in the current phase: a queue that grows means the readers cannot keep up. */
let maxInFlight = 0;

async function typeQueries(search: (query: string) => Promise<Result<unknown>>, words: string[], options: { loop: boolean; stop: () => boolean }): Promise<Sample[]> {
  const samples: Sample[] = [];
  const pending: Array<Promise<void>> = [];
  let inFlight = 0;
  const keys = keystrokes(words);
  let next = performance.now();
  for (let i = 0; options.loop || i < keys.length; i++) {
    if (options.stop()) break;
    const key = keys[i % keys.length] as (typeof keys)[number];
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pending.push(
      search(key.query).then((r) => {
        inFlight--;
        samples.push({ query: key.query, ms: performance.now() - t, ok: r.ok, superseded: wasSuperseded(r) });
      }),
    );
    next += key.last ? READ_MS : KEY_MS;
  }
  await Promise.all(pending);
  return samples;
}

/** The same words typed into the app's search box (Ctrl+A first, so a word replaces the last one). */
async function typeInBox(page: Page, words: string[], options: { loop: boolean; stop: () => boolean }): Promise<void> {
  const box = page.getByLabel('Search the archive');
  await box.click();
  for (let i = 0; options.loop || i < words.length; i++) {
    if (options.stop()) break;
    await box.press('Control+A');
    await page.keyboard.type(words[i % words.length] as string, { delay: KEY_MS });
    await sleep(READ_MS);
  }
}

// Long tasks for the bar; long animation frames (same 50 ms threshold) only to say which script a long task ran.
const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  window.__longFrames = [];
  window.__events = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  // The app's events (import progress, finished, archive changed) as they reach the page: when, and how long their listeners took.
  const emit = window.__copydeskEmit;
  window.__copydeskEmit = (channel, payload) => {
    const t = performance.now();
    emit(channel, payload);
    window.__events.push([channel.replace('copydesk:', ''), Math.round(t), Math.round(performance.now() - t)]);
    if (channel === 'copydesk:import!finished') window.__finished = payload;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).slice().sort((a, b) => b.duration - a.duration).slice(0, 2)
          .map((x) => (x.invoker || '?') + ' ' + (x.sourceFunctionName || '') + ' ' + Math.round(x.duration) + ' ms');
        const end = e.startTime + e.duration;
        const script = (e.scripts || []).reduce((t, x) => t + x.duration, 0);
        const layout = e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0;
        const render = e.renderStart ? (e.styleAndLayoutStart || end) - e.renderStart : 0;
        window.__longFrames.push({ ms: Math.round(e.duration), blockingMs: Math.round(e.blockingDuration || 0), atMs: Math.round(e.startTime),
          scriptMs: Math.round(script), renderMs: Math.round(render), layoutMs: Math.round(layout), scripts });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch (e) {}
})()`;

async function main(): Promise<LoadChildFigures> {
  const seconds: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    seconds[name] = Math.round((performance.now() - t) / 100) / 10;
    t = performance.now();
  };
  let session: Session | null = null;
  let backend: Backend;
  let origin = 'http://127.0.0.1:9';
  if (config.ui) {
    session = await openSession(config.archivePath);
    backend = session.backend;
    origin = session.server.origin;
  } else {
    backend = await startBackend({ archivePath: config.archivePath, origin });
  }
  const sender = { url: `${origin}/index.html`, isMainFrame: true, contentsId: 0 };
  const search = (query: string) => backend.dispatcher.dispatch(SEARCH, { query, limit: PAGE_SIZE, offset: 0 }, sender);

  // The page's own searches (debounced by the app) are timed at the same gate.
  const uiSamples: Array<Sample & { importing: boolean }> = [];
  let importing = false;
  const inner = backend.dispatcher;
  backend.dispatcher = {
    routes: inner.routes,
    async dispatch(channel, payload, from) {
      const started = performance.now();
      const result = await inner.dispatch(channel, payload, from);
      if (channel === SEARCH && from !== sender) uiSamples.push({ query: String((payload as { query?: unknown }).query), ms: performance.now() - started, ok: result.ok, superseded: wasSuperseded(result), importing });
      return result;
    },
  };

  let heapPeak: number | null = null;
  let heapTimer: NodeJS.Timeout | null = null;
  const page = session?.page;
  if (page && session) {
    await page.getByLabel('Search the archive').waitFor({ timeout: 120_000 });
    await page.evaluate(OBSERVE_LONG_TASKS);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    heapPeak = 0;
    heapTimer = setInterval(() => {
      cdp.send('Performance.getMetrics').then(
        (m) => {
          const used = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
          heapPeak = Math.max(heapPeak ?? 0, used / 1048576);
        },
        () => undefined,
      );
    }, 250);
  }
  lap('start (backend, Chromium, page)');

  // Warm-up: the same queries once, back to back, so the idle figure is not a cold cache's.
  for (const key of keystrokes(config.words)) await search(key.query);
  lap('warm-up');

  const runPhase = async (options: { loop: boolean; stop: () => boolean; settle?: (page: Page) => Promise<void> }) => {
    if (page) await page.evaluate('window.__longTasks = []; window.__longFrames = []; window.__events = []');
    const logged = backend.logged.length;
    maxInFlight = 0;
    // How late main's event loop ran (the dispatcher lives there): a blocked main would delay every answer.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const [samples] = await Promise.all([typeQueries(search, config.words, options), page ? typeInBox(page, config.words, options) : Promise.resolve()]);
    if (page && options.settle) await options.settle(page);
    const tasks = page ? ((await page.evaluate('window.__longTasks')) as Array<[number, number]>) : [];
    const frames = page ? ((await page.evaluate('window.__longFrames')) as LongFrame[]) : [];
    const events = page ? ((await page.evaluate('window.__events')) as Array<[string, number, number]>) : [];
    // What each long task was handling, where it was one of the app's events.
    const explained = [...tasks]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([at, ms]) => {
        const inside = events.filter(([, t]) => t >= at && t <= at + ms).map(([c, , d]) => `${c} ${d} ms`);
        return `${ms} ms${inside.length ? ` (events: ${[...new Set(inside)].slice(0, 3).join(', ')})` : ' (no app event)'}`;
      });
    // The writer says at the end of an import how often it paused for reads (import/giveWay.ts).
    const gaveWay = backend.logged.slice(logged).find((l) => l.message.includes('import gave way to reads'))?.message ?? null;
    // The reader worker logs every call over 40 ms: how long the search itself ran there, queueing excluded.
    const inReader = backend.logged.slice(logged).flatMap((l) => (l.message.includes(`slow: ${SEARCH} took`) ? [Number(/took (\d+) ms/.exec(l.message)?.[1] ?? 0)] : []));
    loop.disable();
    const mainLagMs = { p99: Math.round(loop.percentile(99) / 1e6), max: Math.round(loop.max / 1e6) };
    // The long task that took delivery of the import's finished event, and how long the app's listener ran in it.
    const finishedAt = events.find(([c]) => c === 'import!finished');
    const delivery = finishedAt ? tasks.find(([at, ms]) => finishedAt[1] >= at && finishedAt[1] <= at + ms) : undefined;
    const finishedTask = delivery && finishedAt ? { taskMs: delivery[1], listenerMs: finishedAt[2] } : null;
    return { samples, inReader, gaveWay, mainLagMs, maxInFlight, longTasks: tasks.map(([, ms]) => ms), finishedTask, explained, frames: frames.sort((x, y) => y.blockingMs - x.blockingMs).slice(0, 3) };
  };

  phase('idle');
  const before = await runPhase({ loop: false, stop: () => false });
  lap('idle typing');

  // The import, started through the gate as the window starts it; the pool's
  // runImport is wrapped to learn when it ends and how far it got.
  const workers = backend.workers;
  const runImport = workers.runImport.bind(workers);
  let finished: Promise<ImportFinishedValue> | null = null;
  let lastProgress: ImportProgressValue | null = null;
  let progressEvents = 0;
  let done = false;
  workers.runImport = (paths, timezone, onProgress) => {
    finished = runImport(paths, timezone, (p) => {
      lastProgress = p;
      progressEvents++;
      onProgress(p);
    });
    return finished;
  };
  phase('import');
  const importStart = performance.now();
  importing = true;
  // The fake open dialog "chooses" the folder; the real handler issues the grant the import takes.
  const grant = await backend.chooseForImport([config.importDir], sender);
  const started = await backend.dispatcher.dispatch(methodChannel('import', 'start'), { grant, timezone: 'UTC' }, sender);
  if (!started.ok || !finished) throw new Error(`import.start refused: ${JSON.stringify(started)}`);
  let importSeconds = 0;
  const ended = (finished as Promise<ImportFinishedValue>).then((r) => {
    importSeconds = (performance.now() - importStart) / 1000;
    done = true;
    return r;
  });
  // The page's share of the import's end (the finished event, the refresh it causes) belongs to this phase.
  const settle = async (p: Page) => {
    await p.waitForFunction(`window.__events.some((e) => e[0] === 'import!finished')`, undefined, { timeout: 300_000, polling: 100 });
    await sleep(1000);
  };
  const loaded = await runPhase({ loop: true, stop: () => done, settle });
  const result = await ended;
  importing = false;
  phase('done');
  lap('import typing');

  // The idle baseline's second half (A-B-A, see LoadChildFigures.idle).
  phase('after');
  const after = await runPhase({ loop: false, stop: () => false });
  lap('idle typing after');
  const idle = {
    samples: [...before.samples, ...after.samples],
    inReader: [...before.inReader, ...after.inReader],
    mainLagMs: { p99: Math.max(before.mainLagMs.p99, after.mainLagMs.p99), max: Math.max(before.mainLagMs.max, after.mainLagMs.max) },
    maxInFlight: Math.max(before.maxInFlight, after.maxInFlight),
    longTasks: [...before.longTasks, ...after.longTasks],
    explained: [...before.explained, ...after.explained],
    frames: [...before.frames, ...after.frames].sort((x, y) => y.blockingMs - x.blockingMs).slice(0, 3),
  };

  // The control (--full): the same typing while as many threads as the import
  // keeps busy burn CPU and touch no file. Close to the import's figure: CPU
  // contention dominates; far below it: SQLite (commits, WAL, merges) does.
  let control: typeof before | null = null;
  if (config.controlThreads > 0) {
    phase('control');
    const burners = Array.from({ length: config.controlThreads }, () => new Worker(`const end = Date.now() + ${CONTROL_MS + 5000}; while (Date.now() < end) {}`, { eval: true }));
    const until = performance.now() + CONTROL_MS;
    control = await runPhase({ loop: true, stop: () => performance.now() > until });
    await Promise.all(burners.map((w) => w.terminate()));
    lap('control typing');
  }
  if (heapTimer) clearInterval(heapTimer);
  // In Electron the finished event is one IPC message, cloned into the page on its main thread: what cloning it costs there.
  const cloneMs = page ? ((await page.evaluate('(() => { const t = performance.now(); structuredClone(window.__finished); return Math.round(performance.now() - t); })()')) as number) : null;

  const report = result.ok ? result.report : null;
  const uiOf = (importingPhase: boolean) => summarize(uiSamples.filter((s) => s.importing === importingPhase));
  const progress = lastProgress as ImportProgressValue | null;
  const figures: LoadChildFigures = {
    idle: summarize(idle.samples),
    idleBefore: summarize(before.samples),
    idleAfter: summarize(after.samples),
    importing: summarize(loaded.samples),
    control: control ? { threads: config.controlThreads, search: summarize(control.samples) } : null,
    importGaveWay: loaded.gaveWay,
    readerOver40ms: { idle: readerSummary(idle.inReader), importing: readerSummary(loaded.inReader) },
    mainLagMs: { idle: idle.mainLagMs, importing: loaded.mainLagMs },
    maxInFlight: { idle: idle.maxInFlight, importing: loaded.maxInFlight },
    uiSearch: page ? { idle: uiOf(false), importing: uiOf(true) } : null,
    longTasks: page ? { idle: idle.longTasks, importing: loaded.longTasks } : null,
    longFrames: page ? { idle: idle.frames, importing: loaded.frames } : null,
    longTaskEvents: page ? { idle: idle.explained, importing: loaded.explained } : null,
    finishedTask: loaded.finishedTask,
    slowest: { idle: slowest(idle.samples), importing: slowest(loaded.samples) },
    rendererHeapPeakMb: heapPeak === null ? null : Math.round(heapPeak),
    import: {
      ok: result.ok,
      ...(result.ok ? {} : { error: `${result.error.code}: ${result.error.message}` }),
      seconds: Math.round(importSeconds * 10) / 10,
      imported: report?.imported ?? 0,
      duplicates: report?.duplicates ?? 0,
      failed: report?.failed ?? 0,
      skipped: report?.skipped ?? 0,
      filesTotal: progress?.filesTotal ?? 0,
      progressEvents,
      finishedEventMb: Math.round(JSON.stringify(result).length / 1e5) / 10,
      finishedCloneMs: cloneMs,
    },
    seconds,
  };
  await (session ? session.close() : backend.close());
  return figures;
}

main().then(
  (figures) => {
    process.stdout.write(`@@figures ${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stdout.write(`@@figures ${JSON.stringify({ crashed: String((error as Error)?.stack ?? error).slice(0, 2000) })}\n`);
    process.exit(1);
  },
);
