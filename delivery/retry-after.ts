const DELAY_SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * Milliseconds a `Retry-After` value asks to wait from `now`: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). A date already past gives 0; an unreadable value gives undefined.
 */
export function parseRetryAfter(value: string, now: Date): number | undefined {
  if (DELAY_SECONDS.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
