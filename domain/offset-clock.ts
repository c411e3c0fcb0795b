import type { Clock } from './clock';

/**
 * A clock that starts at `startIso` and then advances in real time: for tests and demos that
 * need a running bot to believe it is, say, "Tuesday 09:00:30" (`LAGESBILD_FAKE_NOW`). Pure: the
 * real time source is a parameter.
 */
export function offsetClock(startIso: string, realNow: () => number = Date.now): Clock {
  const start = new Date(startIso).getTime();
  if (Number.isNaN(start)) throw new RangeError(`not an instant: ${startIso}`);
  const t0 = realNow();
  return () => new Date(start + (realNow() - t0));
}
