import { ConcurrentChangeError, StoreUnavailableError } from '../domain/errors';

const TRANSIENT_CODES = new Set([408, 429, 449, 500, 502, 503, 504]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'UND_ERR_SOCKET']);

function statusOf(err: unknown): number | string | undefined {
  const e = err as { code?: number | string; statusCode?: number; cause?: { code?: string } };
  return e?.statusCode ?? e?.code ?? e?.cause?.code;
}

export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404;
}

export function isConflict(err: unknown): boolean {
  return statusOf(err) === 409;
}

export function isPreconditionFailed(err: unknown): boolean {
  return statusOf(err) === 412;
}

/** Throttling, timeouts and a server that cannot be reached: the caller may try again later. */
export function isTransient(err: unknown): boolean {
  const s = statusOf(err);
  if (typeof s === 'number') return TRANSIENT_CODES.has(s);
  if (typeof s === 'string') return NETWORK_CODES.has(s) || s === 'TimeoutError';
  const name = (err as Error)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/**
 * Runs one store operation and turns transient failures, after the SDK's own retries, into
 * StoreUnavailableError so callers can answer users uniformly.
 */
export async function guard<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (err instanceof StoreUnavailableError || err instanceof ConcurrentChangeError) throw err;
    if (isPreconditionFailed(err)) throw new ConcurrentChangeError(what);
    if (isTransient(err)) throw new StoreUnavailableError(err);
    throw err;
  }
}

/** Cosmos DB's own fields, which must not be written back. */
export function withoutSystemFields<T extends object>(doc: T): T {
  const { _rid, _self, _etag, _ts, _attachments, ...rest } = doc as Record<string, unknown>;
  void _rid; void _self; void _etag; void _ts; void _attachments;
  return rest as T;
}
