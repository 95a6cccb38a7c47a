// Who does the CPU half of a pulled batch (prepare.ts): the writing thread,
// or one worker thread that prepares the next batch while this thread writes
// the current one to SQLite (engine.ts). Results never depend on which: the
// worker answers a whole fetched batch (`prepareParts`), and the writing
// thread assembles from those answers exactly what it would have computed
// for the revisions its plan applies (`preparePull(apply, bodies, parts)`).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { exitGracefully } from '../../workerExit.ts';
import type { PreparedParts } from '../prepare.ts';
import type { PulledRevision } from '../types.ts';

/** How the host (CLI, app, benchmark, tests) starts the worker: the entry's path differs between source and a build. */
export interface PullWorkerSpec {
  spawn: () => Worker;
  /** Batches with fewer revisions are prepared on the writing thread (default MIN_WORKER_BATCH). */
  minBatch?: number;
}

/**
 * Below this a batch is prepared in-thread: at ≈ 0.3 ms a revision, 100
 * revisions cost 30 ms, about what copying them to a thread and back and a
 * turn of its event loop cost when the machine is busy.
 */
export const MIN_WORKER_BATCH = 100;

/**
 * Whether a worker is worth starting on this machine. On 2 cores (measured,
 * BENCHMARKS.md, sync: 100k pulled in 74 s with the worker against 66 s
 * without, and 16 s against 14 s at 20k) the writer, the worker and the pg
 * client's parsing compete for the same cores and the writes slow by what the
 * worker saves; with 4 or more each has a core of its own.
 */
export function pullWorkerHelps(cores: number = availableParallelism()): boolean {
  return cores >= 4;
}

/** The `pullWorker` sync option where a worker helps on this machine, none where it does not. */
export function pullWorkerWhereItHelps(spec: () => PullWorkerSpec): { pullWorker?: PullWorkerSpec } {
  return pullWorkerHelps() ? { pullWorker: spec() } : {};
}

/** For processes that run the core from TypeScript source (CLI, tests, benchmarks, the e2e backend). */
export function sourcePullWorker(): PullWorkerSpec {
  const entry = new URL('./sourceBootstrap.mjs', import.meta.url);
  return { spawn: () => new Worker(entry) };
}

export interface PullPrepareMessage {
  id: number;
  revisions: PulledRevision[];
  bodies: Map<string, Uint8Array>;
}

export type PullPrepareReply = { id: number; parts: PreparedParts } | { id: number; error: string };

/**
 * One worker for one pull. It is started by the first full batch (more
 * follow), which is itself prepared here while the thread boots: a sync that
 * brings one partial batch — the app's background sync, nearly always —
 * never starts it. A worker that fails or exits answers null for its pending
 * batches, and every later batch is prepared here: slower, never different.
 */
export class PullPreparer {
  private worker: Worker | null = null;
  private gone = false;
  private readonly pending = new Map<number, (parts: PreparedParts | null) => void>();
  private nextId = 1;

  constructor(private readonly spec: PullWorkerSpec | undefined) {}

  /** Starts the batch's CPU work in the worker; null when it is to be done on this thread. */
  begin(revisions: PulledRevision[], bodies: ReadonlyMap<string, Uint8Array>, full: boolean): Promise<PreparedParts | null> | null {
    if (!this.spec || this.gone || revisions.length < (this.spec.minBatch ?? MIN_WORKER_BATCH)) return null;
    if (!this.worker) {
      if (full) this.start(this.spec);
      return null;
    }
    const worker = this.worker;
    const id = this.nextId++;
    // Each body copied to its own exact buffer and moved, not cloned: pg's
    // buffers may be views of a larger shared slab, which a clone would copy whole.
    const copies = new Map<string, Uint8Array>();
    for (const [hash, bytes] of bodies) copies.set(hash, new Uint8Array(bytes));
    return new Promise<PreparedParts | null>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, revisions, bodies: copies } satisfies PullPrepareMessage, [...copies.values()].map((b) => b.buffer as ArrayBuffer));
    });
  }

  private start(spec: PullWorkerSpec): void {
    let worker: Worker;
    try {
      worker = spec.spawn();
    } catch {
      this.gone = true;
      return;
    }
    this.worker = worker;
    worker.on('message', (reply: PullPrepareReply) => {
      const resolve = this.pending.get(reply.id);
      if (!resolve) return;
      this.pending.delete(reply.id);
      resolve('error' in reply ? null : reply.parts);
    });
    const fail = () => {
      this.gone = true;
      this.worker = null;
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.gone = true;
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
    if (worker) await exitGracefully(worker);
  }
}
