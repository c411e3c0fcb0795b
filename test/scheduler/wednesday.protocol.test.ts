import assert from 'node:assert/strict';
import { sweep } from '../../scheduler/weekly-scheduler';
import { execute, installation, message } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';

describe('Wednesday: the compiled picture in the meeting channel', function () {
  this.timeout(60_000);
  let h: BotHarness;
  const channelId = () => h.m.meetingChannel!.conversationId;

  before(async () => {
    h = await BotHarness.start({ now: '2026-12-01T09:00:00Z' });
    const [a, b] = h.m.reporters.filter((r) => r.towns.includes('rimbo'));
    for (const r of [a!, b!]) {
      await h.post(installation(h.ctx, { aadObjectId: r.id }));
      await h.post(execute(h.ctx, { aadObjectId: r.id }, 'submitReport', {
        verb: 'submitReport', municipalityId: h.m.id, week: '2026-W49', townId: 'rimbo', grade: '3', categories: 'drugs', what: 'Misstänkt langning vid skolan', areas: 'Skolområdet',
      }));
    }
  });
  after(() => h.stop());

  it('posts the overview and one card per town at 14:30, once', async () => {
    h.clock.set('2026-12-02T13:30:00Z');
    h.channel.clear();
    await sweep(h.bot.deps.jobs);
    await sweep(h.bot.deps.jobs);
    const cards = h.channel.cardsIn(channelId());
    assert.ok(cards.length >= 1 + h.m.towns.length, `got ${cards.length} cards`);
    assert.match(cardText(cards[0]), /v\. 49/);
    const rimbo = cards.map(cardText).find((c) => /Rimbo/.test(c) && /langning/.test(c));
    assert.ok(rimbo, 'the Rimbo card shows the observations');
    for (const town of h.m.towns) assert.ok(cards.some((c) => cardText(c).includes(town.name)));
    const count = cards.length;
    await sweep(h.bot.deps.jobs);
    assert.equal(h.channel.cardsIn(channelId()).length, count, 'the scheduled picture goes out once');
  });

  it('reposts the picture for a week on a coordinator\'s request', async () => {
    const coordinator = { aadObjectId: h.m.coordinators[0]!.id };
    h.channel.clear();
    await h.post(message(h.ctx, coordinator, 'lägesbild 49'));
    for (let i = 0; i < 100 && !h.textsFor(coordinator).some((t) => /publicerad/.test(t)); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(h.textsFor(coordinator).at(-1)!, /Lägesbilden för v\. 49 är publicerad/);
    assert.ok(h.channel.cardsIn(channelId()).length >= 4);
  });

  it('refuses the picture command from a reporter', async () => {
    const reporter = { aadObjectId: h.m.reporters[0]!.id };
    await h.post(message(h.ctx, reporter, 'picture'));
    assert.match(h.textsFor(reporter).at(-1)!, /bara för samordnare/);
  });
});
