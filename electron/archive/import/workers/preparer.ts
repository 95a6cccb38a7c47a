// Who runs the CPU half of an import (prepareFile): this thread, or a small
// pool of worker threads while this thread writes to SQLite. Results always
// come back in request order, so outcomes do not depend on thread timing.
import type { Worker } from 'node:worker_threads';
import { EXIT_GRACE_MS, type ExitControl, exitGracefully } from '../../workerExit.ts';
import { type PreparedFile, prepareFile, type PrepareOptions, type PrepareRequest } from '../prepareFile.ts';

export interface Preparer {
  prepare(requests: PrepareRequest[], options: PrepareOptions): Promise<PreparedFile[]>;
  close(): Promise<void>;
}

/** How the host (CLI, app, tests) starts a prepare worker: the entry's path differs between source and a build. */
export interface PrepareWorkers {
  count: number;
  spawn: () => Worker;
}

/** prepareFile that never throws: an unexpected error fails only its file, as it would inside the savepoint. */
export function prepareSafely(request: PrepareRequest, options: PrepareOptions): PreparedFile {
  try {
    return prepareFile(request, options);
  } catch (error) {
    return { kind: 'failed', reason: `internal error: ${(error as Error).message}`, sha256: null, decoded: null };
  }
}

export const inlinePreparer: Preparer = {
  prepare: (requests, options) => Promise.resolve(requests.map((r) => prepareSafely(r, options))),
  close: () => Promise.resolve(),
};

export interface PrepareMessage {
  id: number;
  requests: PrepareRequest[];
  options: PrepareOptions;
}

/** Besides chunks, a worker hears where to look for "stop" (first), and "exit" (last). */
export type PrepareControl = { control: 'init'; stop: Int32Array } | ExitControl;

export type PrepareReply = { id: number; prepared: PreparedFile[] } | { id: number; error: string };

/** The reply's error when close() stopped a chunk part way. */
export const STOPPED = 'the import stopped before this chunk was prepared';


interface Pending {
  resolve: (files: PreparedFile[]) => void;
  reject: (error: Error) => void;
}

/**
 * Round-robin over N workers. A worker that dies (out of memory on a hostile
 * file, say) rejects its pending batches; the importer then prepares those
 * files on its own thread, and later batches go to the workers still alive.
 */
export class WorkerPreparer implements Preparer {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { worker: Worker; calls: Pending }>();
  private nextId = 1;
  private turn = 0;
  /** Set by close(): every worker checks it before each file. */
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    spec: PrepareWorkers,
    /** How long a closing worker may take to finish its current file before it is terminated. */
    private readonly exitGraceMs = EXIT_GRACE_MS,
  ) {
    for (let i = 0; i < spec.count; i += 1) this.add(spec.spawn());
  }

  private add(worker: Worker): void {
    this.workers.push(worker);
    worker.postMessage({ control: 'init', stop: this.stop } satisfies PrepareControl);
    worker.on('message', (reply: PrepareReply) => {
      const entry = this.pending.get(reply.id);
      if (!entry) return;
      this.pending.delete(reply.id);
      if ('error' in reply) entry.calls.reject(new Error(reply.error));
      else entry.calls.resolve(reply.prepared);
    });
    const gone = (why: string) => {
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      for (const [id, entry] of this.pending)
        if (entry.worker === worker) {
          this.pending.delete(id);
          entry.calls.reject(new Error(why));
        }
    };
    worker.on('error', (error) => gone(`prepare worker failed: ${error.message}`));
    worker.on('exit', (code) => gone(`prepare worker exited (${code})`));
  }

  prepare(requests: PrepareRequest[], options: PrepareOptions): Promise<PreparedFile[]> {
    if (this.workers.length === 0) return inlinePreparer.prepare(requests, options);
    const worker = this.workers[this.turn++ % this.workers.length] as Worker;
    const id = this.nextId++;
    return new Promise<PreparedFile[]>((resolve, reject) => {
      this.pending.set(id, { worker, calls: { resolve, reject } });
      worker.postMessage({ id, requests, options } satisfies PrepareMessage);
    });
  }

  /** Stop the workers between files and let them exit on their own (see workerExit.ts). */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    Atomics.store(this.stop, 0, 1);
    await Promise.all(workers.map((w) => exitGracefully(w, this.exitGraceMs)));
  }
}
