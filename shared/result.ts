// Errors cross the IPC boundary as values, never as throws: the renderer
// branches on `code` (stable, listed here) and shows `message` to the user.
/** Raised by the archive core (electron/archive/errors.ts uses this list). */
export const CORE_ERROR_CODES = [
  'not-found',
  'invalid-input',
  'conflict',
  /** Export refused: the article is killed, withheld, or under embargo (the user may confirm past an embargo). */
  'refused',
  'newer-version',
  'not-an-archive',
  'fts5-missing',
  'io-error',
  'disk-full',
  'read-only',
  'busy',
  'corrupt',
  /** The shared archive cannot be reached: work goes on offline. */
  'offline',
  /** The shared archive's permissions refuse this (role, desk, lock). */
  'forbidden',
  /** Someone else holds the article's lock: open it read-only (or, as a chief, break the lock). */
  'locked',
] as const;

export const ERROR_CODES = [
  ...CORE_ERROR_CODES,
  // raised at the boundary
  'invalid-payload',
  'forbidden-sender',
  /** A path grant that is forged, used, expired, another window's or of the wrong scope. */
  'forbidden-path',
  'unknown-method',
  'cancelled',
  /** A queued search replaced by a newer one before it started (the window already dropped it). */
  'superseded',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorValue {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turn anything thrown into an error value; unknown failures become `internal` (the caller logs the original). */
export function toErrorValue(error: unknown): ErrorValue {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (isErrorCode(code)) return { code, message: typeof message === 'string' ? message : code };
  }
  return { code: 'internal', message: 'Something went wrong inside Copydesk; the details are in the log.' };
}
