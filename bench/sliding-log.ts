/** At most `limit` accepted requests in any span of `windowMs` milliseconds. */
export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * The accepted requests of one key (a conversation, or a tenant), as timestamps, checked against
 * several windows at once. Written for the bench channel on purpose apart from the product's
 * limiter in delivery/, so the channel judges the bot rather than agreeing with it by
 * construction. Exact: one timestamp per request, pruned past the longest window.
 */
export class SlidingLog {
  private times: number[] = [];
  private head = 0;
  private readonly longestMs: number;

  constructor(private readonly windows: readonly WindowLimit[]) {
    this.longestMs = Math.max(0, ...windows.map((w) => w.windowMs));
  }

  /** Milliseconds until one more request fits every window at `now` (0: it fits now). */
  waitMs(now: number): number {
    this.prune(now);
    let wait = 0;
    for (const w of this.windows) {
      const inWindow = this.countSince(now - w.windowMs);
      if (inWindow < w.limit) continue;
      // The request that must leave the window before one more fits.
      const leaving = this.times[this.times.length - w.limit]!;
      wait = Math.max(wait, leaving + w.windowMs - now);
    }
    return wait;
  }

  record(now: number): void {
    this.times.push(now);
  }

  /** Nothing left inside any window: the key can be forgotten. */
  isEmpty(now: number): boolean {
    this.prune(now);
    return this.head >= this.times.length;
  }

  /** Requests with a timestamp after `since`; the log is in time order, so a binary search finds them. */
  private countSince(since: number): number {
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! > since) hi = mid;
      else lo = mid + 1;
    }
    return this.times.length - lo;
  }

  private prune(now: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.longestMs) this.head++;
    // Compact now and then so the array does not grow with every request ever accepted.
    if (this.head > 1_024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
