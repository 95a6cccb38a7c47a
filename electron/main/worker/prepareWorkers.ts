// The import's prepare threads and the pull's prepare thread, started from the
// writer worker. In the built app each entry is bundled beside this worker
// (electron.vite.config.ts: importPrepareWorker, syncPrepareWorker); when the
// shell runs from source (the Chromium tests' backend) they are started
// through tsx like the CLI does.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PrepareWorkers } from '../../archive/import/workers/preparer.ts';
import { defaultPrepareCount, sourcePrepareWorkers } from '../../archive/import/workers/spawn.ts';
import { sourcePullWorker, type PullWorkerSpec } from '../../archive/sync/pullWorker/preparer.ts';

export function appPrepareWorkers(moduleUrl: string): PrepareWorkers {
  if (moduleUrl.endsWith('.ts')) return sourcePrepareWorkers();
  const entry = join(fileURLToPath(new URL('.', moduleUrl)), 'importPrepareWorker.js');
  return { count: defaultPrepareCount(), spawn: () => new Worker(entry) };
}

export function appPullWorker(moduleUrl: string): PullWorkerSpec {
  if (moduleUrl.endsWith('.ts')) return sourcePullWorker();
  const entry = join(fileURLToPath(new URL('.', moduleUrl)), 'syncPrepareWorker.js');
  return { spawn: () => new Worker(entry) };
}
