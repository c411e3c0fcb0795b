import assert from 'node:assert/strict';
import { weekKey } from '../../domain/iso-week';
import { sweep } from '../../scheduler/weekly-scheduler';
import { BotHarness } from '../support/bot-harness';
import { countDeliveries, seedCoordinatorConversations, seedReporterConversations } from './support/deliveries';
import { sample } from './support/paths';

/** Tuesday 1 December 2026 (week 49), 09:00 in Stockholm: the prompts are due. */
const TUESDAY_0900 = '2026-12-01T08:00:00Z';

interface Request { attempt: number; status: number; at: number }

/**
 * Issue 5, point 2: the channel answers 429 (Retry-After: 1) on some conversations, 503 on
 * others and 403 for one reporter, while Tuesday's prompts go out. Each card must end delivered
 * or recorded as undeliverable, the blocked reporter marked unreachable, the coordinators told,
 * and Retry-After waited out. Every request the channel sees is logged, to tell whether the Bot
 * Framework connector retried on its own before the send queue saw the failure.
 */
describe('Faults at the channel during the prompts', function () {
  this.timeout(60_000);
  let h: BotHarness;
  const requests = new Map<string, Request[]>();
  const m = sample();
  const conversation = (i: number) => `a:${m.reporters[i]!.id}`;
  /** Five reporters' conversations answer 429 once, five more 503 twice, and one reporter (three towns) has blocked the bot. */
  const throttled = [0, 1, 2, 3, 4].map(conversation);
  const unavailable = [5, 6, 7, 8, 9].map(conversation);
  const blockedIndex = 10;
  const blocked = conversation(blockedIndex);
  let elapsedMs = 0;

  before(async () => {
    h = await BotHarness.start({ now: TUESDAY_0900, municipality: m });
    await seedReporterConversations(h.stores, m, h.channel.serviceUrl);
    await seedCoordinatorConversations(h.stores, m, h.channel.serviceUrl);
    h.channel.faults = (conversationId, attempt) => {
      let fault: { status: number; retryAfter?: string } | undefined;
      if (throttled.includes(conversationId) && attempt === 1) fault = { status: 429, retryAfter: '1' };
      else if (unavailable.includes(conversationId) && attempt <= 2) fault = { status: 503 };
      else if (conversationId === blocked) fault = { status: 403 };
      const list = requests.get(conversationId) ?? [];
      list.push({ attempt, status: fault?.status ?? 200, at: Date.now() });
      requests.set(conversationId, list);
      return fault;
    };
    const t0 = Date.now();
    await sweep(h.bot.deps.jobs);
    elapsedMs = Date.now() - t0;
  });

  after(() => h.stop());

  it('delivers every card but the blocked reporter\'s, each once', () => {
    const count = countDeliveries(m, h.channel);
    const blockedKeys = m.reporters[blockedIndex]!.towns.map((t) => `${blocked}|${t}`);
    assert.deepEqual(count.missing.sort(), blockedKeys.sort());
    assert.deepEqual(count.repeated, []);
  });

  it('records every card in the ledger as delivered or undeliverable', async () => {
    const week = weekKey({ year: 2026, week: 49 });
    const sends = await h.stores.operations.listSends(m.id, `prompts:${week}:`);
    const expected = m.reporters.flatMap((r) => r.towns.map((t) => `prompts:${week}:${t}:${r.id}`)).sort();
    assert.deepEqual(sends.map((s) => s.key).sort(), expected, 'one ledger entry per card');
    const blockedId = m.reporters[blockedIndex]!.id;
    for (const s of sends) {
      if (s.key.endsWith(blockedId)) assert.equal(s.status, 'unreachable', s.key);
      else assert.equal(s.status, 'delivered', s.key);
    }
  });

  it('marks the blocked reporter\'s conversation unreachable, and only that one', async () => {
    for (const [i, r] of m.reporters.entries()) {
      const stored = await h.stores.conversations.get(m.id, `user:${r.id}`);
      if (i === blockedIndex) assert.ok(stored?.unreachableSince, 'blocked reporter marked unreachable');
      else assert.equal(stored?.unreachableSince, undefined, `${r.name} is reachable`);
    }
  });

  it('tells the coordinators that cards could not be delivered', () => {
    const failed = m.reporters[blockedIndex]!.towns.length;
    for (const c of m.coordinators) {
      const texts = h.channel.textsIn(`a:${c.id}`);
      assert.equal(texts.length, 1, `${c.name} got one note`);
      assert.match(texts[0]!, new RegExp(`${failed} kunde inte levereras`));
    }
  });

  it('waits out Retry-After: the next request on a throttled conversation comes at least 1000 ms after the 429', () => {
    for (const id of throttled) {
      const log = requests.get(id)!;
      assert.equal(log[0]!.status, 429);
      assert.ok(log.length >= 2, `${id} was retried`);
      const gap = log[1]!.at - log[0]!.at;
      assert.ok(gap >= 1000, `${id}: retried ${gap} ms after the 429`);
    }
  });

  it('retries 503 until the channel takes the card', () => {
    for (const id of unavailable) {
      const log = requests.get(id)!;
      assert.deepEqual(log.slice(0, 3).map((r) => r.status), [503, 503, 200], id);
    }
  });

  /**
   * The send queue owns retrying (Retry-After, jittered backoff, 5 attempts, the rate limits).
   * botframework-connector's pipeline has its own default retry policy (3 retries: 429/503 with
   * Retry-After, 5xx with 1 s exponential backoff) that retries before the queue sees anything,
   * so attempts multiply and the queue's bounds do not hold. Fails while that policy is on.
   */
  it('leaves retrying to the send queue: every 429 and 503 at the channel reaches it', () => {
    const stats = h.bot.queue.stats;
    const channel429 = [...requests.values()].flat().filter((r) => r.status === 429).length;
    const channel503 = [...requests.values()].flat().filter((r) => r.status === 503).length;
    const channel403 = [...requests.values()].flat().filter((r) => r.status === 403).length;
    const gaps503 = unavailable.map((id) => requests.get(id)!).map((log) => `${log[1]!.at - log[0]!.at}/${log[2]!.at - log[1]!.at}`);
    process.stdout.write(`      channel: ${channel429}×429, ${channel503}×503, ${channel403}×403; send queue saw ${stats.throttled429}×429, `
      + `retried ${stats.retried}, unreachable ${stats.unreachable}, failed ${stats.failed}; 503 retry gaps (ms) ${gaps503.join(' ')}; job took ${elapsedMs} ms\n`);
    const hidden = channel429 + channel503 - stats.retried;
    process.stdout.write(`      connector-internal retries: ${hidden > 0 ? `yes (${hidden} of ${channel429 + channel503} retries were not the queue's)` : 'no'}\n`);
    // A 403 is final: neither layer may repeat it per card. A card prepared after the first 403
    // was recorded finds the reference marked unreachable and is not sent at all.
    assert.ok(channel403 >= 1 && channel403 <= m.reporters[blockedIndex]!.towns.length,
      `${channel403}×403 for ${m.reporters[blockedIndex]!.towns.length} cards`);
    assert.equal(stats.throttled429, channel429, 'the queue saw every 429');
    assert.equal(stats.retried, channel429 + channel503, 'every retry was the queue\'s');
  });
});
