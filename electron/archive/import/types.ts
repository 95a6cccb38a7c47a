// The importer's options; the report shapes live in shared/model/import.ts so
// the CLI, the IPC contract and the renderer use the very same types.
import type { ImportFileResult, ImportProgress } from '../../../shared/model/import.ts';
import type { Preparer, PrepareWorkers } from './workers/preparer.ts';

export type { ImportFileResult, ImportOutcome, ImportProgress, ImportReport } from '../../../shared/model/import.ts';

export interface ImportOptions {
  /** IANA zone or ±HH:MM offset for source times that name none; default: this machine's zone. */
  timezone?: string;
  /** Force one encoding instead of detecting. */
  encoding?: string;
  onDuplicate?: 'skip' | 'keep-both';
  maxSizeBytes?: number;
  /** Keep the original bytes compressed in the archive (default true). */
  keepOriginals?: boolean;
  /**
   * Prepare files (read, decode, parse, compress) in worker threads while this
   * thread writes; absent: all on this thread. Small imports stay on this thread.
   */
  prepareWorkers?: PrepareWorkers;
  /**
   * Who prepares the files, overriding prepareWorkers. For benchmarks: files
   * prepared beforehand and held in memory measure the writing half alone.
   */
  preparer?: Preparer;
  /**
   * How many of the user's reads are running, counted by another thread
   * (SharedArrayBuffer-backed, notified as each ends). Between files the
   * import sleeps while it is above 0, within bounds (see giveWay.ts). Only
   * for an importer off the UI thread: the app's writer worker passes it.
   */
  readsInFlight?: Int32Array;
  /** Told, when the import ends, how often and how long it gave way to reads. */
  onGaveWay?: (figures: { pauses: number; pausedMs: number }) => void;
  /**
   * Put only this many files in the report (the first, in order) plus `filesTotal`;
   * absent: every file. The app pages the rest from the archive (jobFilesPage).
   */
  reportFiles?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  onFile?: (result: ImportFileResult) => void;
}
