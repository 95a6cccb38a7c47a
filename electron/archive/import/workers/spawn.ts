// How many prepare workers an import uses, and how to start them from source.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PrepareWorkers } from './preparer.ts';

/**
 * One thread writes SQLite; the others prepare. On 2 cores one preparer keeps
 * the writer busy; more cores get more, up to 3 (past that the writer is the
 * bottleneck and extra threads only cost memory).
 */
export function defaultPrepareCount(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1));
}

/** For processes that run the core from TypeScript source (CLI, tests, benchmarks, the e2e backend). */
export function sourcePrepareWorkers(count = defaultPrepareCount()): PrepareWorkers {
  const entry = new URL('./sourceBootstrap.mjs', import.meta.url);
  return { count, spawn: () => new Worker(entry) };
}
