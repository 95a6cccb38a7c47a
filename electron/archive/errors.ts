import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { CORE_ERROR_CODES } from '../../shared/result.ts';

// Errors the core raises on purpose carry a stable code; callers (CLI, IPC)
// branch on the code and show the message. Anything else is a bug.
export const ARCHIVE_ERROR_CODES = CORE_ERROR_CODES;
export type ArchiveErrorCode = (typeof ARCHIVE_ERROR_CODES)[number];

export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ArchiveErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveError';
    this.code = code;
    this.details = details;
  }
}

export function isArchiveError(error: unknown): error is ArchiveError {
  return error instanceof ArchiveError;
}

/** Map SQLite's own errors to the codes a user can act on. */
export function fromSqliteError(error: unknown, path: string): ArchiveError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL') return new ArchiveError('disk-full', `The disk holding ${path} is full; the change in progress was not written (everything committed before it is safe). Free some space and run the command again.`, undefined, { cause: error });
  if (code === 'SQLITE_NOTADB')
    return new ArchiveError('not-an-archive', `${path} is not a readable Copydesk archive (${code}).`, undefined, { cause: error });
  if (code.startsWith('SQLITE_CORRUPT'))
    return new ArchiveError('corrupt', corruptMessage(path, code), undefined, { cause: error });
  if (code.startsWith('SQLITE_READONLY')) return new ArchiveError('read-only', `${path} cannot be written (${code}).`, undefined, { cause: error });
  if (code.startsWith('SQLITE_CANTOPEN')) return cantOpen(path, error);
  if (code.startsWith('SQLITE_IOERR')) return new ArchiveError('io-error', `I/O error on ${path} (${code}).`, undefined, { cause: error });
  if (code === 'SQLITE_BUSY') return new ArchiveError('busy', `${path} is busy: another process holds a write lock.`, undefined, { cause: error });
  return undefined;
}

/** What a user can do about a damaged archive; the same advice wherever the damage is found. */
export function corruptMessage(path: string, what: string): string {
  return `${path} is damaged (${what}); it was not changed. Options: copydesk restore-backup FILE (copydesk backups lists them), copydesk salvage NEW-FILE (copies every readable article into a new archive), or copydesk --read-only to read what is left.`;
}

/** SQLite says only "unable to open": tell a missing folder from one that cannot be written. */
function cantOpen(path: string, error: unknown): ArchiveError {
  const folder = dirname(path);
  if (!existsSync(folder)) return new ArchiveError('io-error', `Cannot open ${path}: its folder ${folder} is missing.`, undefined, { cause: error });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return new ArchiveError('read-only', `Cannot write in ${folder} (read-only disk or share), so ${path} cannot be created or changed.`, undefined, { cause: error });
  }
  return new ArchiveError('io-error', `Cannot open ${path}: the file is missing or unreadable.`, undefined, { cause: error });
}
