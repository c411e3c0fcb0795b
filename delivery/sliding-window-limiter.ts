import type { Clock } from '../domain/clock';
import type { WindowLimit } from './rate-limits';

/** Tuning for how windows are stored. */
export interface SlidingWindowOptions {
  /** Windows allowing at most this many sends keep one entry per distinct millisecond, so they are exact. */
  readonly exactUpTo?: number;
  /** Larger windows count sends in this many buckets, each treated as if all its sends came at its latest one. */
  readonly buckets?: number;
}

/** Sends counted together: all share one bucket, and `last` is when the newest of them went out. */
interface Entry {
  readonly bucket: number;
  last: number;
  count: number;
}

/** The sends of one key inside one window, oldest first. */
class WindowLog {
  private readonly entries: Entry[] = [];
  private total = 0;

  constructor(private readonly window: WindowLimit, private readonly resolutionMs: number) {}

  get size(): number {
    return this.entries.length;
  }

  record(now: number): void {
    const tail = this.entries[this.entries.length - 1];
    // A clock that steps back must not reorder the log; counting the send late only delays its expiry.
    const at = tail === undefined ? now : Math.max(now, tail.last);
    const bucket = Math.floor(at / this.resolutionMs);
    if (tail !== undefined && tail.bucket === bucket) {
      tail.count++;
      tail.last = at;
    } else {
      this.entries.push({ bucket, last: at, count: 1 });
    }
    this.total++;
  }

  prune(now: number): void {
    let head = this.entries[0];
    while (head !== undefined && head.last + this.window.windowMs <= now) {
      this.total -= head.count;
      this.entries.shift();
      head = this.entries[0];
    }
  }

  /** Assumes `prune(now)` ran. */
  waitMs(now: number): number {
    let mustExpire = this.total - this.window.limit + 1;
    if (mustExpire <= 0) return 0;
    for (const entry of this.entries) {
      mustExpire -= entry.count;
      if (mustExpire <= 0) return entry.last + this.window.windowMs - now;
    }
    return 0;
  }
}

interface KeyState {
  readonly logs: WindowLog[];
  pausedUntil: number;
}

/**
 * Sliding-window rate limits for many keys at once: `waitMs(key)` says how long the next send
 * for a key must wait to stay inside every window, `record(key)` counts a send, and `pause`
 * holds a key back (for a Retry-After). Memory stays bounded: old sends are pruned, windows with
 * large limits keep a fixed number of buckets, and keys with nothing left to count are dropped.
 */
export class SlidingWindowLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly resolutions: number[];
  private readonly sweepEveryMs: number;
  private lastSweep: number;

  constructor(
    private readonly windows: readonly WindowLimit[],
    private readonly clock: Clock,
    options: SlidingWindowOptions = {},
  ) {
    for (const w of windows) {
      if (!Number.isInteger(w.limit) || w.limit < 1 || !(w.windowMs > 0)) {
        throw new RangeError(`A rate limit needs a whole limit ≥ 1 and a window > 0 ms, got ${w.limit} per ${w.windowMs} ms`);
      }
    }
    const exactUpTo = options.exactUpTo ?? 100;
    const buckets = options.buckets ?? 60;
    this.resolutions = windows.map((w) => (w.limit <= exactUpTo ? 1 : Math.max(1, Math.ceil(w.windowMs / buckets))));
    // Sweeping costs one pass over all keys, so do it at most once a minute.
    this.sweepEveryMs = Math.min(60_000, Math.max(1_000, ...windows.map((w) => w.windowMs)));
    this.lastSweep = clock().getTime();
  }

  /** Milliseconds until a send for `key` fits every window (0: send now). */
  waitMs(key: string): number {
    const now = this.now();
    const state = this.keys.get(key);
    if (state === undefined) return 0;
    let wait = Math.max(0, state.pausedUntil - now);
    for (const log of state.logs) {
      log.prune(now);
      wait = Math.max(wait, log.waitMs(now));
    }
    if (this.isIdle(state, now)) this.keys.delete(key);
    return wait;
  }

  /** Counts one send for `key`, now. */
  record(key: string): void {
    const now = this.now();
    for (const log of this.stateOf(key).logs) {
      log.prune(now);
      log.record(now);
    }
  }

  /** Holds `key` back for `ms` from now; a longer pause already in force stays. */
  pause(key: string, ms: number): void {
    const state = this.stateOf(key);
    state.pausedUntil = Math.max(state.pausedUntil, this.now() + ms);
  }

  /** Keys with sends still inside a window or a pause in force. */
  get trackedKeys(): number {
    return this.keys.size;
  }

  /** Entries held across all keys and windows, to watch memory. */
  storedEntries(): number {
    let n = 0;
    for (const state of this.keys.values()) for (const log of state.logs) n += log.size;
    return n;
  }

  private now(): number {
    const now = this.clock().getTime();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    return now;
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { logs: this.windows.map((w, i) => new WindowLog(w, this.resolutions[i] ?? 1)), pausedUntil: 0 };
      this.keys.set(key, state);
    }
    return state;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, state] of this.keys) {
      for (const log of state.logs) log.prune(now);
      if (this.isIdle(state, now)) this.keys.delete(key);
    }
  }

  private isIdle(state: KeyState, now: number): boolean {
    return state.pausedUntil <= now && state.logs.every((log) => log.size === 0);
  }
}
