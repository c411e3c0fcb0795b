/** The current instant. Jobs and handlers take one so a test can be "Tuesday 12:59 in week 53". */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that always answers the same instant; tests move it with `set`. */
export function fixedClock(start: Date | string): Clock & { set(to: Date | string): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as Clock & { set(to: Date | string): void };
  clock.set = (to) => { now = new Date(to); };
  return clock;
}
