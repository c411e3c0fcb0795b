/** Waits `ms` milliseconds; tests inject one that runs on virtual time. */
export type Sleep = (ms: number) => Promise<void>;

/** A sleep on Node's real timers. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, Math.max(0, ms)); });
