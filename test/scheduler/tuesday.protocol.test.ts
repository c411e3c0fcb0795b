import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweep } from '../../scheduler/weekly-scheduler';
import { execute, installation, message, type User } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';

/** Week 49 of 2026: Tuesday 1 December. Stockholm is UTC+1 in winter. */
const TUESDAY_0830 = '2026-12-01T07:30:00Z';
const TUESDAY_0900 = '2026-12-01T08:00:00Z';
const TUESDAY_1100 = '2026-12-01T10:00:00Z';
const TUESDAY_1230 = '2026-12-01T11:30:00Z';

function actionData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const actions = card.actions as Array<{ verb?: string; data: Record<string, unknown> }>;
  const action = actions.find((a) => a.verb === verb);
  assert.ok(action, `card has no ${verb} action`);
  return action.data;
}

describe('A whole Tuesday for the Norrtälje sample', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let dataDir: string;
  /** The questionnaires each reporter received at 09:00, by Entra id. */
  const prompts = new Map<string, Array<Record<string, unknown>>>();
  const users = (): User[] => h.m.reporters.map((r) => ({ aadObjectId: r.id, name: r.name }));

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-tuesday-'));
    h = await BotHarness.start({ now: TUESDAY_0830, dataDir });
    // Everyone but the last reporter has the app installed; the last one gets a conversation created.
    for (const user of users().slice(0, -1)) assert.equal((await h.post(installation(h.ctx, user))).status, 200);
  });

  after(async () => {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends each reporter one questionnaire per town they cover, in their language', async () => {
    h.clock.set(TUESDAY_0900);
    h.channel.clear();
    await sweep(h.bot.deps.jobs);
    for (const reporter of h.m.reporters) {
      const cards = reporter === h.m.reporters.at(-1)
        ? h.channel.cardsIn(`a:created-${reporter.id}`)
        : h.cardsFor({ aadObjectId: reporter.id });
      assert.equal(cards.length, reporter.towns.length, `${reporter.name} got ${cards.length} cards`);
      prompts.set(reporter.id, cards);
      const towns = cards.map((c) => actionData(c, 'submitReport').townId).sort();
      assert.deepEqual(towns, [...reporter.towns].sort());
      const expectTitle = reporter.language === 'en' ? 'Situation picture' : 'Lägesbild';
      assert.match(cardText(cards[0]), new RegExp(expectTitle));
    }
    assert.equal(h.channel.createdConversations.length, 1, 'one conversation created for the reporter without the app');
  });

  it('sends nothing twice when the job runs again', async () => {
    h.channel.clear();
    await sweep(h.bot.deps.jobs);
    const { sendPrompts } = await import('../../scheduler/prompts-job');
    const again = await sendPrompts(h.bot.deps.jobs, h.m.id);
    assert.equal(again.sent, 0);
    assert.equal(h.channel.activities.length, 0);
  });

  it('takes answers, turns the card into a receipt, and revises the same answer on edit', async () => {
    const [first, second] = users();
    const card = prompts.get(first!.aadObjectId)![0]!;
    const data = actionData(card, 'submitReport');
    const res = await h.post(execute(h.ctx, first!, 'submitReport', {
      ...data, grade: '3', categories: 'vandalism,drugs', what: 'Klotter vid busstationen', areas: 'Busstationen', when: 'evening,night', measures: 'Bättre belysning',
    }));
    assert.equal(res.status, 200);
    const receipt = BotHarness.invokeCard(res.body);
    assert.ok(receipt, 'the invoke answered with a card');
    assert.match(cardText(receipt), /Tack!/);
    assert.match(cardText(receipt), /Klotter vid busstationen/);
    assert.ok((receipt.actions as Array<{ verb: string }>).some((a) => a.verb === 'editReport'));

    const editRes = await h.post(execute(h.ctx, first!, 'editReport', actionData(receipt, 'editReport')));
    const editCard = BotHarness.invokeCard(editRes.body)!;
    assert.match(cardText(editCard), /Klotter vid busstationen/, 'the edit card keeps the saved answer');
    await h.post(execute(h.ctx, first!, 'submitReport', { ...actionData(editCard, 'submitReport'), grade: '2', what: 'Klotter, nu sanerat' }));

    const nothing = await h.post(execute(h.ctx, second!, 'nothingToReport', actionData(prompts.get(second!.aadObjectId)![0]!, 'nothingToReport')));
    assert.match(cardText(BotHarness.invokeCard(nothing.body)), /Inget att rapportera/);

    const { reports } = await h.stores.weekly.listWeek(h.m.id, '2026-W49');
    const mine = reports.filter((r) => r.reporterId === first!.aadObjectId);
    assert.equal(mine.length, 1, 'one answer, revised in place');
    assert.equal(mine[0]!.revision, 2);
    assert.equal(mine[0]!.answer.grade, 2);
    assert.equal(reports.length, 2);
  });

  it('reminds only those who have not answered and are not away, once per occasion', async () => {
    const [first, second, third] = users();
    assert.match((await h.post(message(h.ctx, third!, 'borta'))).status.toString(), /200/);
    h.clock.set(TUESDAY_1100);
    h.channel.clear();
    await sweep(h.bot.deps.jobs);
    await sweep(h.bot.deps.jobs);
    for (const quiet of [first!, second!, third!]) {
      const towns = h.m.reporters.find((r) => r.id === quiet.aadObjectId)!.towns;
      // The first two answered their first town only; a second town still gets its reminder.
      const reminded = h.cardsFor(quiet).length;
      const expected = quiet === third ? 0 : towns.length - 1;
      assert.equal(reminded, expected, `${quiet.name} got ${reminded} reminders`);
    }
    const fourth = users()[3]!;
    const fourthTowns = h.m.reporters[3]!.towns.length;
    assert.equal(h.cardsFor(fourth).length, fourthTowns, 'a missing reporter gets one reminder per town');
    assert.match(h.textsFor(fourth)[0]!, /Påminnelse/);
  });

  it('gives the 12:30 reminder once more to those still missing', async () => {
    h.clock.set(TUESDAY_1230);
    h.channel.clear();
    await sweep(h.bot.deps.jobs);
    const fourth = users()[3]!;
    assert.equal(h.cardsFor(fourth).length, h.m.reporters[3]!.towns.length);
    assert.equal(h.cardsFor(users()[2]!).length, 0, 'away reporters get no reminder');
  });

  it('keeps the answers across a restart of the bot and the local store', async () => {
    await h.bot.stop();
    await h.stores.close();
    await h.cosmos.stop();
    const restarted = await BotHarness.start({ now: TUESDAY_1230, dataDir });
    try {
      const { reports, absences } = await restarted.stores.weekly.listWeek(h.m.id, '2026-W49');
      assert.equal(reports.length, 2);
      assert.equal(absences.length, 1);
      const coordinator = { aadObjectId: h.m.coordinators[0]!.id };
      await restarted.post(message(restarted.ctx, coordinator, 'status'));
      const status = restarted.textsFor(coordinator).join('\n');
      assert.match(status, /Svarsfrekvens v\. 49/);
      assert.match(status, /Borta: /);
    } finally {
      await restarted.stop();
      h = await BotHarness.start({ now: TUESDAY_1230 });
    }
  });
});
