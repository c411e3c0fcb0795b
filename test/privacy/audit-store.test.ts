import assert from 'node:assert/strict';
import { AUDIT_MAX_STRING, auditEntry } from '../../domain/audit';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';

describe('The audit trail on the Cosmos-compatible server', function () {
  this.timeout(30_000);
  let cosmos: LocalCosmos;
  let stores: Stores;

  before(async () => {
    cosmos = await LocalCosmos.start({ database: 'privacy-test' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'test', async () => connection.dispose());
  });
  after(async () => {
    await stores.close();
    await cosmos.stop();
  });

  const entry = (at: string, subject: string, actorId = 'kim', municipalityId = 'm1') =>
    auditEntry({ municipalityId, at: new Date(at), actorId, kind: 'grade', subject, change: { grade: 3 } });

  it('builds an id from the instant and a random part, and keeps the change short', () => {
    const e = auditEntry({ municipalityId: 'm1', at: new Date('2026-12-02T09:00:00Z'), actorId: 'kim', kind: 'situation', subject: '2026-W49:rimbo',
      change: { length: 'x'.repeat(500) } }, 'abcd1234');
    assert.equal(e.id, 'audit:2026-12-02T09:00:00.000Z:abcd1234');
    assert.equal(e.at, '2026-12-02T09:00:00.000Z');
    assert.equal((e.change.length as string).length, AUDIT_MAX_STRING);
    const at = new Date('2026-12-02T09:00:00Z');
    const same = { municipalityId: 'm1', at, actorId: 'kim', kind: 'grade' as const, subject: 's' };
    assert.notEqual(auditEntry(same).id, auditEntry(same).id, 'two entries of the same instant stay apart');
  });

  it('lists a municipality\'s entries oldest first, whatever order they were appended in', async () => {
    const late = entry('2026-12-02T10:00:00Z', '2026-W49:rimbo');
    const early = entry('2026-12-02T09:00:00Z', '2026-W49:rimbo');
    const middle = entry('2026-12-02T09:30:00Z', '2026-W49:norrtalje');
    for (const e of [late, early, middle]) await stores.audit.append(e);
    await stores.audit.append(entry('2026-12-02T09:15:00Z', '2026-W49:rimbo', 'kim', 'm2'));
    assert.deepEqual((await stores.audit.list('m1')).map((e) => e.id), [early.id, middle.id, late.id]);
    assert.deepEqual(await stores.audit.list('m1'), [early, middle, late], 'read back exactly as appended');
  });

  it('filters by subject, actor and time, and never shows another municipality\'s entries', async () => {
    const rimbo = await stores.audit.list('m1', { subject: '2026-W49:rimbo' });
    assert.equal(rimbo.length, 2);
    assert.ok(rimbo.every((e) => e.subject === '2026-W49:rimbo' && e.municipalityId === 'm1'));
    assert.deepEqual((await stores.audit.list('m1', { since: '2026-12-02T09:30:00.000Z' })).map((e) => e.at),
      ['2026-12-02T09:30:00.000Z', '2026-12-02T10:00:00.000Z']);
    assert.equal((await stores.audit.list('m1', { actorId: 'nobody' })).length, 0);
    assert.deepEqual((await stores.audit.list('m2')).map((e) => e.municipalityId), ['m2']);
  });

  it('never overwrites an entry: appending the same id again fails and the first stays', async () => {
    const first = auditEntry({ municipalityId: 'm1', at: new Date('2026-12-03T09:00:00Z'), actorId: 'kim', kind: 'hotspot', subject: 'hs-1', change: { op: 'open' } }, 'samesame');
    await stores.audit.append(first);
    await assert.rejects(stores.audit.append({ ...first, change: { op: 'close' } }));
    assert.deepEqual((await stores.audit.list('m1', { subject: 'hs-1' })).map((e) => e.change), [{ op: 'open' }]);
  });
});
