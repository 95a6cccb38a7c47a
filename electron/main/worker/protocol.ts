// Messages between main and the archive worker threads.
import type { ImportFinishedValue, ImportProgressValue } from '../../../shared/contract/import.ts';
import type { Result } from '../../../shared/result.ts';

export interface WorkerSetup {
  role: 'read' | 'write';
  archivePath: string;
  /** The Electron-ABI better-sqlite3 binary; undefined under plain Node (tests, CLI). */
  nativeBinding?: string;
  /** The writer: main's count of the window's reads in flight (an import gives way to them). */
  readsInFlight?: SharedArrayBuffer;
}

export type ToWorker =
  | { type: 'call'; id: number; channel: string; input: unknown }
  | { type: 'op'; id: number; name: string; args: unknown }
  | { type: 'import'; id: number; paths: string[]; timezone?: string }
  | { type: 'cancel-import' };

export type FromWorker =
  | { type: 'ready'; error: { code: string; message: string } | null }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'import-progress'; progress: ImportProgressValue }
  | { type: 'op-progress'; id: number; progress: unknown }
  | { type: 'import-done'; id: number; result: ImportFinishedValue }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; details?: unknown };
