import type { Clock } from '../../../domain/clock';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly wake: () => void;
}

/**
 * Time that moves only when every task is asleep: `run` lets pending promise work finish, then
 * jumps to the earliest sleeper's wake-up time, so hours of waiting take milliseconds and each
 * wait is measured exactly. Code under test must sleep through `sleep`, never through real timers.
 */
export class VirtualTime {
  /** Every sleep asked for, in order, in ms. */
  readonly sleeps: number[] = [];
  private nowMs: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start: Date | string = '2025-03-03T08:00:00Z') {
    this.nowMs = new Date(start).getTime();
  }

  readonly clock: Clock = () => new Date(this.nowMs);

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((wake) => { this.timers.push({ at: this.nowMs + Math.max(0, ms), seq: this.seq++, wake }); });
  };

  /** Milliseconds since the epoch, virtually. */
  now(): number {
    return this.nowMs;
  }

  /** Moves time forward by hand, for code that does not sleep (the limiter alone). */
  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** Drives time until `work` settles; fails if it can never settle. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(() => { settled = true; }, () => { settled = true; });
    for (;;) {
      // setImmediate runs after the whole microtask queue, so every runnable task has reached its next sleep.
      await new Promise<void>((resolve) => { setImmediate(resolve); });
      if (settled) return work;
      const next = this.timers.reduce<Timer | undefined>((a, t) => (a === undefined || t.at < a.at || (t.at === a.at && t.seq < a.seq) ? t : a), undefined);
      if (next === undefined) throw new Error('virtual time: work is pending but nothing is asleep');
      this.timers = this.timers.filter((t) => t !== next);
      this.nowMs = next.at;
      next.wake();
    }
  }
}
