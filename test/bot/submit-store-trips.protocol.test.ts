import assert from 'node:assert/strict';
import { dataRoundTrips, StoreOpCounter, tallyBetween, type OpTally } from '../../bench/store-ops';
import { execute, type User } from '../support/activities';
import { BotHarness } from '../support/bot-harness';

/** Tuesday 1 December 2026, 10:00 in Stockholm: the week is open, the deadline is 13:00. */
const NOW = '2026-12-01T09:00:00Z';

/**
 * Store round trips of a questionnaire submit, counted at the HTTP client (as the bench does).
 * The conversation reference, the registry changes and the person's language are not the
 * answer: once the bot has seen the reporter, a submit reads and writes only the answer.
 */
describe('What a questionnaire submit costs the store', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let counter: StoreOpCounter;

  before(async () => {
    h = await BotHarness.start({ now: NOW });
    counter = new StoreOpCounter(Number(new URL(h.cosmos.endpoint).port));
  });
  after(async () => {
    counter.dispose();
    await h.stop();
  });
  beforeEach(() => h.clock.set(NOW));

  async function submitCounted(user: User, townId: string, serviceUrl = h.ctx.serviceUrl): Promise<OpTally> {
    const before = counter.snapshot();
    const res = await h.post(execute({ ...h.ctx, serviceUrl }, user, 'submitReport', {
      verb: 'submitReport', municipalityId: h.m.id, week: '2026-W49', townId, grade: '3', what: 'Klotter vid busskuren',
    }));
    assert.equal(res.status, 200);
    assert.ok(BotHarness.invokeCard(res.body), `a receipt card, not ${JSON.stringify(res.body)}`);
    return tallyBetween(before, counter.snapshot());
  }

  it('reads and writes only the answer once the reporter has been seen: two round trips a submit', async () => {
    const karin = h.m.reporters.find((r) => r.towns.length >= 3)!;
    const user = { aadObjectId: karin.id };
    await submitCounted(user, karin.towns[0]!); // first turn: stores the reference, reads registry and language
    for (const townId of [karin.towns[1]!, karin.towns[2]!, karin.towns[1]!]) {
      const t = await submitCounted(user, townId);
      assert.equal(dataRoundTrips(t), 2, `round trips of a submit to ${townId}: ${JSON.stringify(t.count)}`);
      assert.deepEqual({ pointRead: t.count.pointRead, query: t.count.query, write: t.count.write }, { pointRead: 1, query: 0, write: 1 });
    }
    const { reports } = await h.stores.weekly.listWeek(h.m.id, '2026-W49');
    assert.deepEqual(reports.filter((r) => r.reporterId === karin.id).map((r) => `${r.townId}:${r.revision}`).sort(),
      [`${karin.towns[0]}:1`, `${karin.towns[1]}:2`, `${karin.towns[2]}:1`].sort());
  });

  it('stores the reference of a person it has not seen, and stores it again when it changes', async () => {
    const reporter = h.m.reporters[6]!;
    const user = { aadObjectId: reporter.id };
    const first = await submitCounted(user, reporter.towns[0]!);
    assert.equal(first.count.write, 2, 'the reference and the answer');
    assert.equal((await h.stores.conversations.get(h.m.id, `user:${reporter.id}`))?.serviceUrl, h.ctx.serviceUrl);

    // Teams moved the person to another service URL: the new one is stored at once.
    const moved = h.ctx.serviceUrl.replace('127.0.0.1', 'localhost');
    const second = await submitCounted(user, reporter.towns[0]!, moved);
    assert.equal(second.count.write, 2, 'the changed reference and the answer');
    assert.equal((await h.stores.conversations.get(h.m.id, `user:${reporter.id}`))?.serviceUrl, moved);
    assert.equal((await submitCounted(user, reporter.towns[0]!, moved)).count.write, 1, 'unchanged again: only the answer');
  });
});
