import assert from 'node:assert/strict';
import type { Action } from '../../domain/picture/meeting';
import { submit } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';
import { findAction, MeetingFixture, user, waitFor, type Card } from './support/meeting';

describe('An action\'s owner gets a card and works on it', function () {
  this.timeout(60_000);
  let f: MeetingFixture;
  let action: Action;
  let card: Card;
  const ownerId = () => f.m.meetingMembers[3]!.id;

  before(async () => { f = await MeetingFixture.start(); });
  after(() => f.stop());

  it('sends the owner a card as soon as the meeting assigns the action, in a conversation it creates', async () => {
    action = await f.assign('Ny belysning vid busstationen', ownerId(), { due: '2026-12-09' });
    card = await f.ownerCard(action);
    const text = cardText(card);
    assert.match(text, /Ny åtgärd till dig/);
    assert.match(text, /Ny belysning vid busstationen/);
    assert.match(text, /Rimbo/);
    assert.match(text, /Klart senast 2026-12-09/);
    assert.match(text, /Karin Trygg \(Trygg i Norrtälje\), v\. 49/, 'who assigned it, and when');
    assert.match(text, /Öppen, ej accepterad/);
    assert.ok(f.h.channel.createdConversations.some((c) => JSON.stringify(c.members).includes(ownerId())), 'a 1:1 conversation was created');
    for (const status of ['accepted', 'inProgress', 'done', 'blocked']) {
      const button = findAction(card, 'actionStatus', { actionId: action.id, status });
      assert.deepEqual(button?.data, { verb: 'actionStatus', actionId: action.id, status, view: 'card', townId: '' }, `a Submit-compatible "${status}" button`);
    }
    const audit = await f.h.stores.audit.list(f.m.id, { subject: action.id });
    assert.deepEqual(audit.map((e) => [e.kind, e.change.op]), [['action', 'create']]);
  });

  it('stores the owner\'s status change with who and when, audits it and answers with the updated card', async () => {
    f.h.clock.set('2026-12-03T08:00:00Z');
    const res = await f.setStatus(user(ownerId()), card, action.id, 'inProgress', 'Elbolaget kommer på måndag');
    const updated = BotHarness.invokeCard(res.body);
    assert.ok(updated, 'the invoke answered with a card, which replaces the clicked one');
    assert.match(cardText(updated), /Sparat\. Status: Pågår\./);
    assert.match(cardText(updated), /Elbolaget kommer på måndag/);
    assert.ok(findAction(updated, 'actionStatus', { actionId: action.id, status: 'done' }), 'the updated card keeps its buttons');
    const stored = (await f.h.stores.meeting.getAction(f.m.id, action.id))!.value;
    assert.equal(stored.status, 'inProgress');
    assert.equal(stored.lastComment, 'Elbolaget kommer på måndag');
    assert.deepEqual(stored.history.at(-1), { at: '2026-12-03T08:00:00.000Z', by: ownerId(), kind: 'status', status: 'inProgress', comment: 'Elbolaget kommer på måndag' });
    const audit = await f.h.stores.audit.list(f.m.id, { subject: action.id });
    assert.deepEqual(audit.at(-1)?.change, { op: 'status', townId: 'rimbo', from: 'open', to: 'inProgress', commentLength: 26 });
    assert.equal(audit.at(-1)?.actorId, ownerId());
    card = updated;
  });

  it('shows the new status on the town card in the meeting channel', async () => {
    const town = await f.refreshedTownCard();
    assert.match(town, /Ny belysning vid busstationen/);
    assert.match(town, /Pågår/);
    assert.match(town, /Elbolaget kommer på måndag/);
    assert.match(town, /Fastighetsavdelningen/);
  });

  it('refuses a change from someone who is neither the owner nor a coordinator, and changes nothing', async () => {
    const before = (await f.h.stores.meeting.getAction(f.m.id, action.id))!;
    const auditBefore = (await f.h.stores.audit.list(f.m.id, { subject: action.id })).length;
    const res = await f.setStatus(user(f.m.meetingMembers[0]!.id), card, action.id, 'done', 'Klart!');
    assert.equal(BotHarness.invokeMessage(res.body), 'Bara den ansvarige eller en samordnare kan ändra den här åtgärden. Inget har ändrats.');
    const after = (await f.h.stores.meeting.getAction(f.m.id, action.id))!;
    assert.deepEqual(after.value, before.value);
    assert.equal((await f.h.stores.audit.list(f.m.id, { subject: action.id })).length, auditBefore);
  });

  it('lets a coordinator change the action too, and keeps the comment on the card when the comment is refused', async () => {
    const refused = BotHarness.invokeCard((await f.setStatus(f.coordinator, card, action.id, 'blocked', 'Ring 070-123 45 67')).body);
    assert.match(cardText(refused), /personuppgifter/);
    assert.match(cardText(refused), /Ring 070-123 45 67/, 'what they typed is still in the input');
    assert.equal((await f.h.stores.meeting.getAction(f.m.id, action.id))!.value.status, 'inProgress');
    const res = await f.setStatus(f.coordinator, card, action.id, 'blocked');
    assert.match(cardText(BotHarness.invokeCard(res.body)), /Hindrad/);
    assert.equal((await f.h.stores.meeting.getAction(f.m.id, action.id))!.value.history.at(-1)?.by, f.coordinator.aadObjectId);
  });

  it('takes the Action.Submit fallback too, answering with the card as a new message', async () => {
    const owner = user(ownerId());
    const data = findAction(card, 'actionStatus', { actionId: action.id, status: 'accepted' })!.data;
    await f.h.post(submit(f.h.ctx, owner, data));
    const reply = await waitFor('the fallback reply', () => f.h.channel.cardsIn(`a:${ownerId()}`).find((c) => /Sparat\. Status: Accepterad/.test(cardText(c))));
    assert.ok(reply);
    assert.equal((await f.h.stores.meeting.getAction(f.m.id, action.id))!.value.status, 'accepted');
  });

  it('shows the history on request, on the card and with "åtgärd historik"', async () => {
    const owner = user(ownerId());
    const latest = f.h.channel.cardsIn(`a:${ownerId()}`).at(-1)!;
    const history = JSON.stringify((latest.actions as Array<Record<string, unknown>>).find((a) => a.type === 'Action.ShowCard'));
    assert.match(history, /Visa historik/);
    assert.match(history, /status Pågår – \\"Elbolaget kommer på måndag\\"/);
    const reply = await f.say(owner, `åtgärd historik ${action.id}`);
    assert.match(reply.text!, /Historik för "Ny belysning vid busstationen"/);
    assert.match(reply.text!, /beslutad, ansvarig Fastighetsavdelningen/);
    assert.match(reply.text!, /Karin Trygg \(Trygg i Norrtälje\): status Hindrad/);
    const reporter = user(f.m.reporters[0]!.id);
    assert.match((await f.say(reporter, `åtgärd historik ${action.id}`)).text!, /bara se historiken för dina egna/);
  });

  it('lists the owner\'s open actions with "mina åtgärder", with status buttons that answer with the list', async () => {
    const owner = user(ownerId());
    const second = await f.assign('Klipp buskarna vid skolan', ownerId());
    await f.ownerCard(second);
    const list = (await f.say(owner, 'mina åtgärder')).card!;
    assert.match(cardText(list), /Dina öppna åtgärder \(2\)/);
    assert.match(cardText(list), /Klipp buskarna vid skolan/);
    const res = await f.setStatus(owner, list, second.id, 'done', 'Gjort i dag');
    const updated = cardText(BotHarness.invokeCard(res.body));
    assert.match(updated, /Dina öppna åtgärder \(1\)/, 'a done action leaves the list');
    assert.doesNotMatch(updated, /Klipp buskarna vid skolan/);
    assert.equal((await f.h.stores.meeting.getAction(f.m.id, second.id))!.value.lastComment, 'Gjort i dag');
    assert.match((await f.say(user(f.m.reporters[0]!.id), 'my actions')).text!, /Du har inga öppna åtgärder/);
  });

  it('lists a town\'s open actions for the meeting\'s people only', async () => {
    const member = user(f.m.meetingMembers[1]!.id);
    const list = (await f.say(member, 'åtgärder Rimbo')).card!;
    assert.match(cardText(list), /Öppna åtgärder i Rimbo \(1\)/);
    assert.equal(findAction(list, 'actionStatus'), undefined, 'no buttons for someone who may not change them');
    assert.match((await f.say(member, 'åtgärder Hallstavik')).text!, /Inga öppna åtgärder i Hallstavik/);
    assert.match((await f.say(member, 'åtgärder Atlantis')).text!, /Okänd ort: "Atlantis"/);
    assert.match((await f.say(user(f.m.reporters[0]!.id), 'åtgärder')).text!, /Bara samordnare och mötets deltagare/);
  });
});
