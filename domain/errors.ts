/**
 * The store could not be reached or refused for now (throttling, outage). Callers tell the user
 * their input was not saved and keep it; jobs retry their occurrence later.
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** An optimistic-concurrency write lost the race: someone else changed the document first. */
export class ConcurrentChangeError extends Error {
  constructor(what: string) {
    super(`concurrent change: ${what}`);
    this.name = 'ConcurrentChangeError';
  }
}
