import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * A correlation id for one unit of work, a Teams turn or one run of a job occurrence, carried
 * through everything that work awaits (AsyncLocalStorage) and written on each log line by the
 * logger's `mixin`, so that the lines of one turn or one job run can be found together.
 * Ids only: never anything a person wrote.
 */
export interface Correlation {
  correlationId: string;
  kind: 'turn' | 'job';
  /** The work that started this one, e.g. the turn whose command ran a job. */
  causedBy?: string;
}

const storage = new AsyncLocalStorage<Correlation>();

/** Longest id taken from outside (an activity id); longer ones are cut. */
const MAX_ID_LENGTH = 128;

/** The turn's correlation: the activity's own id when it has one (Teams sets it), else a new UUID. */
export function turnCorrelation(activity: { id?: string } | undefined): Correlation {
  const id = typeof activity?.id === 'string' && activity.id.trim() !== '' ? activity.id.trim().slice(0, MAX_ID_LENGTH) : randomUUID();
  return { correlationId: id, kind: 'turn' };
}

/** One run of a job occurrence, e.g. "prompts:2026-W49/6f1c…": the occurrence and a new UUID. */
export function jobCorrelation(occurrence: string): Correlation {
  const causedBy = storage.getStore()?.correlationId;
  return { correlationId: `${occurrence}/${randomUUID()}`, kind: 'job', ...(causedBy ? { causedBy } : {}) };
}

/** Runs `fn` (and all it awaits) under `correlation`. */
export function withCorrelation<T>(correlation: Correlation, fn: () => T): T {
  return storage.run(correlation, fn);
}

/**
 * Puts the rest of the current asynchronous flow under `correlation`, for hooks that cannot wrap
 * the work in a callback (teams-ai's `beforeTurn`). Call it before the hook's first `await`:
 * only then does the caller's flow, the rest of the turn, carry it too.
 */
export function enterCorrelation(correlation: Correlation): void {
  storage.enterWith(correlation);
}

export function currentCorrelation(): Correlation | undefined {
  return storage.getStore();
}

/** For pino's `mixin`: the fields to add to a log line written now (none outside any scope). */
export function correlationFields(): { correlationId?: string; causedBy?: string } {
  const c = storage.getStore();
  if (!c) return {};
  return c.causedBy ? { correlationId: c.correlationId, causedBy: c.causedBy } : { correlationId: c.correlationId };
}
