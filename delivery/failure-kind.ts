/**
 * What to do after a failed send:
 * - `throttled` (429): wait Retry-After, then retry;
 * - `transient` (412, 502, 503, 504, or no response at all): retry with backoff, up to a bound;
 * - `unreachable` (403 blocked or removed, 404 conversation gone): stop;
 * - `rejected` (any other status): the request itself is wrong, so retrying cannot help.
 */
export type FailureKind = 'throttled' | 'transient' | 'unreachable' | 'rejected';

const TRANSIENT = new Set([412, 502, 503, 504]);

/** Classifies a failure by its HTTP status; `undefined` means a network error. */
export function classifyFailure(httpStatus: number | undefined): FailureKind {
  if (httpStatus === undefined || TRANSIENT.has(httpStatus)) return 'transient';
  if (httpStatus === 429) return 'throttled';
  if (httpStatus === 403 || httpStatus === 404) return 'unreachable';
  return 'rejected';
}
