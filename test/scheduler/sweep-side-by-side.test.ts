import assert from 'node:assert/strict';
import { fixedClock } from '../../domain/clock';
import type { Municipality } from '../../domain/municipality';
import { startBot, type RunningBot } from '../../host';
import { silentLogger } from '../../observability/logger';
import { sweep } from '../../scheduler/weekly-scheduler';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { seedReporterConversations } from '../resilience/support/deliveries';
import { sampleMunicipality } from '../support/sample-municipality';
import { TeamsChannel } from '../support/teams-channel';

/** Week 49 of 2026: Tuesday 1 December, 09:00:30 in Stockholm. */
const TUESDAY_090030 = '2026-12-01T08:00:30Z';

/** A second municipality in its own tenant, its people with ids of their own. */
function neighbour(m: Municipality): Municipality {
  const own = (id: string) => id.replace(/^00000000/, '11111111');
  return {
    ...m, id: 'osthammar', name: 'Östhammars kommun', tenantId: '11111111-0000-4000-8000-00000000a000',
    reporters: m.reporters.map((r) => ({ ...r, id: own(r.id) })),
    coordinators: m.coordinators.map((c) => ({ ...c, id: own(c.id) })),
    meetingMembers: m.meetingMembers.map((p) => ({ ...p, id: own(p.id) })),
  };
}

/**
 * One deployment serving two municipalities (two tenants). Teams makes the first one's
 * conversations wait (429, Retry-After: 3); the second's prompts must not wait for it.
 */
describe('A sweep over several municipalities', function () {
  this.timeout(60_000);
  const first = sampleMunicipality();
  const second = neighbour(first);
  let cosmos: LocalCosmos;
  let stores: Stores;
  let channel: TeamsChannel;
  let bot: RunningBot;
  let sweptAt = 0;
  let sweepMs = 0;

  before(async () => {
    cosmos = await LocalCosmos.start({ database: 'side-by-side' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'side-by-side', async () => connection.dispose());
    channel = await TeamsChannel.start();
    for (const m of [first, second]) await seedReporterConversations(stores, m, channel.serviceUrl);
    const firstsConversations = new Set(first.reporters.map((r) => `a:${r.id}`));
    channel.faults = (conversationId, attempt) => (firstsConversations.has(conversationId) && attempt === 1 ? { status: 429, retryAfter: '3' } : undefined);
    bot = await startBot({
      bot: { type: 'MultiTenant' }, port: 0, host: '127.0.0.1', municipalities: [first, second], stores, log: silentLogger,
      clock: fixedClock(TUESDAY_090030), scheduler: false, instanceId: 'side-by-side',
      queue: { backoff: { baseMs: 5, capMs: 50 } },
    });
    sweptAt = Date.now();
    await sweep(bot.deps.jobs);
    sweepMs = Date.now() - sweptAt;
  });

  after(async () => {
    await bot.stop();
    await stores.close();
    await cosmos.stop();
    await channel.stop();
  });

  const arrivals = (m: Municipality) => {
    const ids = new Set(m.reporters.map((r) => `a:${r.id}`));
    return channel.activities.filter((a) => ids.has(a.conversationId)).map((a) => a.at - sweptAt);
  };

  it('sends both municipalities their prompts', () => {
    const cards = (m: Municipality) => m.reporters.reduce((n, r) => n + r.towns.length, 0);
    assert.equal(arrivals(first).length, cards(first));
    assert.equal(arrivals(second).length, cards(second));
  });

  it('does not hold the second municipality up behind the first one\'s throttled channel', () => {
    const secondDone = Math.max(...arrivals(second));
    const firstStarted = Math.min(...arrivals(first));
    process.stdout.write(`      sweep ${sweepMs} ms; second municipality's last card at ${secondDone} ms, first's first card at ${firstStarted} ms\n`);
    assert.ok(firstStarted >= 3_000, 'the first municipality waited out its Retry-After');
    assert.ok(secondDone < firstStarted, `the second municipality's prompts (done at ${secondDone} ms) waited for the first's (from ${firstStarted} ms)`);
  });
});
