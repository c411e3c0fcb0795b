import assert from 'node:assert/strict';
import type { Action } from '../../domain/picture/meeting';
import { sendActionReminders } from '../../scheduler/action-reminders-job';
import { sweep } from '../../scheduler/weekly-scheduler';
import { cardText } from '../support/bot-harness';
import { findAction, MeetingFixture, personalCards, personalTexts, user, waitFor } from './support/meeting';

describe('Owners are reminded of their open actions', function () {
  this.timeout(60_000);
  let f: MeetingFixture;
  let police: string;
  let rescue: string;
  let social: string;
  const a: Record<'patrol' | 'graffiti' | 'sign' | 'landlord' | 'youth', Action> = {} as never;
  const reminders = (id: string) => personalCards(f.h, id).filter((c) => /Påminnelse: klart senast/.test(cardText(c)));
  const lists = (id: string) => personalCards(f.h, id).filter((c) => /Lägesbildsmöte i dag: dina öppna åtgärder/.test(cardText(c)));

  before(async () => {
    f = await MeetingFixture.start();
    [police, rescue, social] = f.m.meetingMembers.map((p) => p.id) as [string, string, string];
    a.patrol = await f.assign('Extra patrull vid torget', police, { due: '2026-12-07' });
    a.graffiti = await f.assign('Sanera klottret i tunneln', police, { due: '2026-12-07' });
    a.sign = await f.assign('Ny skylt vid badplatsen', rescue, { due: '2026-12-07' });
    a.landlord = await f.assign('Möte med fastighetsägaren', rescue, { due: '2026-12-16' });
    a.youth = await f.assign('Fältassistenter på fredagskvällar', social);
    const graffitiCard = await f.ownerCard(a.graffiti);
    await f.setStatus(user(police), graffitiCard, a.graffiti.id, 'done', 'Sanerat');
    await f.ownerCard(a.sign);
    assert.match((await f.say(f.coordinator, `åtgärd stryk ${a.sign.id}`)).text!, /är struken/);
    await waitFor('the owner is told of the cancelling', () => personalTexts(f.h, rescue).some((t) => /Ny skylt vid badplatsen" är struken av Karin Trygg/.test(t)));
  });
  after(() => f.stop());

  it('reminds an owner two days before the due date, only of open actions, and only once however often the job runs', async () => {
    f.h.clock.set('2026-12-05T08:30:00Z');
    f.h.channel.clear();
    await sweep(f.h.bot.deps.jobs);
    await sweep(f.h.bot.deps.jobs);
    await sendActionReminders(f.h.bot.deps.jobs, f.m.id);
    await sendActionReminders(f.h.bot.deps.jobs, f.m.id);
    const toPolice = reminders(police);
    assert.equal(toPolice.length, 1, 'one reminder, for the open action due Monday');
    assert.match(cardText(toPolice[0]), /Extra patrull vid torget/);
    assert.ok(findAction(toPolice[0], 'actionStatus', { actionId: a.patrol.id, status: 'done' }), 'the reminder has the status buttons');
    assert.ok(personalTexts(f.h, police).some((t) => t === 'Påminnelse: "Extra patrull vid torget" ska vara klar senast 2026-12-07.'));
    assert.deepEqual(reminders(rescue), [], 'nothing for a cancelled action, nor one due later');
    assert.deepEqual(reminders(social), [], 'nothing before the window opens');
    const ledger = await f.h.stores.operations.getSend(f.m.id, `action-due:${a.patrol.id}:2026-12-07`);
    assert.equal(ledger?.status, 'delivered');
    assert.equal(await f.h.stores.operations.getSend(f.m.id, `action-due:${a.graffiti.id}:2026-12-07`), undefined, 'a done action is never claimed');
  });

  it('reminds later actions when their window opens, without repeating earlier reminders', async () => {
    f.h.clock.set('2026-12-07T08:30:00Z');
    f.h.channel.clear();
    await sweep(f.h.bot.deps.jobs);
    assert.equal(reminders(social).length, 1);
    assert.match(cardText(reminders(social)[0]), /Fältassistenter på fredagskvällar/);
    assert.deepEqual(reminders(police), []);
  });

  it('sends each owner one card listing all their open actions on the meeting\'s morning, once', async () => {
    f.h.clock.set('2026-12-09T07:30:00Z');
    await sweep(f.h.bot.deps.jobs);
    f.h.channel.clear();
    await sweep(f.h.bot.deps.jobs);
    assert.deepEqual(f.h.channel.activities.filter((x) => /Lägesbildsmöte i dag/.test(x.activity.text ?? '')), [], 'nothing before 09:00');
    f.h.clock.set('2026-12-09T08:05:00Z');
    await sweep(f.h.bot.deps.jobs);
    await sweep(f.h.bot.deps.jobs);
    await sendActionReminders(f.h.bot.deps.jobs, f.m.id);
    for (const id of [police, rescue, social]) assert.equal(lists(id).length, 1, `one list for ${id}`);
    const policeList = cardText(lists(police)[0]);
    assert.match(policeList, /Extra patrull vid torget/);
    assert.match(policeList, /Klart senast 2026-12-07 – försenad/);
    assert.doesNotMatch(policeList, /Sanera klottret/, 'a done action is not listed');
    const rescueList = cardText(lists(rescue)[0]);
    assert.match(rescueList, /Möte med fastighetsägaren/);
    assert.doesNotMatch(rescueList, /Ny skylt/, 'a cancelled action is not listed');
    assert.ok(findAction(lists(social)[0], 'actionStatus', { actionId: a.youth.id, status: 'accepted', view: 'mine' }));
    assert.deepEqual(reminders(social), [], 'the morning list replaces the due reminder that day');
  });
});
