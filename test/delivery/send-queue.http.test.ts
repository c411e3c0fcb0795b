import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendQueue } from '../../delivery/send-queue';
import { postJson } from './support/http-error';
import { maxInAnyWindow } from './support/windows';

/** The queue reads the clock just before calling `send`; the millisecond may tick before `send` reads it again. */
const TICK_SLACK_MS = 2;

interface Arrival {
  /** When the server saw the request. */
  readonly at: number;
  /** How long after the client stamped it: transport plus event-loop delay. */
  readonly lag: number;
}

/** A channel stand-in: 429 (Retry-After: 1) first for every conversation, then 503 once for the flaky ones, 403 always for the blocked one. */
function fakeChannel(flaky: ReadonlySet<string>, blocked: string) {
  const arrivals = new Map<string, Arrival[]>();
  const throttledAt = new Map<string, number>();
  const delivered = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const at = Date.now();
    const conversation = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(req.url ?? '')?.[1] ?? '';
    const seen = arrivals.get(conversation) ?? [];
    seen.push({ at, lag: at - Number(req.headers['x-sent-at']) });
    arrivals.set(conversation, seen);
    const nth = seen.length;
    req.resume();
    req.on('end', () => {
      if (conversation === blocked) {
        res.writeHead(403);
        res.end();
      } else if (nth === 1) {
        throttledAt.set(conversation, Date.now());
        res.writeHead(429, { 'Retry-After': '1' });
        res.end();
      } else if (nth === 2 && flaky.has(conversation)) {
        res.writeHead(503);
        res.end();
      } else {
        delivered.set(conversation, (delivered.get(conversation) ?? 0) + 1);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      }
    });
  });
  return { server, arrivals, throttledAt, delivered };
}

describe('SendQueue over real HTTP', () => {
  it('delivers through 429s and 503s on loopback without breaking Retry-After or 7 a second', async function () {
    this.timeout(5_000);
    const conversations = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const channel = fakeChannel(new Set(['c2', 'c4']), 'blocked');
    await new Promise<void>((resolve) => { channel.server.listen(0, '127.0.0.1', resolve); });
    const { port } = channel.server.address() as AddressInfo;
    try {
      const queue = new SendQueue();
      const sentAt = new Map<string, number[]>(conversations.map((c) => [c, []]));
      const send = (conversation: string, n: number) => (): Promise<void> => {
        const at = Date.now();
        sentAt.get(conversation)?.push(at);
        return postJson(`http://127.0.0.1:${port}/v3/conversations/${conversation}/activities`, { text: `message ${n}` }, { 'x-sent-at': String(at) });
      };
      const jobs = [...conversations, 'blocked'].flatMap((conversation) =>
        Array.from({ length: conversation === 'blocked' ? 2 : 8 }, (_, n) =>
          queue.enqueue({ key: conversation, tenantId: 't', send: send(conversation, n) }).then((outcome) => ({ conversation, outcome }))));

      for (const { conversation, outcome } of await Promise.all(jobs)) {
        if (conversation === 'blocked') assert.deepEqual(outcome, { status: 'unreachable', httpStatus: 403 });
        else assert.equal(outcome.status, 'delivered', `${conversation}: ${JSON.stringify(outcome)}`);
      }
      assert.equal(channel.arrivals.get('blocked')?.length, 2, 'each job to the blocked conversation was tried once');
      assert.deepEqual({ ...queue.stats, totalWaitMs: 0 }, { sent: 40, throttled429: 5, retried: 7, unreachable: 2, failed: 0, totalWaitMs: 0 });

      for (const conversation of conversations) {
        const arrivals = channel.arrivals.get(conversation) ?? [];
        assert.equal(channel.delivered.get(conversation), 8, conversation);

        const throttledAt = channel.throttledAt.get(conversation) ?? Infinity;
        const comeback = arrivals[1]?.at ?? -Infinity;
        assert.ok(comeback >= throttledAt + 1_000, `${conversation} came back ${comeback - throttledAt} ms after its 429`);

        const sends = sentAt.get(conversation) ?? [];
        assert.ok(maxInAnyWindow(sends, 1_000 - TICK_SLACK_MS) <= 7 && maxInAnyWindow(sends, 2_000 - TICK_SLACK_MS) <= 8,
          `${conversation} sent too fast: ${sends.join(' ')}`);

        // Arrivals shift against the sends by the spread of their lags; a burst the queue let through would still land within it.
        const lags = arrivals.map((a) => a.lag);
        const jitter = Math.max(...lags) - Math.min(...lags) + TICK_SLACK_MS;
        assert.ok(maxInAnyWindow(arrivals.map((a) => a.at), 1_000 - jitter) <= 7, `${conversation} arrived too fast (jitter ${jitter} ms)`);
      }
    } finally {
      channel.server.closeAllConnections();
      await new Promise<void>((resolve) => { channel.server.close(() => { resolve(); }); });
    }
  });
});
