// Errors the core raises on purpose carry a stable code; callers (CLI, IPC)
// branch on the code and show the message. Anything else is a bug.
export const ARCHIVE_ERROR_CODES = [
  'not-found',
  'invalid-input',
  'conflict',
  'newer-version',
  'not-an-archive',
  'fts5-missing',
  'io-error',
  'disk-full',
  'read-only',
  'busy',
] as const;
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
  if (code === 'SQLITE_FULL') return new ArchiveError('disk-full', `The disk holding ${path} is full; nothing was written.`, undefined, { cause: error });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new ArchiveError('not-an-archive', `${path} is not a readable Copydesk archive (${code}).`, undefined, { cause: error });
  if (code.startsWith('SQLITE_READONLY')) return new ArchiveError('read-only', `${path} cannot be written (${code}).`, undefined, { cause: error });
  if (code.startsWith('SQLITE_CANTOPEN')) return new ArchiveError('io-error', `Cannot open ${path}: the folder is missing or unreadable.`, undefined, { cause: error });
  if (code.startsWith('SQLITE_IOERR')) return new ArchiveError('io-error', `I/O error on ${path} (${code}).`, undefined, { cause: error });
  if (code === 'SQLITE_BUSY') return new ArchiveError('busy', `${path} is busy: another process holds a write lock.`, undefined, { cause: error });
  return undefined;
}
