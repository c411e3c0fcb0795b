import assert from 'node:assert/strict';
import { CONVERSATION_REFRESH_MS } from '../../bot/conversation-memory';
import { REGISTRY_CACHE_MS } from '../../domain/cached-registry';
import { startBot, type RunningBot } from '../../host';
import { silentLogger } from '../../observability/logger';
import { execute, installation, message, type User } from '../support/activities';
import { BotHarness } from '../support/bot-harness';

/** Tuesday 1 December 2026, 10:00 in Stockholm: the week is open, the deadline is 13:00. */
const NOW = '2026-12-01T09:00:00Z';
const plus = (ms: number) => new Date(new Date(NOW).getTime() + ms);

/**
 * Two instances of the bot on one store, as on App Service with more than one instance. Each
 * keeps the registry and the languages in memory for a short while: a change made on one
 * instance holds on that instance at once and on the other within REGISTRY_CACHE_MS. The
 * clock is the domain's, set by the test, not slept on.
 */
describe('Two bot instances on one store', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let a: RunningBot;
  let b: RunningBot;
  let coordinator: User;

  before(async () => {
    h = await BotHarness.start({ now: NOW });
    a = h.bot;
    b = await startBot({
      bot: { type: 'MultiTenant' }, port: 0, host: '127.0.0.1', municipalities: [h.m], stores: h.stores, log: silentLogger,
      clock: h.clock, scheduler: false, instanceId: 'test-instance-b',
    });
    coordinator = { aadObjectId: h.m.coordinators[0]!.id };
  });
  after(async () => {
    await b.stop();
    await h.stop();
  });
  beforeEach(() => {
    h.clock.set(NOW);
    h.channel.clear();
  });

  async function post(on: RunningBot, activity: object): Promise<unknown> {
    const res = await fetch(`${on.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    assert.equal(res.status, 200);
    const text = await res.text();
    return text ? JSON.parse(text) as unknown : undefined;
  }

  async function say(on: RunningBot, user: User, text: string): Promise<string> {
    await post(on, message(h.ctx, user, text));
    return h.textsFor(user).at(-1) ?? '';
  }

  /** 'saved' when the answer was taken (a receipt card), else the message the bot answered with. */
  async function submitOn(on: RunningBot, user: User, townId: string): Promise<string> {
    const body = await post(on, execute(h.ctx, user, 'submitReport', {
      verb: 'submitReport', municipalityId: h.m.id, week: '2026-W49', townId, grade: '2', what: 'Nedskräpning vid stationen',
    }));
    return BotHarness.invokeCard(body) ? 'saved' : BotHarness.invokeMessage(body) ?? JSON.stringify(body);
  }

  it('takes answers from a reporter added on A: on A at once, on B within REGISTRY_CACHE_MS; and refuses them after removal', async () => {
    const nina = { aadObjectId: '00000000-0000-4000-8000-0000000009b1' };
    // B has read the registry before the change, so it holds the old one in memory.
    assert.match(await submitOn(b, nina, 'hallstavik'), /inte registrerad som rapportör/);
    assert.match(await submitOn(a, nina, 'hallstavik'), /inte registrerad som rapportör/);

    assert.match(await say(a, coordinator, `rapportör lägg till ${nina.aadObjectId} hallstavik Nina Nyström | Hallstaviks bibliotek`), /Nina Nyström är registrerad/);
    assert.equal(await submitOn(a, nina, 'hallstavik'), 'saved', 'the instance that made the change knows at once');
    h.clock.set(plus(REGISTRY_CACHE_MS));
    assert.equal(await submitOn(b, nina, 'hallstavik'), 'saved', 'the other instance within REGISTRY_CACHE_MS');

    assert.match(await say(b, coordinator, `rapportör ta bort ${nina.aadObjectId}`), /Nina Nyström är borttagen/);
    assert.match(await submitOn(b, nina, 'hallstavik'), /inte registrerad som rapportör/, 'removed on B: refused on B at once');
    h.clock.set(plus(2 * REGISTRY_CACHE_MS));
    assert.match(await submitOn(a, nina, 'hallstavik'), /inte registrerad som rapportör/, 'and on A within REGISTRY_CACHE_MS');
  });

  it('answers in the language chosen on A: on A at once, on B within REGISTRY_CACHE_MS', async () => {
    const maria = { aadObjectId: h.m.reporters[1]!.id };
    assert.match(await say(b, maria, 'hjälp'), /Lägesbild – kommandon/);
    try {
      assert.match(await say(a, maria, 'language en'), /I now answer in English/);
      assert.match(await say(a, maria, 'hjälp'), /Lägesbild – commands/, 'at once on the instance that stored it');
      h.clock.set(plus(REGISTRY_CACHE_MS));
      assert.match(await say(b, maria, 'hjälp'), /Lägesbild – commands/, 'within REGISTRY_CACHE_MS on the other');
    } finally {
      await say(a, maria, 'språk sv');
    }
    assert.match(await say(a, maria, 'help'), /Lägesbild – kommandon/);
  });

  it('takes someone erased on A off the reporter list on A at once, and on B within REGISTRY_CACHE_MS', async () => {
    const per = h.m.reporters.find((r) => r.name === 'Per Nilsson')!;
    const user = { aadObjectId: per.id };
    assert.equal(await submitOn(a, user, per.towns[0]!), 'saved');
    assert.equal(await submitOn(b, user, per.towns[0]!), 'saved');
    assert.match(await say(a, coordinator, `radera ${per.id} bekräfta`), new RegExp(per.id));
    assert.match(await submitOn(a, user, per.towns[0]!), /inte registrerad som rapportör/);
    h.clock.set(plus(REGISTRY_CACHE_MS));
    assert.match(await submitOn(b, user, per.towns[0]!), /inte registrerad som rapportör/);
  });

  it('makes a person reachable again when they write after a 403: at once on the instance that saw it or on a reinstall, within CONVERSATION_REFRESH_MS on another', async () => {
    const eva = h.m.reporters.find((r) => r.name === 'Eva Jansson')!;
    const user = { aadObjectId: eva.id };
    const key = `user:${eva.id}`;
    const stored = async () => h.stores.conversations.get(h.m.id, key);
    assert.equal(await submitOn(a, user, eva.towns[0]!), 'saved');
    assert.equal(await submitOn(b, user, eva.towns[0]!), 'saved');

    // A's notifier got a 403 for her: A forgets the reference and stores it again at her next turn.
    await a.deps.conversations.markUnreachable(h.m.id, key, NOW);
    assert.ok((await stored())?.unreachableSince);
    assert.equal(await submitOn(a, user, eva.towns[0]!), 'saved');
    assert.equal((await stored())?.unreachableSince, undefined, 'reachable again at once on A');

    // B's notifier got one, and she reinstalls the app on A: the install is stored at once.
    await b.deps.conversations.markUnreachable(h.m.id, key, NOW);
    assert.ok((await stored())?.unreachableSince);
    await post(a, installation(h.ctx, user));
    assert.equal((await stored())?.unreachableSince, undefined, 'reachable again at once after a reinstall');

    // B's notifier got one: A learns of it at her first turn there after CONVERSATION_REFRESH_MS.
    await b.deps.conversations.markUnreachable(h.m.id, key, NOW);
    assert.ok((await stored())?.unreachableSince);
    h.clock.set(plus(CONVERSATION_REFRESH_MS));
    assert.equal(await submitOn(a, user, eva.towns[0]!), 'saved');
    assert.equal((await stored())?.unreachableSince, undefined, 'reachable again on A within CONVERSATION_REFRESH_MS');
  });
});
