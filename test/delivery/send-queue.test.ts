import assert from 'node:assert/strict';
import type { DeliveryOutcome } from '../../delivery/delivery-outcome';
import { SendQueue, type SendQueueOptions } from '../../delivery/send-queue';
import { HttpError } from './support/http-error';
import { VirtualTime } from './support/virtual-time';
import { maxInAnyWindow } from './support/windows';

interface Attempt {
  readonly key: string;
  readonly job: number;
  readonly at: number;
}

/** A queue on virtual time plus a log of every send it made. */
function harness(options: SendQueueOptions = {}) {
  const time = new VirtualTime();
  const queue = new SendQueue({ clock: time.clock, sleep: time.sleep, random: () => 0.5, ...options });
  const attempts: Attempt[] = [];
  const t0 = time.now();
  /** A send that logs itself, then throws the next scripted failure if any is left, after `takesMs`. */
  const send = (key: string, job: number, failures: unknown[] = [], takesMs = 0) => async (): Promise<void> => {
    attempts.push({ key, job, at: time.now() - t0 });
    if (takesMs > 0) await time.sleep(takesMs);
    const failure = failures.shift();
    if (failure !== undefined) throw failure;
  };
  const at = (key: string) => attempts.filter((a) => a.key === key).map((a) => a.at);
  return { time, queue, attempts, send, at };
}

const status = (code: number, headers: Record<string, string> = {}) => new HttpError(code, new Headers(headers));

describe('SendQueue', () => {
  describe('order and limits', () => {
    it("sends each conversation's jobs in the order they were enqueued while conversations run side by side", async () => {
      const { time, queue, attempts, send } = harness();
      let inFlight = 0;
      let mostInFlight = 0;
      const jobs: Promise<DeliveryOutcome>[] = [];
      for (let j = 0; j < 5; j++) {
        for (const key of ['a', 'b', 'c', 'd']) {
          const inner = send(key, j, [], 10 + ((key.charCodeAt(0) * 7 + j * 13) % 50));
          jobs.push(queue.enqueue({ key, send: async () => {
            mostInFlight = Math.max(mostInFlight, ++inFlight);
            try { await inner(); } finally { inFlight--; }
          } }));
        }
      }
      await time.run(Promise.all(jobs));
      for (const key of ['a', 'b', 'c', 'd']) {
        assert.deepEqual(attempts.filter((a) => a.key === key).map((a) => a.job), [0, 1, 2, 3, 4], key);
      }
      assert.equal(mostInFlight, 4, 'the four conversations were sent to at the same time');
    });

    it('never has more sends in flight than its concurrency bound', async () => {
      const { time, queue, send } = harness({ concurrency: 3 });
      let inFlight = 0;
      let mostInFlight = 0;
      const jobs = Array.from({ length: 40 }, (_, i) => {
        const inner = send(`c${i}`, 0, [], 100);
        return queue.enqueue({ key: `c${i}`, send: async () => {
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          try { await inner(); } finally { inFlight--; }
        } });
      });
      await time.run(Promise.all(jobs));
      assert.equal(mostInFlight, 3);
    });

    it('spreads a burst to one conversation to 7 a second and 8 in two seconds', async () => {
      const { time, queue, send, at } = harness();
      const jobs = Array.from({ length: 30 }, (_, j) => queue.enqueue({ key: 'c', send: send('c', j) }));
      await time.run(Promise.all(jobs));
      const sent = at('c');
      assert.deepEqual(sent.slice(0, 8), [0, 0, 0, 0, 0, 0, 0, 1_000]);
      assert.equal(maxInAnyWindow(sent, 1_000), 7);
      assert.equal(maxInAnyWindow(sent, 2_000), 8);
    });

    it("shares the global limit of 50 a second among a tenant's conversations", async () => {
      const { time, queue, send, attempts } = harness();
      const jobs = Array.from({ length: 120 }, (_, i) => queue.enqueue({ key: `c${i}`, tenantId: 't', send: send(`c${i}`, 0) }));
      await time.run(Promise.all(jobs));
      const sent = attempts.map((a) => a.at);
      assert.equal(sent.filter((t) => t === 0).length, 50);
      assert.equal(maxInAnyWindow(sent, 1_000), 50);
      assert.equal(Math.max(...sent), 2_000);
    });

    it('gives each tenant a global bucket of its own', async () => {
      const { time, queue, send, attempts } = harness();
      const jobs = ['t1', 't2'].flatMap((tenantId) =>
        Array.from({ length: 50 }, (_, i) => queue.enqueue({ key: `${tenantId}-c${i}`, tenantId, send: send(`${tenantId}-c${i}`, 0) })));
      await time.run(Promise.all(jobs));
      assert.ok(attempts.every((a) => a.at === 0), 'all 100 went out at once');
    });
  });

  describe('throttling (429)', () => {
    it('waits exactly the Retry-After seconds before sending to that conversation again', async () => {
      const { time, queue, send, at } = harness();
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [status(429, { 'Retry-After': '3' })]) }));
      assert.deepEqual(outcome, { status: 'delivered', attempts: 2 });
      assert.deepEqual(time.sleeps, [3_000]);
      assert.deepEqual(at('c'), [0, 3_000]);
      assert.deepEqual(queue.stats, { sent: 1, throttled429: 1, retried: 1, unreachable: 0, failed: 0, totalWaitMs: 3_000 });
    });

    it('waits until the instant a Retry-After HTTP date names', async () => {
      const { time, queue, send, at } = harness();
      const until = new Date(time.now() + 5_000).toUTCString();
      const throttled = Object.assign(new Error('Too Many Requests'), { status: 429, response: { status: 429, headers: { 'retry-after': until } } });
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [throttled]) }));
      assert.equal(outcome.status, 'delivered');
      assert.deepEqual(time.sleeps, [5_000]);
      assert.deepEqual(at('c'), [0, 5_000]);
    });

    it('waits one second after a 429 that carries no Retry-After', async () => {
      const { time, queue, send, at } = harness();
      await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [status(429)]) }));
      assert.deepEqual(at('c'), [0, 1_000]);
    });

    it("keeps a throttled conversation's later jobs behind it while other conversations carry on", async () => {
      const { time, queue, send, attempts } = harness();
      const jobs = [
        queue.enqueue({ key: 'a', send: send('a', 1, [status(429, { 'retry-after': '2' })]) }),
        queue.enqueue({ key: 'a', send: send('a', 2) }),
        queue.enqueue({ key: 'b', send: send('b', 1) }),
      ];
      await time.run(Promise.all(jobs));
      assert.deepEqual(attempts.map((a) => `${a.key}${a.job}@${a.at}`), ['a1@0', 'b1@0', 'a1@2000', 'a2@2000']);
    });

    it('gives up as failed on a conversation that keeps answering 429', async () => {
      const { time, queue, send } = harness({ maxThrottledRetries: 2 });
      const always429 = [status(429, { 'retry-after': '1' }), status(429, { 'retry-after': '1' }), status(429, { 'retry-after': '1' })];
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, always429) }));
      assert.deepEqual(outcome, { status: 'failed', httpStatus: 429, attempts: 3, error: 'HTTP 429' });
    });
  });

  describe('transient failures', () => {
    it('retries a 503 with growing, jittered backoff and gives up as failed after 5 attempts', async () => {
      const draws = [0.9, 0.3, 0.8, 0.6];
      const { time, queue, send, at } = harness({ random: () => draws.shift() ?? 0 });
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, Array.from({ length: 5 }, () => status(503))) }));
      assert.deepEqual(outcome, { status: 'failed', httpStatus: 503, attempts: 5, error: 'HTTP 503' });
      // Full jitter: each wait is a draw times 500, 1000, 2000, 4000 ms.
      assert.deepEqual(time.sleeps, [450, 300, 1_600, 2_400]);
      assert.deepEqual(at('c'), [0, 450, 750, 2_350, 4_750]);
      assert.deepEqual(queue.stats, { sent: 0, throttled429: 0, retried: 4, unreachable: 0, failed: 1, totalWaitMs: 4_750 });
    });

    it('doubles the backoff ceiling on each retry up to the 30 second cap', async () => {
      const { time, queue, send } = harness({ maxAttempts: 10, random: () => 0.999999 });
      await time.run(queue.enqueue({ key: 'c', send: send('c', 0, Array.from({ length: 10 }, () => status(502))) }));
      assert.deepEqual(time.sleeps, [499, 999, 1_999, 3_999, 7_999, 15_999, 29_999, 29_999, 29_999]);
    });

    for (const [name, failure] of [
      ['a 412', status(412)],
      ['a 502', status(502)],
      ['a 504', status(504)],
      ['an ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
      ['an ECONNREFUSED', Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' })],
    ] as const) {
      it(`retries after ${name} and then delivers`, async () => {
        const { time, queue, send } = harness();
        const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [failure]) }));
        assert.deepEqual(outcome, { status: 'delivered', attempts: 2 });
        assert.equal(queue.stats.retried, 1);
      });
    }

    it('waits for the Retry-After of a 503 rather than guessing a backoff', async () => {
      const { time, queue, send } = harness();
      await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [status(503, { 'retry-after': '7' })]) }));
      assert.deepEqual(time.sleeps, [7_000]);
    });
  });

  describe('failures that end a job', () => {
    it('marks a conversation unreachable after exactly one attempt when the bot was blocked (403)', async () => {
      const { time, queue, send, attempts } = harness();
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [status(403), status(403)]) }));
      assert.deepEqual(outcome, { status: 'unreachable', httpStatus: 403 });
      assert.equal(attempts.length, 1);
      assert.deepEqual(time.sleeps, []);
      assert.deepEqual(queue.stats, { sent: 0, throttled429: 0, retried: 0, unreachable: 1, failed: 0, totalWaitMs: 0 });
    });

    it('marks a conversation unreachable when it is not found (404)', async () => {
      const { time, queue, send, attempts } = harness();
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [status(404)]) }));
      assert.deepEqual(outcome, { status: 'unreachable', httpStatus: 404 });
      assert.equal(attempts.length, 1);
    });

    it('fails a 400 at once without retrying', async () => {
      const { time, queue, send, attempts } = harness();
      const outcome = await time.run(queue.enqueue({ key: 'c', send: send('c', 0, [status(400)]) }));
      assert.deepEqual(outcome, { status: 'failed', httpStatus: 400, attempts: 1, error: 'HTTP 400' });
      assert.equal(attempts.length, 1);
      assert.equal(queue.stats.retried, 0);
    });

    it('resolves with an outcome rather than rejecting when send throws synchronously or throws a non-error', async () => {
      const { time, queue } = harness({ maxAttempts: 1 });
      const outcomes = await time.run(Promise.all([
        queue.enqueue({ key: 'a', send: () => { throw new TypeError('not a function'); } }),
        queue.enqueue({ key: 'b', send: () => Promise.reject('boom') }),
      ]));
      assert.deepEqual(outcomes, [
        { status: 'failed', attempts: 1, error: 'not a function' },
        { status: 'failed', attempts: 1, error: 'boom' },
      ]);
    });
  });

  describe('beforeFirstSend (the ledger\'s "on the wire" mark)', () => {
    it('runs once, right before the first attempt, and not again for retries', async () => {
      const { time, queue, send, attempts } = harness();
      const marks: number[] = [];
      const outcome = await time.run(queue.enqueue({
        key: 'c', beforeFirstSend: async () => { marks.push(attempts.length); }, send: send('c', 0, [status(429, { 'Retry-After': '1' }), status(503)]),
      }));
      assert.equal(outcome.status, 'delivered');
      assert.equal(attempts.length, 3);
      assert.deepEqual(marks, [0], 'marked once, before any attempt');
    });

    it('does not run while the job waits behind others or for its limits', async () => {
      const { time, queue, send, attempts } = harness();
      const marks: Array<{ job: number; sentBefore: number }> = [];
      const jobs = [];
      for (let j = 0; j < 10; j++) {
        jobs.push(queue.enqueue({ key: 'c', beforeFirstSend: async () => { marks.push({ job: j, sentBefore: attempts.length }); }, send: send('c', j) }));
      }
      await time.run(Promise.all(jobs));
      // One conversation: each job is marked only once every job before it went out.
      assert.deepEqual(marks, Array.from({ length: 10 }, (_, j) => ({ job: j, sentBefore: j })));
    });

    it('fails the job unsent when the mark cannot be made', async () => {
      const { time, queue, send, attempts } = harness();
      const outcome = await time.run(queue.enqueue({ key: 'c', beforeFirstSend: () => Promise.reject(new Error('store unavailable')), send: send('c', 0) }));
      assert.deepEqual(outcome, { status: 'failed', attempts: 0, error: 'not sent: store unavailable' });
      assert.equal(attempts.length, 0);
      assert.equal(queue.stats.failed, 1);
    });

    it('keeps the limits when marks take time: still no more than 7 a second to one conversation', async () => {
      const { time, queue, send, at } = harness();
      const jobs = [];
      for (let j = 0; j < 20; j++) jobs.push(queue.enqueue({ key: 'c', beforeFirstSend: () => time.sleep(30), send: send('c', j) }));
      await time.run(Promise.all(jobs));
      assert.ok(maxInAnyWindow(at('c'), 1_000) <= 7, `${maxInAnyWindow(at('c'), 1_000)} in one second`);
    });
  });

  describe('onIdle', () => {
    it('resolves at once when nothing is queued', async () => {
      await new SendQueue().onIdle();
    });

    it('resolves only after the last job has its outcome', async () => {
      const { time, queue, send } = harness();
      const outcomes: string[] = [];
      for (let j = 0; j < 3; j++) void queue.enqueue({ key: 'c', send: send('c', j, [], 50) }).then((o) => { outcomes.push(o.status); });
      await time.run(queue.onIdle());
      assert.deepEqual(outcomes, ['delivered', 'delivered', 'delivered']);
    });
  });
});
