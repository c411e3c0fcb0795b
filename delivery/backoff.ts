/** Exponential backoff bounds: the first retry waits up to `baseMs`, each later one up to twice as long, never over `capMs`. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * "Full jitter" delay before retry number `retry` (0 for the first): uniform in [0, ceiling).
 * Spreading the whole range keeps many senders that failed together from retrying together.
 */
export function fullJitterDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}
