// The importer: walk the chosen files and folders, process each file inside a
// savepoint of a batched transaction (many files per commit, each file all or
// nothing), and record every outcome in the job as it happens, so a killed
// run leaves a consistent archive and re-running it finishes the job.
import { resolve } from 'node:path';
import type { Archive } from '../archive.ts';
import type { Db } from '../db/open.ts';
import { ArchiveError, fromSqliteError } from '../errors.ts';
import { resolveZone } from '../time/zone.ts';
import { encodingSupported } from './encoding.ts';
import { createJob, FileRecorder, findResumable, finishJob, jobCounts, type JobOptions, jobFiles, jobFilesPage, markInterrupted, reopenJob, settledPaths } from './jobs.ts';
import type { PreparedFile, PrepareOptions } from './prepareFile.ts';
import { applyPreparedFile, failedRow, type FileContext, type FileRow, type ProcessedFile } from './processFile.ts';
import { inlinePreparer, type Preparer, type PrepareWorkers, WorkerPreparer } from './workers/preparer.ts';
import { ImportLookups } from './store.ts';
import { DeferredIndex } from '../search/deferredIndex.ts';
import { GiveWay } from './giveWay.ts';
import type { ImportOptions, ImportProgress, ImportReport } from './types.ts';
import { type WalkEntry, walkPaths } from './walk.ts';

export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;
/**
 * A commit (an fsync of the WAL, synchronous=FULL) every this many files or
 * milliseconds, whichever comes first: a killed run redoes at most one batch.
 */
const BATCH_FILES = 1000;
const BATCH_MS = 250;
/** Within a batch, yield to the event loop this often so cancel and progress stay responsive. */
const YIELD_MS = 50;
/**
 * WAL pages before an automatic checkpoint during an import (SQLite's default
 * is 1,000). Fewer, larger checkpoints copy each hot page (FTS, indexes) once
 * instead of many times; the setting is restored afterwards.
 */
const IMPORT_AUTOCHECKPOINT = 8192;
const PROGRESS_MS = 100;
/** Files per message to a prepare worker: large enough to amortise the message, small enough to keep the writer fed. */
const CHUNK_FILES = 32;
/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;

export async function importPaths(archive: Archive, paths: string[], options: ImportOptions): Promise<ImportReport> {
  const jobOptions = resolveOptions(options);
  const zone = resolveZone(jobOptions.timezone);
  const db = archive.db;
  // The archive itself may sit inside the folder being imported: never read it (or its WAL) as input.
  const own = new Set(['', '-wal', '-shm', '-journal'].map((suffix) => resolve(`${archive.path}${suffix}`)));
  const entries = walkPaths(paths).filter((e) => !own.has(e.path));
  const roots = paths.map((p) => resolve(p));

  const jobId = db
    .transaction(() => {
      markInterrupted(db);
      const resumable = findResumable(db, roots, jobOptions);
      if (resumable === undefined) return createJob(db, roots, jobOptions, archive.now());
      reopenJob(db, resumable);
      return resumable;
    })
    .immediate();
  const settled = settledPaths(db, jobId);
  const recorder = new FileRecorder(db, jobId);
  const lookups = new ImportLookups(db);
  const index = new DeferredIndex(db);
  const ctx: FileContext = { archive, lookups, index, zone, onDuplicate: jobOptions.onDuplicate, now: archive.now() };
  const prepareOptions: PrepareOptions = {
    timezone: zone.name,
    encoding: jobOptions.encoding,
    maxSizeBytes: jobOptions.maxSizeBytes,
    keepOriginals: jobOptions.keepOriginals,
  };
  const sql = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT import_file'),
    release: db.prepare('RELEASE import_file'),
    rollbackTo: db.prepare('ROLLBACK TO import_file'),
  };

  const progress = new ProgressMeter(entries, options.onProgress);
  const todo: WalkEntry[] = [];
  for (const entry of entries) {
    if (settled.has(entry.path)) progress.skip(entry);
    else todo.push(entry);
  }
  const useWorkers = options.prepareWorkers !== undefined && options.prepareWorkers.count > 0 && todo.length >= MIN_FILES_FOR_WORKERS;
  const preparer: Preparer = options.preparer ?? (useWorkers ? new WorkerPreparer(options.prepareWorkers as PrepareWorkers) : inlinePreparer);
  // A given preparer counts as one worker: it may answer before it is asked again.
  const ahead = options.preparer ? 3 : useWorkers ? 2 * (options.prepareWorkers as PrepareWorkers).count + 1 : 1;
  const inFlight: Array<Arriving<PreparedFile[]>> = [];
  let over = false;
  let dispatched = 0;
  // Keep the preparers `ahead` chunks in front of the writer. The path's last
  // known bytes go with each file, so an unchanged file stops after hashing.
  const dispatch = () => {
    while (inFlight.length < ahead && dispatched < todo.length) {
      const requests = todo.slice(dispatched, dispatched + CHUNK_FILES).map((entry) => ({
        entry,
        knownSha256: lookups.knownSha256(entry.path),
      }));
      dispatched += requests.length;
      // A chunk a worker could not prepare is prepared here, unless the import is over (cancelled, failed) and nobody will take it.
      inFlight.push(new Arriving(preparer.prepare(requests, prepareOptions).catch(() => (over ? [] : inlinePreparer.prepare(requests, prepareOptions)))));
    }
  };

  const giveWay = options.readsInFlight ? new GiveWay(options.readsInFlight) : null;
  let cancelled = false;
  let inBatch = false;
  let batchStart = 0;
  let batchFiles = 0;
  let lastYield = Date.now();
  let at = 0;
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(autocheckpoint, IMPORT_AUTOCHECKPOINT)}`);
  try {
    while (at < todo.length && !cancelled) {
      dispatch();
      const next = inFlight.shift() as Arriving<PreparedFile[]>;
      let prepared: PreparedFile[];
      // A chunk that has already arrived is taken without awaiting, so nothing
      // else can run on the connection and the new articles may wait to be
      // indexed: one search-index segment per yield or commit, not per chunk.
      if (next.arrived) prepared = next.value as PreparedFile[];
      else {
        // Nothing else may run on this connection while new articles wait to be indexed.
        index.end();
        prepared = await next.promise;
        if (inBatch) index.begin();
      }
      for (const file of prepared) {
        const entry = todo[at++] as WalkEntry;
        if (options.signal?.aborted) {
          cancelled = true;
          break;
        }
        if (!inBatch) {
          sql.begin.run();
          index.begin();
          inBatch = true;
          batchStart = Date.now();
          batchFiles = 0;
          ctx.now = archive.now();
        }
        progress.current(entry.path);
        // A search typed now runs before this file (and its commit); nothing else runs on this connection meanwhile.
        giveWay?.between();
        const record = (out: ProcessedFile) => {
          for (const row of out.rows) recorder.record(row.result, out.sha256, ctx.now, row.containerPath);
          return out;
        };
        // The article and its outcome row share the savepoint: both or neither.
        const rows = runInSavepoint(sql, () => record(applyPreparedFile(entry, file, ctx)), (failed) => record(failed), entry.path);
        const done = Date.now();
        for (const row of rows.rows) options.onFile?.(row.result);
        progress.done(entry, done);
        batchFiles += 1;
        if (batchFiles >= BATCH_FILES || done - batchStart >= BATCH_MS) {
          index.end();
          sql.commit.run();
          inBatch = false;
        }
        if (!inBatch || done - lastYield >= YIELD_MS) {
          // Let timers, signals and the caller's UI run; this is where cancel lands.
          index.end();
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (inBatch) index.begin();
          lastYield = Date.now();
        }
      }
      if (options.signal?.aborted) cancelled = true;
    }
    if (inBatch) {
      index.end();
      sql.commit.run();
    }
    inBatch = false;
  } catch (error) {
    index.abandon();
    if (inBatch && db.inTransaction) sql.rollback.run();
    finishJob(db, jobId, 'interrupted', archive.now());
    throw fromSqliteError(error, archive.path) ?? error;
  } finally {
    over = true;
    if (giveWay) options.onGaveWay?.({ pauses: giveWay.pauses, pausedMs: Math.round(giveWay.pausedMs) });
    index.abandon();
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    await preparer.close();
  }
  finishJob(db, jobId, cancelled ? 'cancelled' : 'done', archive.now());
  progress.finish();
  return buildReport(db, jobId, cancelled, options.reportFiles);
}

/**
 * A promise whose value can be taken without awaiting once it has arrived
 * (it arrives while the importer yields: worker replies are events).
 */
class Arriving<T> {
  arrived = false;
  value: T | undefined;
  constructor(readonly promise: Promise<T>) {
    promise.then(
      (value) => {
        this.value = value;
        this.arrived = true;
      },
      () => undefined, // the importer's await of `promise` sees the failure
    );
  }
}

type Sql = Record<'savepoint' | 'release' | 'rollbackTo', { run(): unknown }>;

/** One file, all or nothing. Disk and lock errors stop the import; anything else fails only this file. */
function runInSavepoint(sql: Sql, work: () => ProcessedFile, onFailure: (f: ProcessedFile) => ProcessedFile, path: string): ProcessedFile {
  sql.savepoint.run();
  try {
    const out = work();
    sql.release.run();
    return out;
  } catch (error) {
    sql.rollbackTo.run();
    sql.release.run();
    if (isFatal(error)) throw error;
    const rows: FileRow[] = [failedRow(path, `internal error: ${(error as Error).message}`)];
    return onFailure({ rows, sha256: null, bytes: 0 });
  }
}

function isFatal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|BUSY|READONLY|CORRUPT|NOTADB|LOCKED)/.test(code);
}

function resolveOptions(options: ImportOptions): JobOptions {
  const zone = resolveZone(options.timezone);
  if (options.encoding && !encodingSupported(options.encoding))
    throw new ArchiveError('invalid-input', `Unknown encoding "${options.encoding}" (try utf-8, windows-1252, euc-kr, shift_jis, gb18030, big5).`);
  const max = options.maxSizeBytes ?? DEFAULT_MAX_SIZE;
  if (!Number.isFinite(max) || max <= 0) throw new ArchiveError('invalid-input', 'The size limit must be a positive number of bytes.');
  return {
    timezone: zone.name,
    encoding: options.encoding ?? null,
    onDuplicate: options.onDuplicate ?? 'skip',
    maxSizeBytes: max,
    keepOriginals: options.keepOriginals ?? true,
  };
}

/** Counts from the job's rows; `files` all of them, or only the first `firstFiles` (then `filesTotal` says how many in all). */
function buildReport(db: Db, jobId: number, cancelled: boolean, firstFiles: number | undefined): ImportReport {
  const n = jobCounts(db, jobId);
  const summary = { jobId, imported: n.imported, updated: n.updated, duplicates: n.duplicate, failed: n.failed, skipped: n.skipped, cancelled };
  if (firstFiles === undefined) return { ...summary, files: jobFiles(db, jobId) };
  const page = jobFilesPage(db, jobId, { offset: 0, limit: firstFiles });
  return { ...summary, files: page.rows, filesTotal: page.total };
}

class ProgressMeter {
  private readonly total: number;
  private readonly bytesTotal: number;
  private filesDone = 0;
  private bytesDone = 0;
  private processed = 0;
  private readonly started = Date.now();
  private lastEmit = 0;
  private currentFile: string | null = null;

  constructor(
    entries: ReadonlyArray<{ size: number }>,
    private readonly onProgress: ((p: ImportProgress) => void) | undefined,
  ) {
    this.total = entries.length;
    this.bytesTotal = entries.reduce((s, e) => s + e.size, 0);
  }

  current(path: string): void {
    this.currentFile = path;
  }

  skip(entry: { size: number }): void {
    this.filesDone += 1;
    this.bytesDone += entry.size;
  }

  done(entry: { size: number }, now: number): void {
    this.filesDone += 1;
    this.bytesDone += entry.size;
    this.processed += 1;
    if (this.onProgress && now - this.lastEmit >= PROGRESS_MS) {
      this.lastEmit = now;
      this.emit(now);
    }
  }

  finish(): void {
    this.currentFile = null;
    if (this.onProgress) this.emit(Date.now());
  }

  private emit(now: number): void {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.processed / seconds;
    const left = this.total - this.filesDone;
    this.onProgress?.({
      filesDone: this.filesDone,
      filesTotal: this.total,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      currentFile: this.currentFile,
      rate,
      etaSeconds: rate > 0 && this.processed >= 10 ? left / rate : null,
    });
  }
}
