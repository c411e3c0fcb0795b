import assert from 'node:assert/strict';
import { startBot, type RunningBot } from '../../host';
import { silentLogger } from '../../observability/logger';
import { sweep } from '../../scheduler/weekly-scheduler';
import { cardText } from '../support/bot-harness';
import { MeetingFixture, personalCards } from '../actions/support/meeting';
import { questionnaireKeys } from './support/deliveries';

/**
 * Issue 5, point 1, for every scheduled job: three bot instances on one store sweep at the same
 * moment, as three App Service instances whose timers fire together. Each occurrence must run on
 * one of them only: the owner's action reminder, Tuesday's prompts, the 11:00 reminder and
 * Wednesday's picture each arrive once. (Separate processes are in multi-process.test.ts.)
 */
describe('Three instances sweeping at once run each job occurrence once', function () {
  this.timeout(120_000);
  let f: MeetingFixture;
  const others: RunningBot[] = [];
  let police: string;
  const all = () => [f.h.bot, ...others];

  async function sweepEverywhereAt(instant: string): Promise<void> {
    f.h.clock.set(instant);
    f.h.channel.clear();
    await Promise.all(all().map((b) => sweep(b.deps.jobs)));
  }

  /** Every (conversation, town) questionnaire the channel got since the last clear, with repeats. */
  function questionnaires(): { total: number; distinct: number; repeated: string[] } {
    const keys = questionnaireKeys(f.h.channel);
    const seen = new Map<string, number>();
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    return { total: keys.length, distinct: seen.size, repeated: [...seen].filter(([, n]) => n > 1).map(([k]) => k) };
  }

  const pairs = () => f.m.reporters.reduce((n, r) => n + r.towns.length, 0);

  before(async () => {
    f = await MeetingFixture.start();
    police = f.m.meetingMembers[0]!.id;
    await f.assign('Extra patrull vid torget', police, { due: '2026-12-07' });
    for (const id of ['instance-b', 'instance-c']) {
      others.push(await startBot({
        bot: { type: 'MultiTenant' }, port: 0, host: '127.0.0.1', municipalities: [f.m], stores: f.h.stores, log: silentLogger,
        clock: f.h.clock, scheduler: false, instanceId: id,
      }));
    }
  });
  after(async () => {
    for (const b of others) await b.stop();
    await f.stop();
  });

  it('an action owner gets one due reminder', async () => {
    await sweepEverywhereAt('2026-12-05T08:30:00Z');
    const reminders = personalCards(f.h, police).filter((c) => /Påminnelse: klart senast/.test(cardText(c)));
    assert.equal(reminders.length, 1);
  });

  it('every reporter gets one questionnaire per town on Tuesday', async () => {
    await sweepEverywhereAt('2026-12-08T08:00:30Z');
    const q = questionnaires();
    assert.deepEqual(q.repeated, []);
    assert.equal(q.distinct, pairs());
  });

  it('the 11:00 reminder reaches each missing (reporter, town) once', async () => {
    await sweepEverywhereAt('2026-12-08T10:00:30Z');
    const q = questionnaires();
    assert.deepEqual(q.repeated, []);
    assert.equal(q.distinct, pairs(), 'nobody has answered: everyone is reminded');
  });

  it('Wednesday\'s picture is posted once', async () => {
    await sweepEverywhereAt('2026-12-09T13:30:30Z');
    const posted = f.h.channel.cardsIn(f.channelId);
    const recorded = (await f.h.stores.operations.listSends(f.m.id, 'picture:2026-W50:scheduled:')).filter((s) => s.status === 'delivered');
    assert.ok(posted.length >= 1 + f.m.towns.length, `${posted.length} cards`);
    assert.equal(posted.length, recorded.length, 'one card per ledger entry');
    assert.equal(posted.filter((c) => /v\. 50/.test(cardText(c)) && /Lägesbild/.test(cardText(c))).length >= 1, true);
    const texts = posted.map(cardText);
    assert.equal(new Set(texts).size, texts.length, 'no card posted twice');
  });
});
