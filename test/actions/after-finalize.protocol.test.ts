import assert from 'node:assert/strict';
import { DEFAULT_ACTION_SETTINGS } from '../../domain/defaults';
import { channelExecute } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';
import { norrtalje } from '../cards/support/sample';
import { findAction, MeetingFixture, personalCards } from './support/meeting';

describe('A municipality that tells owners after the week is finalized', function () {
  this.timeout(60_000);
  let f: MeetingFixture;

  before(async () => {
    f = await MeetingFixture.start({ ...norrtalje(), actions: { ...DEFAULT_ACTION_SETTINGS, notifyOwners: 'afterFinalize' } });
  });
  after(() => f.stop());

  it('sends the owner\'s card only when a coordinator finalizes the week, once', async () => {
    const owner = f.m.meetingMembers[2]!.id;
    const action = await f.assign('Samtal med föreningarna om lovaktiviteter', owner);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(personalCards(f.h, owner), [], 'nothing while the meeting is on');
    const overview = f.h.channel.cardsIn(f.channelId).find((c) => findAction(c, 'finalizeWeek'))!;
    const res = await f.h.post(channelExecute(f.h.ctx, f.coordinator, f.channelId, 'finalizeWeek', findAction(overview, 'finalizeWeek')!.data));
    assert.match(BotHarness.invokeMessage(res.body)!, /fastställd/);
    const card = await f.ownerCard(action);
    assert.match(cardText(card), /Ny åtgärd till dig/);
    assert.equal(personalCards(f.h, owner).length, 1);
  });
});
