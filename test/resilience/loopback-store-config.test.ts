import assert from 'node:assert/strict';
import { EnvError, loadEnv } from '../../config/env';
import { offsetClock } from '../../domain/offset-clock';
import { LocalCosmos } from '../../store/local-cosmos';
import { openStore } from '../../store/open-store';

/**
 * The two switches the multi-process test runs production processes with, for tests and demos
 * only: a Cosmos-compatible server on loopback with a self-signed certificate, and a clock that
 * starts at a given instant.
 */
describe('Test and demo switches: a self-signed store on loopback, a clock set to an instant', () => {
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadEnv(env);
    } catch (err) {
      if (err instanceof EnvError) return err.problems;
      throw err;
    }
    return [];
  };

  it('accepts COSMOS_ALLOW_SELF_SIGNED_LOOPBACK for 127.0.0.1, localhost and ::1', () => {
    for (const endpoint of ['https://127.0.0.1:8081/', 'https://localhost:8081', 'https://[::1]:8081/']) {
      const c = loadEnv({ COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'k', COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: 'true' });
      assert.equal(c.cosmos.allowSelfSignedLoopback, true, endpoint);
    }
  });

  it('refuses it, naming the variable and the host, for any other endpoint or none', () => {
    assert.deepEqual(problems({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: 'true' }),
      ['COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: only for a COSMOS_ENDPOINT on 127.0.0.1, localhost or ::1, not acct.documents.azure.com']);
    assert.match(problems({ COSMOS_ENDPOINT: 'https://127.0.0.1.example.com/', COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: '1' })[0]!, /not 127\.0\.0\.1\.example\.com/);
    assert.match(problems({ COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: 'true' })[0]!, /^COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: .*COSMOS_ENDPOINT is not set/);
    assert.match(problems({ COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: 'maybe' })[0]!, /^COSMOS_ALLOW_SELF_SIGNED_LOOPBACK/);
  });

  it('leaves the configuration as it was when the switches are off', () => {
    assert.deepEqual(loadEnv({ COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: 'false' }), loadEnv({}));
    assert.equal('allowSelfSignedLoopback' in loadEnv({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' }).cosmos, false);
    assert.equal('fakeNow' in loadEnv({}), false);
  });

  it('reads LAGESBILD_FAKE_NOW as an ISO instant, and refuses anything else', () => {
    assert.equal(loadEnv({ LAGESBILD_FAKE_NOW: '2026-12-01T08:00:30Z' }).fakeNow, '2026-12-01T08:00:30Z');
    assert.equal(loadEnv({ LAGESBILD_FAKE_NOW: '2026-12-01T09:00:30+01:00' }).fakeNow, '2026-12-01T09:00:30+01:00');
    assert.match(problems({ LAGESBILD_FAKE_NOW: 'tuesday 9' })[0]!, /^LAGESBILD_FAKE_NOW: must be an ISO 8601 instant/);
  });

  it('an offset clock starts at the instant and runs in real time', () => {
    let real = 1_000_000;
    const clock = offsetClock('2026-12-01T08:00:30Z', () => real);
    assert.equal(clock().toISOString(), '2026-12-01T08:00:30.000Z');
    real += 90_500;
    assert.equal(clock().toISOString(), '2026-12-01T08:02:00.500Z');
    assert.throws(() => offsetClock('not a time'), RangeError);
  });

  describe('openStore against the loopback server', function () {
    this.timeout(30_000);
    let local: LocalCosmos;
    before(async () => { local = await LocalCosmos.start({ database: 'unused' }); });
    after(() => local.stop());

    it('connects with the switch, creating the schema since a key is given', async () => {
      const stores = await openStore({ endpoint: local.endpoint, key: 'any', database: 'switch', dataDir: '/nonexistent', allowSelfSignedLoopback: true });
      try {
        await stores.operations.recordSend({ id: 'send:k', municipalityId: 'm', key: 'k', status: 'delivered', at: '2026-12-01T08:00:00Z' });
        assert.equal((await stores.operations.getSend('m', 'k'))?.status, 'delivered');
        assert.match(stores.description, /127\.0\.0\.1/);
      } finally {
        await stores.close();
      }
    });

    it('refuses the switch for a host that is not loopback, before connecting anywhere', async () => {
      await assert.rejects(openStore({ endpoint: 'https://acct.documents.azure.com:443/', key: 'k', database: 'x', dataDir: '/x', allowSelfSignedLoopback: true }), /loopback only/);
    });
  });
});
