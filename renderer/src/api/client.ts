// The renderer's only door to the archive: window.copydesk, installed by the
// preload (or, in the Chromium tests, by a test shim speaking the same contract).
import type { CopydeskApi } from '../../../shared/contract/index.ts';
import type { ErrorValue, Result } from '../../../shared/result.ts';

declare global {
  interface Window {
    readonly copydesk?: CopydeskApi;
  }
}

export const hasBridge = typeof window !== 'undefined' && window.copydesk !== undefined;

export const api: CopydeskApi = window.copydesk ?? (new Proxy({}, { get: () => missing }) as CopydeskApi);

const missing: unknown = new Proxy(() => undefined, {
  get: () => missing,
  apply: () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Copydesk’s bridge is missing: open this page inside the app.' } }),
});

/** The value, or throws an ApiError carrying the error value (for code paths that prefer exceptions). */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export class ApiError extends Error {
  readonly code: ErrorValue['code'];
  constructor(error: ErrorValue) {
    super(error.message);
    this.code = error.code;
  }
}
