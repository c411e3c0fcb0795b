import assert from 'node:assert/strict';
import { sweep } from '../../scheduler/weekly-scheduler';
import { channelExecute, execute, installation, type User } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';

type Card = Record<string, unknown>;

/** Finds an Action.Execute anywhere in a card (controls sit inside Action.ShowCard). */
function findAction(card: unknown, verb: string): { data: Record<string, unknown> } | undefined {
  if (Array.isArray(card)) {
    for (const x of card) { const f = findAction(x, verb); if (f) return f; }
    return undefined;
  }
  if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) return o as unknown as { data: Record<string, unknown> };
    for (const v of Object.values(o)) { const f = findAction(v, verb); if (f) return f; }
  }
  return undefined;
}

describe('The meeting works on the town cards', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let coordinator: User;
  let member: User;
  let otherMember: User;
  let rimboCard: Card;
  const channelId = () => h.m.meetingChannel!.conversationId;
  const click = (user: User, verb: string, data: Record<string, unknown>) => h.post(channelExecute(h.ctx, user, channelId(), verb, data));

  before(async () => {
    h = await BotHarness.start({ now: '2026-12-01T09:00:00Z' });
    coordinator = { aadObjectId: h.m.coordinators[0]!.id };
    member = { aadObjectId: h.m.meetingMembers[0]!.id };
    otherMember = { aadObjectId: h.m.meetingMembers[1]!.id };
    for (const r of h.m.reporters) await h.post(installation(h.ctx, { aadObjectId: r.id }));
    await h.post(installation(h.ctx, coordinator));
    const rimbo = h.m.reporters.filter((r) => r.towns.includes('rimbo')).slice(0, 3);
    for (const r of rimbo) {
      await h.post(execute(h.ctx, { aadObjectId: r.id }, 'submitReport', {
        week: '2026-W49', townId: 'rimbo', grade: '2', categories: 'drugs', what: 'Hemlig-observation-XYZ vid skolan', areas: 'Skolområdet',
      }));
    }
    h.clock.set('2026-12-02T13:30:00Z');
    await sweep(h.bot.deps.jobs);
    rimboCard = h.channel.cardsIn(channelId()).find((c) => findAction(c, 'setGrade')?.data.townId === 'rimbo')!;
    assert.ok(rimboCard, 'the Rimbo card with controls was posted');
  });
  after(() => h.stop());

  it('sets the final grade and the situation, stores who did it, and updates the card for everyone', async () => {
    h.channel.clear();
    const data = findAction(rimboCard, 'setGrade')!.data;
    const res = await click(coordinator, 'setGrade', { ...data, finalGrade: '3', situation: 'Oro kring skolan på kvällarna' });
    const card = BotHarness.invokeCard(res.body);
    assert.ok(card, 'the invoke answered with the new card');
    assert.match(cardText(card), /Oro kring skolan på kvällarna/);
    const decision = await h.stores.meeting.getDecision(h.m.id, '2026-W49', 'rimbo');
    assert.equal(decision?.value.finalGrade, 3);
    assert.equal(decision?.value.decidedBy, coordinator.aadObjectId);
    const audit = await h.stores.audit.list(h.m.id, { subject: '2026-W49:rimbo' });
    assert.deepEqual(audit.map((e) => [e.kind, e.actorId, e.change.finalGrade]), [['grade', coordinator.aadObjectId, 3]]);
    const update = h.channel.activities.find((a) => a.method === 'PUT' && a.replyToId === 'picture-card-1');
    assert.ok(update, 'the channel message was replaced for everyone');
  });

  it('keeps both changes when two participants change the same town at once', async () => {
    const fresh = BotHarness.invokeCard((await click(member, 'refreshPicture', findAction(rimboCard, 'refreshPicture')!.data)).body)!;
    const data = findAction(fresh, 'setGrade')!.data;
    const [a, b] = await Promise.all([
      click(member, 'setGrade', { ...data, finalGrade: '4', situation: String(data.baseSituation) }),
      click(otherMember, 'setGrade', { ...data, finalGrade: String(data.baseGrade), situation: 'Polisen förstärker på fredag' }),
    ]);
    assert.ok(BotHarness.invokeCard(a.body) && BotHarness.invokeCard(b.body), 'both saw a card');
    const decision = (await h.stores.meeting.getDecision(h.m.id, '2026-W49', 'rimbo'))!.value;
    assert.equal(decision.finalGrade, 4);
    assert.equal(decision.situation, 'Polisen förstärker på fredag');
  });

  it('adds and closes a hotspot, and adds an action with an owner and a default due date', async () => {
    const add = await click(member, 'addHotspot', { ...findAction(rimboCard, 'addHotspot')!.data, place: 'Busstationen', reason: 'Langning på kvällar' });
    const withHotspot = BotHarness.invokeCard(add.body)!;
    assert.match(cardText(withHotspot), /Langning på kvällar/);
    const hotspots = await h.stores.meeting.listHotspots(h.m.id);
    assert.equal(hotspots.length, 1);
    const owner = h.m.meetingMembers[3]!;
    const act = await click(coordinator, 'addAction', { ...findAction(rimboCard, 'addAction')!.data, what: 'Ny belysning vid busstationen', ownerId: owner.id, hotspotId: hotspots[0]!.id });
    assert.match(cardText(BotHarness.invokeCard(act.body)), /Ny belysning vid busstationen/);
    const [action] = await h.stores.meeting.listActions(h.m.id);
    assert.equal(action?.ownerId, owner.id);
    assert.equal(action?.due, '2026-12-09', 'due at the next meeting by default');
    const close = await click(member, 'closeHotspot', { ...findAction(withHotspot, 'closeHotspot')!.data, closeHotspotId: hotspots[0]!.id });
    assert.ok(BotHarness.invokeCard(close.body));
    assert.equal((await h.stores.meeting.listHotspots(h.m.id))[0]?.closedWeek, '2026-W49');
  });

  it('refuses an owner the municipality does not know, with a message', async () => {
    const res = await click(coordinator, 'addAction', { ...findAction(rimboCard, 'addAction')!.data, what: 'X', ownerId: 'someone-else' });
    assert.match(BotHarness.invokeMessage(res.body)!, /Välj en ansvarig/);
  });

  it('refuses changes from someone who is neither coordinator nor meeting member', async () => {
    const reporter = { aadObjectId: h.m.reporters[0]!.id };
    const res = await click(reporter, 'setGrade', { ...findAction(rimboCard, 'setGrade')!.data, finalGrade: '1' });
    assert.match(BotHarness.invokeMessage(res.body)!, /Bara samordnare och mötets deltagare/);
    assert.equal((await h.stores.meeting.getDecision(h.m.id, '2026-W49', 'rimbo'))!.value.finalGrade, 4);
  });

  it('lets only a coordinator finalize, then sends the external summary without free text', async () => {
    const overview = h.channel.cardsIn(channelId()).find((c) => findAction(c, 'finalizeWeek'));
    const finalizeData = findAction(overview ?? rimboCard, 'finalizeWeek')?.data ?? { week: '2026-W49' };
    const refused = await click(member, 'finalizeWeek', finalizeData);
    assert.match(BotHarness.invokeMessage(refused.body)!, /bara för samordnare/);
    h.channel.clear();
    const res = await click(coordinator, 'finalizeWeek', finalizeData);
    assert.match(BotHarness.invokeMessage(res.body)!, /fastställd/);
    const reporter = h.m.reporters[0]!;
    for (let i = 0; i < 400 && !h.textsFor(coordinator).some((t) => /Sammanfattningen för v\. 49 är skickad/.test(t)); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(h.textsFor(coordinator).at(-1) ?? '', /Sammanfattningen för v\. 49 är skickad: \d+ meddelanden\.$/, `the coordinator hears it went out, none failed: ${h.textsFor(coordinator).join(' / ')}`);
    const summary = h.cardsFor({ aadObjectId: reporter.id }).map(cardText).join('\n');
    assert.match(summary, /Rimbo/);
    assert.doesNotMatch(summary, /Hemlig-observation-XYZ/, 'no reporter free text in the external summary');
    const politicians = h.channel.cardsIn(h.m.summaryRecipients[0]!.conversationId).map(cardText).join('\n');
    assert.match(politicians, /Rimbo/);
    assert.doesNotMatch(politicians, /Hemlig-observation-XYZ/);
    const internal = h.channel.cardsIn(channelId()).map(cardText).join('\n');
    assert.match(internal, /Hemlig-observation-XYZ/, 'the internal version stays in the meeting channel');
    assert.doesNotMatch(internal, /"verb":"setGrade"/, 'a finalized picture has no controls');
    const after = await click(coordinator, 'setGrade', { ...findAction(rimboCard, 'setGrade')!.data, finalGrade: '1' });
    assert.match(BotHarness.invokeMessage(after.body)!, /redan fastställd/);
  });
});
