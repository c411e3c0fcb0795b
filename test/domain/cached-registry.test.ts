import assert from 'node:assert/strict';
import { CachedRegistry, REGISTRY_CACHE_MS } from '../../domain/cached-registry';
import { fixedClock } from '../../domain/clock';
import { Directory } from '../../domain/directory';
import type { Language, Municipality } from '../../domain/municipality';
import type { RegistryStore } from '../../domain/ports';
import type { RegistryChange } from '../../domain/registry';
import { TtlCache } from '../../domain/ttl-cache';

const NOW = '2026-12-01T09:00:00Z';
const at = (ms: number) => new Date(new Date(NOW).getTime() + ms);

/** One store shared by "instances": counts reads, and can be told to fail or hold a read. */
class CountingRegistry implements RegistryStore {
  changes: RegistryChange[] = [];
  languages = new Map<string, Language>();
  reads = { changes: 0, language: 0 };
  failNext = false;
  hold?: Promise<void>;

  async listChanges(municipalityId: string): Promise<RegistryChange[]> {
    this.reads.changes++;
    const snapshot = this.changes.filter((c) => c.municipalityId === municipalityId);
    if (this.hold) await this.hold;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('store down');
    }
    return snapshot;
  }
  async saveChange(change: RegistryChange): Promise<void> {
    this.changes = [...this.changes.filter((c) => c.id !== change.id), change];
  }
  async getLanguage(municipalityId: string, userId: string): Promise<Language | undefined> {
    this.reads.language++;
    return this.languages.get(`${municipalityId}/${userId}`);
  }
  async setLanguage(municipalityId: string, userId: string, language: Language): Promise<void> {
    this.languages.set(`${municipalityId}/${userId}`, language);
  }
}

const m: Municipality = {
  id: 'm1', name: 'Kommun', language: 'sv', timeZone: 'Europe/Stockholm', tenantId: 't1', towns: [{ id: 'rimbo', name: 'Rimbo', areas: [] }],
  coordinators: [{ id: 'kim', name: 'Kim', organisation: 'Kommunen' }], meetingMembers: [],
  reporters: [{ id: 'anna', name: 'Anna', organisation: 'Skolan', towns: ['rimbo'] }],
  summaryRecipients: [], schedule: undefined as never, categories: [], scale: undefined as never, retentionDays: 365,
};

function added(id: string): RegistryChange {
  return { id: `reporter:${id}`, municipalityId: 'm1', reporterId: id, reporter: { id, name: id, organisation: 'X', towns: ['rimbo'] }, changedBy: 'kim', changedAt: NOW };
}

describe('The per-process registry cache', () => {
  let store: CountingRegistry;
  let clock: ReturnType<typeof fixedClock>;
  let here: Directory;
  let hereRegistry: CachedRegistry;
  let there: Directory;
  let thereRegistry: CachedRegistry;

  beforeEach(() => {
    store = new CountingRegistry();
    clock = fixedClock(NOW);
    hereRegistry = new CachedRegistry(store, clock);
    here = new Directory([m], hereRegistry);
    thereRegistry = new CachedRegistry(store, clock);
    there = new Directory([m], thereRegistry);
  });

  it('reads the registry changes and a language once per REGISTRY_CACHE_MS, however many turns ask', async () => {
    for (let i = 0; i < 5; i++) {
      await here.current('m1');
      await here.languageOf(m, 'anna');
    }
    assert.deepEqual(store.reads, { changes: 1, language: 1 });
    clock.set(at(REGISTRY_CACHE_MS - 1));
    await here.current('m1');
    assert.equal(store.reads.changes, 1);
    clock.set(at(REGISTRY_CACHE_MS));
    await here.current('m1');
    await here.languageOf(m, 'anna');
    assert.deepEqual(store.reads, { changes: 2, language: 2 });
  });

  it('sees a change made through it at once, and one made by another instance within REGISTRY_CACHE_MS', async () => {
    await here.current('m1');
    await there.current('m1');
    await hereRegistry.saveChange(added('bo'));
    assert.deepEqual((await here.current('m1')).reporters.map((r) => r.id), ['anna', 'bo'], 'here at once');
    assert.deepEqual((await there.current('m1')).reporters.map((r) => r.id), ['anna'], 'there: still the remembered registry');
    clock.set(at(REGISTRY_CACHE_MS));
    assert.deepEqual((await there.current('m1')).reporters.map((r) => r.id), ['anna', 'bo'], 'there within REGISTRY_CACHE_MS');

    assert.equal(await here.languageOf(m, 'anna'), 'sv');
    assert.equal(await there.languageOf(m, 'anna'), 'sv');
    await thereRegistry.setLanguage('m1', 'anna', 'en');
    assert.equal(await there.languageOf(m, 'anna'), 'en', 'there at once');
    clock.set(at(2 * REGISTRY_CACHE_MS));
    assert.equal(await here.languageOf(m, 'anna'), 'en', 'here within REGISTRY_CACHE_MS');
  });

  it('does not keep a read that was under way when this process wrote', async () => {
    let release!: () => void;
    store.hold = new Promise((r) => { release = r; });
    const before = here.current('m1'); // reads the registry as it was
    await hereRegistry.saveChange(added('bo'));
    store.hold = undefined;
    release();
    assert.deepEqual((await before).reporters.map((r) => r.id), ['anna']);
    assert.deepEqual((await here.current('m1')).reporters.map((r) => r.id), ['anna', 'bo']);
  });

  it('shares one read among turns asking at once, and does not keep a failed read', async () => {
    const [x, y, z] = await Promise.all([here.current('m1'), here.current('m1'), here.current('m1')]);
    assert.equal(store.reads.changes, 1);
    assert.equal(x, y);
    assert.equal(y, z, 'the same municipality object while the changes are remembered');
    clock.set(at(REGISTRY_CACHE_MS));
    store.failNext = true;
    await assert.rejects(here.current('m1'), /store down/);
    await here.current('m1');
    assert.equal(store.reads.changes, 3);
  });

  it('forgets a municipality on request (erasure changes the registry around it)', async () => {
    await here.current('m1');
    await here.languageOf(m, 'anna');
    await store.saveChange(added('bo'));
    await store.setLanguage('m1', 'anna', 'en');
    hereRegistry.forget('m1');
    assert.deepEqual((await here.current('m1')).reporters.map((r) => r.id), ['anna', 'bo']);
    assert.equal(await here.languageOf(m, 'anna'), 'en');
  });

  it('reads again when the clock was set back, and keeps at most maxEntries keys', async () => {
    const cache = new TtlCache<string, number>(clock, 1_000, 2);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    clock.set(at(-1));
    assert.equal(await cache.get('a', load), 2, 'a clock set back does not make an entry fresh for ever');
    await cache.get('b', load);
    await cache.get('c', load);
    assert.equal(cache.size, 2);
    assert.equal(await cache.get('a', load), 5, 'the oldest went first');
  });
});
