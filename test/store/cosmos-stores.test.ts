import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTHING_TO_REPORT, reportId, type Report } from '../../domain/report';
import { openCosmos } from '../../store/cosmos-connection';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { weeklyPartition } from '../../store/containers';

function report(municipalityId: string, reporterId: string, revision = 1): Report {
  return {
    id: reportId('2026-W49', 'rimbo', reporterId), municipalityId, week: '2026-W49', townId: 'rimbo', reporterId,
    organisation: 'Org', kind: 'nothing', answer: NOTHING_TO_REPORT, submittedAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T08:00:00.000Z', late: false, revision,
  };
}

describe('The Cosmos DB stores on the Cosmos-compatible server', function () {
  this.timeout(30_000);
  let cosmos: LocalCosmos;
  let stores: Stores;

  before(async () => {
    cosmos = await LocalCosmos.start({ database: 'store-test' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'test', async () => connection.dispose());
  });
  after(async () => {
    await stores.close();
    await cosmos.stop();
  });

  it('keeps one answer per week, town and reporter however often it is saved', async () => {
    await stores.weekly.saveReport(report('m1', 'r1', 1));
    await stores.weekly.saveReport(report('m1', 'r1', 2));
    const { reports } = await stores.weekly.listWeek('m1', '2026-W49');
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.revision, 2);
  });

  it('stores the retention period as the item\'s TTL (the local server ignores it, Azure does not)', async () => {
    await stores.weekly.saveReport(report('m1', 'r2'), 365 * 86_400);
    const { resource } = await stores.cosmos.container('weekly').item(reportId('2026-W49', 'rimbo', 'r2'), weeklyPartition('m1', '2026-W49')).read<{ ttl?: number }>();
    assert.equal(resource?.ttl, 31_536_000);
  });

  it('never lists another municipality\'s answers', async () => {
    await stores.weekly.saveReport(report('m2', 'r1'));
    const m1 = await stores.weekly.listWeek('m1', '2026-W49');
    assert.ok(m1.reports.every((r) => r.municipalityId === 'm1'));
    const m2 = await stores.weekly.listWeek('m2', '2026-W49');
    assert.deepEqual(m2.reports.map((r) => r.municipalityId), ['m2']);
  });

  it('gives a job occurrence\'s lease to one owner until it expires, and never again once completed', async () => {
    const t0 = new Date('2026-12-01T08:00:00Z');
    assert.equal(await stores.operations.acquireLease('m1', 'prompts:2026-W49', 'a', 60_000, t0), true);
    assert.equal(await stores.operations.acquireLease('m1', 'prompts:2026-W49', 'b', 60_000, t0), false);
    const later = new Date(t0.getTime() + 61_000);
    assert.equal(await stores.operations.acquireLease('m1', 'prompts:2026-W49', 'b', 60_000, later), true, 'an expired lease is taken over');
    await stores.operations.completeLease('m1', 'prompts:2026-W49', 'b', later);
    assert.equal(await stores.operations.isCompleted('m1', 'prompts:2026-W49'), true);
    assert.equal(await stores.operations.acquireLease('m1', 'prompts:2026-W49', 'c', 60_000, new Date(later.getTime() + 3_600_000)), false);
  });

  it('lets exactly one of many concurrent claimers claim a send', async () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const claims = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((owner) => stores.operations.claimSend('m1', 'prompts:x:1', owner, now, 120_000)));
    assert.equal(claims.filter((c) => c === 'claimed').length, 1);
    assert.equal(claims.filter((c) => c === 'claimedElsewhere').length, 4);
  });

  it('does not claim a delivered send again, but takes over a stale claim', async () => {
    const now = new Date('2026-12-01T08:00:00Z');
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:2', 'a', now, 120_000), 'claimed');
    await stores.operations.recordSend({ id: 'send:prompts:x:2', municipalityId: 'm1', key: 'prompts:x:2', status: 'delivered', at: now.toISOString() });
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:2', 'b', now, 120_000), 'alreadyDelivered');
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:3', 'a', now, 120_000), 'claimed');
    const stale = new Date(now.getTime() + 121_000);
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:3', 'b', stale, 120_000), 'claimed');
  });

  it('does not resend what a dead runner had on the wire: it becomes uncertain, once and for all', async () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const sending = (key: string, owner: string) => stores.operations.recordSend({ id: `send:${key}`, municipalityId: 'm1', key, status: 'sending', at: now.toISOString(), owner });
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:4', 'a', now, 120_000), 'claimed');
    await sending('prompts:x:4', 'a');
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:4', 'b', new Date(now.getTime() + 60_000), 120_000), 'claimedElsewhere', 'a live runner may still finish it');
    const stale = new Date(now.getTime() + 121_000);
    const racing = await Promise.all(['b', 'c', 'd'].map((owner) => stores.operations.claimSend('m1', 'prompts:x:4', owner, stale, 120_000)));
    assert.equal(racing.filter((c) => c === 'claimed').length, 0, 'nobody sends it again');
    assert.ok(racing.includes('uncertain'));
    const record = await stores.operations.getSend('m1', 'prompts:x:4');
    assert.equal(record?.status, 'uncertain');
    assert.match(record?.detail ?? '', /on the wire when a stopped/);
    assert.equal(await stores.operations.claimSend('m1', 'prompts:x:4', 'e', new Date(stale.getTime() + 3_600_000), 120_000), 'uncertain', 'still not resent an hour on');
  });
});

describe('The embedded local store', function () {
  this.timeout(30_000);

  it('keeps every write it acknowledged while it was stopping, and refuses the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-store-'));
    try {
      const first = await LocalCosmos.start({ database: 'racing', dataDir });
      const c1 = await first.connect();
      const weekly = storesOn(c1, 't', async () => undefined).weekly;
      // Writes keep coming, one after another on four lanes, until the store refuses them.
      const acknowledged: string[] = [];
      let refused = 0;
      let stopping: Promise<void> | undefined;
      await Promise.all([0, 1, 2, 3].map(async (lane) => {
        for (let i = 0; ; i++) {
          const id = `w${lane}-${i}`;
          if (lane === 0 && i === 20) stopping = first.stop();
          try {
            await weekly.saveReport(report('m1', id));
            acknowledged.push(id);
          } catch {
            refused++;
            return;
          }
        }
      }));
      await stopping;
      c1.dispose();
      const second = await LocalCosmos.start({ database: 'racing', dataDir });
      const c2 = await second.connect();
      const { reports } = await storesOn(c2, 't', async () => undefined).weekly.listWeek('m1', '2026-W49');
      c2.dispose();
      await second.stop();
      const kept = new Set(reports.map((r) => r.reporterId));
      assert.ok(acknowledged.length >= 20 && refused === 4, `${acknowledged.length} acknowledged, ${refused} lanes refused`);
      assert.deepEqual(acknowledged.filter((id) => !kept.has(id)), [], 'acknowledged writes lost at stop');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('lets no client in while it loads its saved documents, so no new write is overwritten by the old copy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-store-'));
    try {
      const first = await LocalCosmos.start({ database: 'loading', dataDir });
      const port = Number(new URL(first.endpoint).port);
      const c1 = await first.connect();
      const weekly1 = storesOn(c1, 't', async () => undefined).weekly;
      // Enough documents that loading them takes a while; the one the client rewrites is loaded last.
      for (let i = 0; i < 200; i++) await weekly1.saveReport(report('m1', `r${i}`));
      c1.dispose();
      await first.stop();
      // A bot that keeps trying while its store restarts on the same port writes revision 2.
      const client = (async () => {
        for (;;) {
          try {
            const c = await openCosmos({
              endpoint: `https://127.0.0.1:${port}`, key: 'local', database: 'loading', createSchema: true,
              agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }), endpointDiscovery: false,
            });
            try {
              await storesOn(c, 't', async () => undefined).weekly.saveReport(report('m1', 'r199', 2));
              return;
            } finally {
              c.dispose();
            }
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        }
      })();
      const second = await LocalCosmos.start({ database: 'loading', dataDir, port });
      await client;
      const c2 = await second.connect();
      const { reports } = await storesOn(c2, 't', async () => undefined).weekly.listWeek('m1', '2026-W49');
      c2.dispose();
      await second.stop();
      assert.equal(reports.length, 200);
      assert.equal(reports.find((r) => r.reporterId === 'r199')?.revision, 2, 'the acknowledged write survived the load');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps its documents across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-store-'));
    try {
      const first = await LocalCosmos.start({ database: 'persist', dataDir });
      const c1 = await first.connect();
      await storesOn(c1, 't', async () => undefined).weekly.saveReport(report('m1', 'r9'));
      c1.dispose();
      await first.stop();
      const second = await LocalCosmos.start({ database: 'persist', dataDir });
      const c2 = await second.connect();
      const { reports } = await storesOn(c2, 't', async () => undefined).weekly.listWeek('m1', '2026-W49');
      c2.dispose();
      await second.stop();
      assert.deepEqual(reports.map((r) => r.reporterId), ['r9']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
