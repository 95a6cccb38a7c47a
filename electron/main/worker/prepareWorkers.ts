// The import's prepare threads, started from the writer worker. In the built
// app the entry is bundled beside this worker (electron.vite.config.ts:
// importPrepareWorker); when the shell runs from source (the Chromium tests'
// backend) it is started through tsx like the CLI does.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PrepareWorkers } from '../../archive/import/workers/preparer.ts';
import { defaultPrepareCount, sourcePrepareWorkers } from '../../archive/import/workers/spawn.ts';

export function appPrepareWorkers(moduleUrl: string): PrepareWorkers {
  if (moduleUrl.endsWith('.ts')) return sourcePrepareWorkers();
  const entry = join(fileURLToPath(new URL('.', moduleUrl)), 'importPrepareWorker.js');
  return { count: defaultPrepareCount(), spawn: () => new Worker(entry) };
}
