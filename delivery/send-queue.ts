import { systemClock, type Clock } from '../domain/clock';
import { DEFAULT_BACKOFF, fullJitterDelay, type BackoffPolicy } from './backoff';
import type { DeliveryOutcome } from './delivery-outcome';
import { classifyFailure } from './failure-kind';
import { TEAMS_RATE_LIMITS, type RateLimits } from './rate-limits';
import type { SendJob } from './send-job';
import { readSendError, type SendErrorInfo } from './send-error';
import { realSleep, type Sleep } from './sleep';
import { SlidingWindowLimiter } from './sliding-window-limiter';

/** Every collaborator and bound of a `SendQueue`; each has a default fit for production. */
export interface SendQueueOptions {
  /** Defaults to Teams' limits; either list given replaces that list. */
  readonly limits?: Partial<RateLimits>;
  /** Jobs served at once across conversations (default 16). A conversation waiting on its own limits gives its slot up. */
  readonly concurrency?: number;
  /** The most sends of one job that may end in a transient failure, first try included (default 5); 429s do not count. */
  readonly maxAttempts?: number;
  /** The most 429s one job may retry after (default 10), so a server that always answers 429 cannot hold a job forever. */
  readonly maxThrottledRetries?: number;
  /** The wait after a 429 without a readable Retry-After (default 1000 ms). */
  readonly defaultRetryAfterMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  /** Uniform in [0, 1), for backoff jitter. */
  readonly random?: () => number;
}

/** Running totals since the queue was made. */
export interface DeliveryStats {
  /** Jobs delivered. */
  readonly sent: number;
  /** 429 answers received. */
  readonly throttled429: number;
  /** Sends repeated after a 429 or a transient failure. */
  readonly retried: number;
  readonly unreachable: number;
  readonly failed: number;
  /** Time jobs were held back by limits, Retry-After and backoff, summed over jobs (so it can exceed wall time). */
  readonly totalWaitMs: number;
}

interface Pending {
  readonly job: SendJob;
  readonly resolve: (outcome: DeliveryOutcome) => void;
  attempts: number;
  throttles: number;
  /** `beforeFirstSend` has run. */
  prepared: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Sends jobs under Teams' rate limits: jobs of one conversation (`key`) go out one at a time in
 * the order enqueued, different conversations go out side by side, and a tenant's conversations
 * share its global limit. Failures are retried or reported as the platform asks (see
 * `classifyFailure`); `enqueue` never rejects for a failed send. The queue is a transmission
 * buffer held in memory: what must survive a restart (who still needs the message) belongs to
 * the caller, who learns each job's fate from its outcome.
 */
export class SendQueue {
  private readonly lanes = new Map<string, Pending[]>();
  private readonly ready: string[] = [];
  private readonly conversations: SlidingWindowLimiter;
  private readonly tenants: SlidingWindowLimiter;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly counts: Mutable<DeliveryStats> = { sent: 0, throttled429: 0, retried: 0, unreachable: 0, failed: 0, totalWaitMs: 0 };
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly maxThrottledRetries: number;
  private readonly defaultRetryAfterMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private serving = 0;
  private unsettled = 0;

  constructor(options: SendQueueOptions = {}) {
    this.concurrency = wholeAtLeast(1, 'concurrency', options.concurrency ?? 16);
    this.maxAttempts = wholeAtLeast(1, 'maxAttempts', options.maxAttempts ?? 5);
    this.maxThrottledRetries = wholeAtLeast(0, 'maxThrottledRetries', options.maxThrottledRetries ?? 10);
    this.defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.conversations = new SlidingWindowLimiter(options.limits?.perConversation ?? TEAMS_RATE_LIMITS.perConversation, this.clock);
    this.tenants = new SlidingWindowLimiter(options.limits?.global ?? TEAMS_RATE_LIMITS.global, this.clock);
  }

  /** Queues a send; resolves with its outcome once delivered, given up on, or found unreachable. */
  enqueue(job: SendJob): Promise<DeliveryOutcome> {
    return new Promise((resolve) => {
      this.unsettled++;
      const pending: Pending = { job, resolve, attempts: 0, throttles: 0, prepared: false };
      const lane = this.lanes.get(job.key);
      // A lane that exists is already queued, served or parked; it will reach this job in turn.
      if (lane !== undefined) {
        lane.push(pending);
        return;
      }
      this.lanes.set(job.key, [pending]);
      this.ready.push(job.key);
      this.pump();
    });
  }

  /** Resolves once every job enqueued so far has its outcome. */
  onIdle(): Promise<void> {
    if (this.unsettled === 0) return Promise.resolve();
    return new Promise((resolve) => { this.idleWaiters.push(resolve); });
  }

  /** A snapshot of the running totals. */
  get stats(): DeliveryStats {
    return { ...this.counts };
  }

  private pump(): void {
    while (this.serving < this.concurrency) {
      const key = this.ready.shift();
      if (key === undefined) return;
      this.serving++;
      void this.serve(key);
    }
  }

  /** Holds a slot for one conversation until its head job settles or the conversation must wait. */
  private async serve(key: string): Promise<void> {
    const head = this.lanes.get(key)?.[0];
    let parkMs = 0;
    if (head !== undefined) {
      try {
        parkMs = await this.advance(key, head);
      } catch (err) {
        parkMs = 0;
        if (this.lanes.get(key)?.[0] === head) {
          this.fail(key, head, { message: `send queue error: ${err instanceof Error ? err.message : String(err)}` });
        }
      }
    }
    this.serving--;
    if (parkMs > 0) this.park(key, parkMs);
    else this.requeue(key);
    this.pump();
  }

  /** Sends the head job until it settles (0) or its conversation must wait (the wait in ms). */
  private async advance(key: string, pending: Pending): Promise<number> {
    const tenant = pending.job.tenantId ?? '';
    for (;;) {
      const own = this.conversations.waitMs(key);
      if (own > 0) return own;
      // Everyone in the tenant waits for the shared bucket alike, so keeping the slot costs nothing.
      const shared = this.tenants.waitMs(tenant);
      if (shared > 0) {
        this.counts.totalWaitMs += shared;
        await this.sleep(shared);
        continue;
      }
      if (!pending.prepared && pending.job.beforeFirstSend) {
        pending.prepared = true;
        try {
          await pending.job.beforeFirstSend();
        } catch (err) {
          this.fail(key, pending, { message: `not sent: ${readSendError(err, this.clock()).message}` });
          return 0;
        }
        // Others may have used the budget meanwhile: look again, so the limits hold at the
        // instant of sending.
        continue;
      }
      // The check above and this record stay in one synchronous stretch.
      this.conversations.record(key);
      this.tenants.record(tenant);
      pending.attempts++;
      try {
        await pending.job.send();
      } catch (err) {
        if (this.afterFailure(key, pending, err) === 'settled') return 0;
        continue;
      }
      this.counts.sent++;
      this.settle(key, pending, { status: 'delivered', attempts: pending.attempts });
      return 0;
    }
  }

  private afterFailure(key: string, pending: Pending, err: unknown): 'retry' | 'settled' {
    const info = readSendError(err, this.clock());
    switch (classifyFailure(info.httpStatus)) {
      case 'unreachable':
        this.counts.unreachable++;
        this.settle(key, pending, { status: 'unreachable', httpStatus: info.httpStatus === 404 ? 404 : 403 });
        return 'settled';
      case 'rejected':
        return this.fail(key, pending, info);
      case 'throttled':
        this.counts.throttled429++;
        if (pending.throttles >= this.maxThrottledRetries) return this.fail(key, pending, info);
        pending.throttles++;
        this.conversations.pause(key, info.retryAfterMs ?? this.defaultRetryAfterMs);
        break;
      case 'transient': {
        const failures = pending.attempts - pending.throttles;
        if (failures >= this.maxAttempts) return this.fail(key, pending, info);
        // A 503 may say when to come back; that beats a guess.
        this.conversations.pause(key, info.retryAfterMs ?? fullJitterDelay(failures - 1, this.backoff, this.random));
        break;
      }
    }
    this.counts.retried++;
    return 'retry';
  }

  private fail(key: string, pending: Pending, info: SendErrorInfo): 'settled' {
    this.counts.failed++;
    this.settle(key, pending, {
      status: 'failed',
      ...(info.httpStatus === undefined ? {} : { httpStatus: info.httpStatus }),
      attempts: pending.attempts,
      error: info.message,
    });
    return 'settled';
  }

  private settle(key: string, pending: Pending, outcome: DeliveryOutcome): void {
    const lane = this.lanes.get(key);
    if (lane?.[0] === pending) lane.shift();
    this.unsettled--;
    pending.resolve(outcome);
    if (this.unsettled === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** Waits out a conversation's own limit without holding a slot. */
  private park(key: string, ms: number): void {
    this.counts.totalWaitMs += ms;
    const resume = (): void => {
      this.ready.push(key);
      this.pump();
    };
    this.sleep(ms).then(resume, resume);
  }

  private requeue(key: string): void {
    const lane = this.lanes.get(key);
    if (lane === undefined || lane.length === 0) this.lanes.delete(key);
    else this.ready.push(key);
  }
}

function wholeAtLeast(min: number, name: string, value: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
  return value;
}
