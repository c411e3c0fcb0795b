import assert from 'node:assert/strict';
import { sweep } from '../../scheduler/weekly-scheduler';
import type { SendStatus } from '../../domain/ports';
import { BotHarness } from '../support/bot-harness';
import { countDeliveries, questionnaireKeys, seedCoordinatorConversations, seedReporterConversations } from './support/deliveries';
import { sample } from './support/paths';

/** Tuesday 1 December 2026 (week 49), 09:05 in Stockholm: a runner that started the prompts at 09:00 died. */
const TUESDAY_0905 = '2026-12-01T08:05:00Z';
/** When the dead runner marked its sends: more than the two minutes that make a claim stale. */
const TUESDAY_0900 = '2026-12-01T08:00:05Z';
/** The first reminder. */
const TUESDAY_1100 = '2026-12-01T10:00:00Z';

/**
 * Issue 5, point 2, at the ledger: what a runner that died left behind. A send it had only
 * claimed (still waiting in its queue) is sent by the next runner; one it had handed to the
 * channel may have arrived, so it is not sent again: it is recorded `uncertain`, the coordinators
 * are told whom it concerns, and the next reminder carries the questionnaire to that reporter.
 */
describe('Sends a dead runner left behind', function () {
  this.timeout(60_000);
  const m = sample();
  let h: BotHarness;
  // Three different reporters, each with one of their towns.
  const pick = (i: number) => ({ reporter: m.reporters[i]!, town: m.reporters[i]!.towns[0]! });
  const [onWire, queued, observed] = [pick(0), pick(1), pick(2)];
  const key = (p: typeof onWire) => `prompts:2026-W49:${p.town}:${p.reporter.id}`;
  let statusAtChannel: Promise<SendStatus | undefined> | undefined;

  before(async () => {
    h = await BotHarness.start({ now: TUESDAY_0905, municipality: m });
    await seedReporterConversations(h.stores, m, h.channel.serviceUrl);
    await seedCoordinatorConversations(h.stores, m, h.channel.serviceUrl);
    const left = (p: typeof onWire, status: SendStatus) => h.stores.operations.recordSend({
      id: `send:${key(p)}`, municipalityId: m.id, key: key(p), status, at: TUESDAY_0900, owner: 'dead-instance',
    });
    await left(onWire, 'sending');
    await left(queued, 'pending');
    // The first request for one card is answered 503 (come back in a second); meanwhile, read what the ledger says of it.
    h.channel.faults = (conversationId, attempt) => {
      if (conversationId !== `a:${observed.reporter.id}` || attempt !== 1) return undefined;
      statusAtChannel = h.stores.operations.getSend(m.id, key(observed)).then((r) => r?.status);
      return { status: 503, retryAfter: '1' };
    };
    await sweep(h.bot.deps.jobs);
  });

  after(() => h.stop());

  const cardsFor = (p: typeof onWire) => questionnaireKeys(h.channel).filter((k) => k === `a:${p.reporter.id}|${p.town}`).length;

  it('sends the card the dead runner had only queued, and every other card, once', () => {
    assert.equal(cardsFor(queued), 1);
    const count = countDeliveries(m, h.channel);
    assert.deepEqual(count.repeated, [], 'no card twice');
    assert.deepEqual(count.missing, [`a:${onWire.reporter.id}|${onWire.town}`], 'only the card that was on the wire is not sent');
  });

  it('records the card that was on the wire as uncertain, and does not send it again on later runs', async () => {
    assert.equal((await h.stores.operations.getSend(m.id, key(onWire)))?.status, 'uncertain');
    h.clock.set('2026-12-01T08:20:00Z');
    await sweep(h.bot.deps.jobs);
    assert.equal(cardsFor(onWire), 0);
  });

  it('tells each coordinator once whom it concerns and how to follow up', () => {
    for (const c of m.coordinators) {
      const notes = h.textsFor({ aadObjectId: c.id }).filter((t) => /stoppades oväntat/.test(t));
      assert.equal(notes.length, 1, `${c.name}: ${notes.length} notes`);
      assert.match(notes[0]!, new RegExp(`till ${onWire.reporter.name} \\(${m.towns.find((t) => t.id === onWire.town)!.name}\\)`));
      assert.match(notes[0]!, /skriv "påminn"/);
      assert.doesNotMatch(notes[0]!, new RegExp(queued.reporter.name), 'the resent card is not called uncertain');
    }
  });

  it('marks a card as on the wire before the channel has it', async () => {
    assert.ok(statusAtChannel, 'the observed card reached the channel');
    assert.equal(await statusAtChannel, 'sending');
    assert.equal((await h.stores.operations.getSend(m.id, key(observed)))?.status, 'delivered');
  });

  it('the next reminder brings the questionnaire to the reporter whose card may be lost', async () => {
    h.clock.set(TUESDAY_1100);
    await sweep(h.bot.deps.jobs);
    assert.equal(cardsFor(onWire), 1);
    assert.ok(h.textsFor({ aadObjectId: onWire.reporter.id }).some((t) => /^Påminnelse/.test(t)), 'it comes as a reminder');
  });
});
