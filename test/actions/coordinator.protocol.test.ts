import assert from 'node:assert/strict';
import { installation } from '../support/activities';
import { cardText } from '../support/bot-harness';
import { MeetingFixture, personalCards, personalTexts, user, waitFor } from './support/meeting';

describe('Coordinators move and strike actions, and hear of owners the bot cannot reach', function () {
  this.timeout(60_000);
  let f: MeetingFixture;

  before(async () => { f = await MeetingFixture.start(); });
  after(() => f.stop());

  it('moves an action to someone else with "åtgärd flytta", telling both the old and the new owner', async () => {
    const [oldOwner, newOwner] = [f.m.meetingMembers[0]!.id, f.m.meetingMembers[2]!.id];
    const action = await f.assign('Kontrollera belysningen i parken', oldOwner);
    await f.ownerCard(action);
    const reply = await f.say(f.coordinator, `åtgärd flytta ${action.id} ${newOwner}`);
    assert.equal(reply.text, 'Åtgärden "Kontrollera belysningen i parken" är flyttad till Socialtjänsten Beroende. Båda har fått besked.');
    const stored = (await f.h.stores.meeting.getAction(f.m.id, action.id))!.value;
    assert.equal(stored.ownerId, newOwner);
    assert.deepEqual(stored.history.at(-1), { at: stored.history.at(-1)!.at, by: f.coordinator.aadObjectId, kind: 'reassigned', fromOwner: oldOwner, toOwner: newOwner });
    const toNew = await f.ownerCard(stored, newOwner);
    assert.match(cardText(toNew), /Du har fått ansvaret för en åtgärd/);
    assert.ok(personalTexts(f.h, newOwner).includes('Karin Trygg har gett dig ansvaret för en åtgärd.'));
    await waitFor('the old owner hears of it', () => personalTexts(f.h, oldOwner).includes(
      'Åtgärden "Kontrollera belysningen i parken" har flyttats från dig till Socialtjänsten Beroende av Karin Trygg.'));
    const audit = await f.h.stores.audit.list(f.m.id, { subject: action.id });
    assert.deepEqual(audit.find((e) => e.change.op === 'reassigned')?.change, { op: 'reassigned', townId: 'rimbo', from: 'open', to: 'open', fromOwner: oldOwner, toOwner: newOwner, commentLength: 0 });
  });

  it('refuses moving and striking from anyone but a coordinator, and explains the command\'s form', async () => {
    const action = (await f.h.stores.meeting.listActions(f.m.id))[0]!;
    const member = user(f.m.meetingMembers[1]!.id);
    assert.match((await f.say(member, `åtgärd flytta ${action.id} ${f.m.meetingMembers[1]!.id}`)).text!, /bara för samordnare/);
    assert.match((await f.say(member, `action cancel ${action.id}`)).text!, /bara för samordnare/);
    assert.equal((await f.h.stores.meeting.getAction(f.m.id, action.id))!.value.status, 'open');
    assert.match((await f.say(f.coordinator, 'åtgärd flytta')).text!, /Använd: åtgärd flytta/);
    assert.match((await f.say(f.coordinator, `åtgärd flytta ${action.id} nobody-known`)).text!, /Ingen person med id "nobody-known"/);
    assert.match((await f.say(f.coordinator, 'action cancel action-nonexistent')).text!, /No action with id|Hittar ingen åtgärd/);
  });

  it('marks an owner who blocked the bot unreachable and tells the coordinators once, however many actions follow', async () => {
    const blocked = f.m.reporters[0]!.id;
    await f.h.post(installation(f.h.ctx, user(blocked)));
    f.h.channel.faults = (conversationId) => (conversationId === `a:${blocked}` ? { status: 403 } : undefined);
    const first = await f.assign('Prata med skolans rektor', blocked);
    const told = () => personalTexts(f.h, f.coordinator.aadObjectId).filter((t) => /Erik Persson har blockerat eller tagit bort Lägesbild/.test(t));
    await waitFor('the coordinator is told', () => told().length > 0);
    const conversation = await f.h.stores.conversations.get(f.m.id, `user:${blocked}`);
    assert.ok(conversation?.unreachableSince, 'the owner is marked unreachable');
    assert.equal((await f.h.stores.operations.getSend(f.m.id, `action-owner:${first.id}:0`))?.status, 'unreachable');
    const second = await f.assign('Följ upp skolans kameror', blocked);
    await waitFor('the second card is recorded', async () => (await f.h.stores.operations.getSend(f.m.id, `action-owner:${second.id}:0`))?.status === 'unreachable');
    assert.equal(told().length, 1, 'told once');
    const other = f.m.coordinators[1]!.id;
    await waitFor('the other coordinator is told too', () => personalTexts(f.h, other).some((t) => /Erik Persson har blockerat/.test(t)));
    assert.equal(personalTexts(f.h, other).filter((t) => /Erik Persson har blockerat/.test(t)).length, 1);
    assert.deepEqual(personalCards(f.h, blocked), [], 'nothing reached the owner');
    f.h.channel.faults = undefined;
  });
});
