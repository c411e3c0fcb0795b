import assert from 'node:assert/strict';
import { message } from '../support/activities';
import { BotHarness } from '../support/bot-harness';

describe('Authentication on /api/messages', function () {
  this.timeout(30_000);
  let h: BotHarness;

  before(async () => { h = await BotHarness.start({ now: '2026-12-01T09:00:00Z', botId: '11111111-2222-4333-8444-555555555555' }); });
  after(() => h.stop());

  it('answers 401 to a request without a Bot Framework token and changes nothing', async () => {
    const reporter = { aadObjectId: h.m.reporters[0]!.id };
    const res = await h.post(message(h.ctx, reporter, 'borta'));
    assert.equal(res.status, 401);
    assert.equal((await h.stores.weekly.listWeek(h.m.id, '2026-W49')).absences.length, 0);
    assert.equal(await h.stores.conversations.get(h.m.id, `user:${reporter.aadObjectId}`), undefined);
    assert.equal(h.channel.activities.length, 0);
  });

  it('answers 401 to a forged token', async () => {
    const res = await h.post(message(h.ctx, { aadObjectId: h.m.reporters[0]!.id }, 'status'), { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' });
    assert.equal(res.status, 401);
  });

  it('answers the health check without a token', async () => {
    const res = await fetch(`${h.bot.url}/health`);
    assert.equal(res.status, 200);
  });
});
