import type { OnceOutcome } from './deliver-once';
import type { JobResult } from './job-deps';
import { pool } from './pool';

/**
 * Cards prepared and claimed at once. Each takes a few store round trips before it reaches the
 * send queue; thousands at once overran the store client's timeouts (measured at 5,000 cards),
 * while this many keep the queue fed at Teams' 50 a second.
 */
export const CARD_CONCURRENCY = 64;

/**
 * Runs one card's work per item with bounded concurrency and counts the outcomes. A card whose
 * work throws (the store away for a moment) does not stop the others; the first such error is
 * thrown once all are done, so the job's occurrence is released and retried, and the ledger lets
 * the retry send only what is missing.
 */
export async function forEachCard<T>(items: readonly T[], result: JobResult, card: (item: T) => Promise<OnceOutcome>): Promise<void> {
  let firstError: unknown;
  await pool(items, CARD_CONCURRENCY, async (item) => {
    try {
      result[await card(item)]++;
    } catch (err) {
      result.failed++;
      firstError ??= err;
    }
  });
  if (firstError !== undefined) throw firstError;
}
