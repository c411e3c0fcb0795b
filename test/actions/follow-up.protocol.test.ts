import assert from 'node:assert/strict';
import { sweep } from '../../scheduler/weekly-scheduler';
import { cardText } from '../support/bot-harness';
import { ofType } from '../cards/support/walk';
import { MeetingFixture, user, type Card } from './support/meeting';

describe('The next meeting follows up the actions', function () {
  this.timeout(60_000);
  let f: MeetingFixture;
  const rimbo = (week: string): Card => f.townCard('rimbo', week);
  const dueLine = (card: Card, text: RegExp) => ofType(card, 'TextBlock').find((b) => text.test(String(b.text)));

  before(async () => {
    f = await MeetingFixture.start();
    const owner = f.m.meetingMembers[0]!.id;
    const late = await f.assign('Röj buskarna vid gångtunneln', owner, { due: '2026-12-07' });
    const quick = await f.assign('Byt trasig lampa vid stationen', owner);
    await f.setStatus(user(owner), await f.ownerCard(late), late.id, 'inProgress', 'Väntar på entreprenören');
    f.h.clock.set('2026-12-03T10:00:00Z');
    await f.setStatus(user(owner), await f.ownerCard(quick), quick.id, 'done', 'Bytt');
  });
  after(() => f.stop());

  it('lists last week\'s actions in next week\'s picture with status, owner and last comment, the overdue one highlighted', async () => {
    f.h.clock.set('2026-12-09T13:30:00Z');
    await sweep(f.h.bot.deps.jobs);
    const card = rimbo('2026-W50');
    const text = cardText(card);
    assert.match(text, /Uppföljning av tidigare åtgärder/);
    assert.match(text, /Röj buskarna vid gångtunneln/);
    assert.match(text, /Pågår/);
    assert.match(text, /Polisen Norrtälje \(Polisen\)/);
    assert.match(text, /Väntar på entreprenören/);
    assert.equal(dueLine(card, /Klart senast 2026-12-07 – försenad/)?.color, 'Attention', 'the overdue action stands out');
    assert.match(text, /Byt trasig lampa vid stationen/, 'a done action appears once more');
    assert.match(text, /"title":"Status","value":"Klar"/);
    assert.equal(dueLine(card, /Klart senast 2026-12-09/)?.color, 'Default', 'a done action is not overdue');
  });

  it('drops the done action the week after, and keeps following up the open one', async () => {
    f.h.clock.set('2026-12-16T13:30:00Z');
    await sweep(f.h.bot.deps.jobs);
    const text = cardText(rimbo('2026-W51'));
    assert.match(text, /Röj buskarna vid gångtunneln/);
    assert.doesNotMatch(text, /Byt trasig lampa vid stationen/);
  });
});
