// Main's handle on the archive workers: one writer (created first, so it
// creates and migrates the file) and a small read pool. Main never runs a
// query itself, so the event loop serving the window is never blocked.
import type { Worker } from 'node:worker_threads';
import type { ImportFinishedValue, ImportProgressValue } from '../../../shared/contract/import.ts';
import { err, type Result } from '../../../shared/result.ts';
import type { Logger, WorkerAccess, Where } from '../ipc/types.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

export type SpawnWorker = (setup: WorkerSetup) => Worker;

export interface PoolOptions {
  archivePath: string;
  nativeBinding?: string;
  readers: number;
  spawn: SpawnWorker;
  log: Logger;
}

interface Slot {
  role: Where;
  worker: Worker;
  busy: number;
  pending: Map<number, (result: Result<unknown>) => void>;
  /** Readers: messages waiting in main until the reader is free (see `send`). */
  queue: Array<{ id: number; message: ToWorker; supersedable: boolean }>;
  /** Readers: a message is being answered. */
  working: boolean;
  /** Readers: the message being answered is one of the user's calls, counted in readsInFlight. */
  counted: boolean;
}

const SEARCH_CHANNEL = methodChannel('archive', 'search');

/**
 * A first-page search replaces searches still waiting in the queue: while
 * someone types, only the newest query matters (the window drops older
 * answers anyway), and on a large archive a queue of stale searches would
 * otherwise grow faster than the readers can empty it. Page requests
 * (offset > 0) replace nothing and are never replaced.
 */
function isFirstPageSearch(message: ToWorker): boolean {
  if (message.type !== 'call' || message.channel !== SEARCH_CHANNEL) return false;
  const offset = (message.input as { offset?: unknown } | null)?.offset;
  return offset === undefined || offset === 0;
}

export class WorkerStartError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class ArchiveWorkers implements WorkerAccess {
  private writer!: Slot;
  private readers: Slot[] = [];
  private nextId = 1;
  private closing = false;
  /** Progress listeners of running ops, by message id (removed with the reply). */
  private readonly opProgress = new Map<number, (progress: unknown) => void>();
  private importWaiter: { id: number; resolve: (r: ImportFinishedValue) => void; onProgress: (p: ImportProgressValue) => void } | null = null;
  /**
   * The window's calls being answered by a reader right now, shared with the
   * writer: an import gives way while it is above 0 (archive/import/giveWay.ts).
   * Background ops on a reader (batch exports) are not counted: an import
   * should not crawl behind them.
   */
  private readonly readsInFlight = new Int32Array(new SharedArrayBuffer(4));

  private constructor(private readonly options: PoolOptions) {}

  static async start(options: PoolOptions): Promise<ArchiveWorkers> {
    const pool = new ArchiveWorkers(options);
    pool.writer = await pool.spawn('write');
    pool.readers = await Promise.all(Array.from({ length: Math.max(1, options.readers) }, () => pool.spawn('read')));
    return pool;
  }

  call(where: Where, channel: string, input: unknown): Promise<Result<unknown>> {
    return this.send(where, (id) => ({ type: 'call', id, channel, input }));
  }

  op(where: Where, name: string, args: unknown, onProgress?: (progress: unknown) => void): Promise<Result<unknown>> {
    return this.send(where, (id) => {
      if (onProgress) this.opProgress.set(id, onProgress);
      return { type: 'op', id, name, args };
    });
  }

  /** Runs an import in the writer; resolves with its report (or error) when it ends. */
  runImport(paths: string[], timezone: string | undefined, onProgress: (p: ImportProgressValue) => void): Promise<ImportFinishedValue> {
    if (this.importWaiter) return Promise.resolve({ ok: false, error: { code: 'busy', message: 'An import is already running.' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.importWaiter = { id, resolve, onProgress };
      this.post(this.writer, { type: 'import', id, paths, ...(timezone ? { timezone } : {}) });
    });
  }

  cancelImport(): boolean {
    if (!this.importWaiter) return false;
    this.post(this.writer, { type: 'cancel-import' });
    return true;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([this.writer, ...this.readers].map((slot) => slot.worker.terminate()));
  }

  /**
   * The writer gets every message at once (its order is the write order).
   * A reader gets one at a time; the rest wait here, where a newer search can
   * still replace them (a message posted to a worker cannot be taken back).
   */
  private send(where: Where, build: (id: number) => ToWorker): Promise<Result<unknown>> {
    if (this.closing) return Promise.resolve(err('unavailable', 'Copydesk is closing.'));
    const id = this.nextId++;
    const message = build(id);
    const replaces = where !== 'write' && isFirstPageSearch(message);
    if (replaces) this.dropQueuedSearches();
    const slot = where === 'write' ? this.writer : this.leastBusyReader();
    return new Promise((resolve) => {
      slot.busy++;
      slot.pending.set(id, (result) => {
        slot.busy--;
        resolve(result);
      });
      if (slot.role === 'write') this.post(slot, message);
      else {
        slot.queue.push({ id, message, supersedable: replaces });
        this.pump(slot);
      }
    });
  }

  private dropQueuedSearches(): void {
    for (const slot of this.readers) {
      const dropped = slot.queue.filter((q) => q.supersedable);
      if (dropped.length === 0) continue;
      slot.queue = slot.queue.filter((q) => !q.supersedable);
      for (const q of dropped) {
        const settle = slot.pending.get(q.id);
        slot.pending.delete(q.id);
        settle?.(err('superseded', 'A newer search replaced this one.'));
      }
    }
  }

  /** Post the next queued message to a free reader. */
  private pump(slot: Slot): void {
    if (slot.working) return;
    const next = slot.queue.shift();
    if (!next) return;
    slot.working = true;
    slot.counted = next.message.type === 'call';
    if (slot.counted) Atomics.add(this.readsInFlight, 0, 1);
    this.post(slot, next.message);
  }

  /** The reader's current message is done (answered, or the reader died). */
  private settleRead(slot: Slot): void {
    if (slot.counted) {
      Atomics.sub(this.readsInFlight, 0, 1);
      Atomics.notify(this.readsInFlight, 0);
    }
    slot.counted = false;
    slot.working = false;
  }

  private leastBusyReader(): Slot {
    // busy counts the message being answered and those queued for the reader.
    let best = this.readers[0] ?? this.writer;
    for (const slot of this.readers) if (slot.busy < best.busy) best = slot;
    return best;
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private spawn(role: Where): Promise<Slot> {
    const setup: WorkerSetup = {
      role,
      archivePath: this.options.archivePath,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      ...(role === 'write' ? { readsInFlight: this.readsInFlight.buffer as SharedArrayBuffer } : {}),
    };
    const worker = this.options.spawn(setup);
    const slot: Slot = { role, worker, busy: 0, pending: new Map(), queue: [], working: false, counted: false };
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          if (message.error) reject(new WorkerStartError(message.error.code, message.error.message));
          else resolve(slot);
          return;
        }
        this.receive(slot, message);
      });
      worker.on('error', (error) => {
        this.options.log.error(`archive ${role} worker crashed`, error);
        if (!ready) reject(error);
      });
      worker.on('exit', (code) => {
        if (!ready) reject(new WorkerStartError('internal', `The archive ${role} worker exited before it was ready (code ${code}).`));
        this.onExit(slot, code);
      });
    });
  }

  private receive(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'reply': {
        const settle = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        this.opProgress.delete(message.id);
        settle?.(message.result);
        if (slot.role === 'read') {
          this.settleRead(slot);
          this.pump(slot);
        }
        return;
      }
      case 'op-progress':
        this.opProgress.get(message.id)?.(message.progress);
        return;
      case 'import-progress':
        this.importWaiter?.onProgress(message.progress);
        return;
      case 'import-done':
        if (this.importWaiter?.id === message.id) {
          const waiter = this.importWaiter;
          this.importWaiter = null;
          waiter.resolve(message.result);
        }
        return;
      case 'log':
        this.options.log[message.level](`[${slot.role} worker] ${message.message}`, message.details);
        return;
      default:
        return;
    }
  }

  /** A dead worker fails its pending calls with a value and is replaced, so one crash does not take the app down. */
  private onExit(slot: Slot, code: number): void {
    for (const id of slot.pending.keys()) this.opProgress.delete(id);
    for (const settle of slot.pending.values()) settle(err('internal', 'The archive worker stopped unexpectedly; try again.'));
    slot.pending.clear();
    slot.queue = [];
    if (slot.role === 'read') this.settleRead(slot);
    if (slot.role === 'write' && this.importWaiter) {
      const waiter = this.importWaiter;
      this.importWaiter = null;
      waiter.resolve({ ok: false, error: { code: 'internal', message: 'The import stopped unexpectedly; run it again to finish.' } });
    }
    if (this.closing) return;
    this.options.log.warn(`archive ${slot.role} worker exited (code ${code}); restarting it`);
    void this.spawn(slot.role).then(
      (fresh) => {
        if (slot.role === 'write') this.writer = fresh;
        else this.readers = this.readers.map((r) => (r === slot ? fresh : r));
      },
      (error) => this.options.log.error(`could not restart the archive ${slot.role} worker`, error),
    );
  }
}
