import { parseRetryAfter } from './retry-after';

/** What the queue needs to know about a failed send. */
export interface SendErrorInfo {
  /** Absent for network errors (ECONNRESET, ECONNREFUSED, timeouts): no response came back. */
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  readonly message: string;
}

/**
 * Reads the HTTP status and Retry-After from whatever `send` threw, without tying the queue to
 * one client library: the status from `statusCode`, `status` or `response.status`; the wait
 * from `retryAfterMs` or a `retry-after` header in `response.headers` (or `headers`), given as a
 * plain object or as something with `get(name)`.
 */
export function readSendError(err: unknown, now: Date): SendErrorInfo {
  const response = field(err, 'response');
  const httpStatus = asHttpStatus(field(err, 'statusCode')) ?? asHttpStatus(field(err, 'status'))
    ?? asHttpStatus(field(response, 'status'));
  const retryAfterMs = asMilliseconds(field(err, 'retryAfterMs'))
    ?? retryAfterFromHeaders(field(response, 'headers'), now)
    ?? retryAfterFromHeaders(field(err, 'headers'), now);
  return {
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    message: describe(err),
  };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function asHttpStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function asMilliseconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function retryAfterFromHeaders(headers: unknown, now: Date): number | undefined {
  const raw = headerValue(headers, 'retry-after');
  if (typeof raw === 'number') return asMilliseconds(raw * 1000);
  return typeof raw === 'string' ? parseRetryAfter(raw, now) : undefined;
}

function headerValue(headers: unknown, name: string): unknown {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = field(headers, 'get');
  if (typeof get === 'function') return (get as (n: string) => unknown).call(headers, name) ?? undefined;
  // Node lower-cases incoming header names, but hand-built objects may not.
  const match = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = match === undefined ? undefined : field(headers, match);
  return Array.isArray(value) ? value[0] : value;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    // fetch hides the socket error's code in `cause`.
    const code = field(err, 'code') ?? field(field(err, 'cause'), 'code');
    return typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return typeof err === 'string' ? err : `non-error thrown: ${String(err)}`;
}
