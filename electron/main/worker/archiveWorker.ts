// One archive worker thread. Each opens its own connection to the archive
// file (WAL: readers never wait for the writer) and serves calls from main.
// The writer also runs imports, reporting progress as messages.
import { parentPort, workerData } from 'node:worker_threads';
import { contract } from '../../../shared/contract/index.ts';
import { type ImportFinishedValue, type ImportProgressValue, REPORT_FIRST_PAGE } from '../../../shared/contract/import.ts';
import { err, ok, type Result, toErrorValue } from '../../../shared/result.ts';
import { Archive } from '../../archive/archive.ts';
import { importPaths } from '../../archive/import/importer.ts';
import { buildRoutes } from '../ipc/dispatch.ts';
import { handlers } from '../ipc/registry.ts';
import { workerOps } from './ops.ts';
import { nudgeSync } from './syncState.ts';
import { appPrepareWorkers } from './prepareWorkers.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

const SLOW_MS = 40;
const PROGRESS_INTERVAL_MS = 100;

const port = parentPort;
if (!port) throw new Error('archiveWorker must run in a worker thread');
const setup = workerData as WorkerSetup;
const send = (message: FromWorker) => port.postMessage(message);
const routes = buildRoutes(contract, handlers);

let archive: Archive;
try {
  archive = Archive.open(setup.archivePath, {
    ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
    // Readers never write: a bug in a read path cannot damage the archive.
    readonly: setup.role === 'read',
  });
  send({ type: 'ready', error: null });
} catch (error) {
  const value = toErrorValue(error);
  send({ type: 'ready', error: value.code === 'internal' ? { code: 'internal', message: String((error as Error).message) } : value });
  process.exit(1);
}

let importAbort: AbortController | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel-import') {
    importAbort?.abort();
    return;
  }
  if (message.type === 'import') {
    void runImport(message.id, message.paths, message.timezone);
    return;
  }
  void answer(message).then((result) => send({ type: 'reply', id: message.id, result }));
});

async function answer(message: Extract<ToWorker, { type: 'call' | 'op' }>): Promise<Result<unknown>> {
  const started = performance.now();
  const label = message.type === 'call' ? message.channel : `op:${message.name}`;
  try {
    if (message.type === 'call') {
      const route = routes.get(message.channel);
      if (!route || route.handler.where === 'main') return err('unknown-method', `No worker handler for ${message.channel}`);
      const value = await route.handler.run(archive, message.input);
      // A write may be something to push: the background sync (if running) goes soon rather than at its next poll.
      if (setup.role === 'write' && route.domain !== 'sync') nudgeSync();
      return ok(value);
    }
    const op = workerOps[message.name];
    if (!op) return err('unknown-method', `No worker operation ${message.name}`);
    const progress = (value: unknown) => send({ type: 'op-progress', id: message.id, progress: value });
    return ok(await op(archive, (message.args ?? {}) as Record<string, unknown>, progress));
  } catch (error) {
    return failure(label, error);
  } finally {
    const ms = performance.now() - started;
    if (ms > SLOW_MS) send({ type: 'log', level: 'info', message: `slow: ${label} took ${ms.toFixed(0)} ms` });
  }
}

async function runImport(id: number, paths: string[], timezone: string | undefined): Promise<void> {
  importAbort = new AbortController();
  let lastSent = 0;
  let pending: ImportProgressValue | null = null;
  const onProgress = (progress: ImportProgressValue) => {
    pending = progress;
    const now = performance.now();
    // Throttled: a 100k-file import must not flood the window with messages.
    if (now - lastSent >= PROGRESS_INTERVAL_MS) {
      lastSent = now;
      send({ type: 'import-progress', progress: { ...progress } });
      pending = null;
    }
  };
  let result: ImportFinishedValue;
  try {
    const report = await importPaths(archive, paths, {
      ...(timezone ? { timezone } : {}),
      prepareWorkers: appPrepareWorkers(import.meta.url),
      // Only the first rows travel to main and the window; reportRows pages through the rest.
      reportFiles: REPORT_FIRST_PAGE,
      signal: importAbort.signal,
      onProgress,
      ...(setup.readsInFlight ? { readsInFlight: new Int32Array(setup.readsInFlight), onGaveWay: logGaveWay } : {}),
    });
    if (pending) send({ type: 'import-progress', progress: pending });
    result = { ok: true, report: { ...report, filesTotal: report.filesTotal ?? report.files.length } };
  } catch (error) {
    const value = failure('import', error);
    result = { ok: false, error: value.ok ? { code: 'internal', message: 'unreachable' } : value.error };
  } finally {
    importAbort = null;
  }
  send({ type: 'import-done', id, result });
}

function logGaveWay({ pauses, pausedMs }: { pauses: number; pausedMs: number }): void {
  if (pauses > 0) send({ type: 'log', level: 'info', message: `import gave way to reads: ${pauses} pauses, ${pausedMs} ms` });
}

function failure(label: string, error: unknown): Result<never> {
  const value = toErrorValue(error);
  if (value.code === 'internal') send({ type: 'log', level: 'error', message: `${label} failed`, details: String((error as Error)?.stack ?? error) });
  return { ok: false, error: value };
}
