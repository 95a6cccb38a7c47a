// A failure a main-side handler raises on purpose; dispatch turns it into an error value.
import type { ErrorCode, ErrorValue, Result } from '../../../shared/result.ts';

export class IpcError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }

  static from(error: ErrorValue): IpcError {
    return new IpcError(error.code, error.message);
  }
}

/** A worker's answer as a value, or its error re-raised with the same code. */
export function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw IpcError.from(result.error);
  return result.value as T;
}
