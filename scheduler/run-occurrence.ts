import { jobCorrelation, withCorrelation } from '../observability/correlation';
import type { JobDeps } from './job-deps';

/** How long one instance may hold a job occurrence before another may take it over. */
export const LEASE_TTL_MS = 10 * 60_000;

/**
 * Occurrences known to be completed. A completed occurrence never runs again, so the sweep every
 * five minutes need not ask the store each time (measured: those reads were most of a quiet
 * week's request units).
 */
const completedBy = new WeakMap<object, Set<string>>();

/** Kept per store connection of a running bot, so separate bots (and tests) never share it. */
function completedSet(deps: JobDeps): Set<string> {
  let set = completedBy.get(deps.operations);
  if (!set) {
    set = new Set();
    completedBy.set(deps.operations, set);
  }
  return set;
}

export type OccurrenceOutcome<T> = { ran: true; result: T } | { ran: false; reason: 'done' | 'held' };

/**
 * Runs one occurrence of a scheduled job (e.g. "prompts:2026-W48") on exactly one instance: the
 * lease document in the store decides who runs it, and a completed occurrence never runs again.
 * A failing run leaves the lease to expire, so the next sweep (here or elsewhere) retries it.
 */
export async function runOccurrence<T>(deps: JobDeps, municipalityId: string, occurrence: string, job: () => Promise<T>): Promise<OccurrenceOutcome<T>> {
  const completed = completedSet(deps);
  const doneKey = `${municipalityId}|${occurrence}`;
  if (completed.has(doneKey)) return { ran: false, reason: 'done' };
  if (await deps.operations.isCompleted(municipalityId, occurrence)) {
    completed.add(doneKey);
    return { ran: false, reason: 'done' };
  }
  const acquired = await deps.operations.acquireLease(municipalityId, occurrence, deps.instanceId, LEASE_TTL_MS, deps.clock());
  if (!acquired) return { ran: false, reason: 'held' };
  // This run of the occurrence, and everything it sends, logs under one correlation id.
  return withCorrelation(jobCorrelation(occurrence), async () => {
    const log = deps.log.child({ municipalityId, occurrence });
    log.info('job occurrence started');
    try {
      const result = await job();
      await deps.operations.completeLease(municipalityId, occurrence, deps.instanceId, deps.clock());
      completed.add(doneKey);
      log.info('job occurrence completed');
      return { ran: true as const, result };
    } catch (err) {
      await deps.operations.releaseLease(municipalityId, occurrence, deps.instanceId).catch(() => undefined);
      log.error({ err: (err as Error).message }, 'job occurrence failed; it will be retried');
      throw err;
    }
  });
}
