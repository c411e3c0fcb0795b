import assert from 'node:assert/strict';
import type { Reporter } from '../../domain/municipality';
import { applyRegistryChanges, registryChangeId, type RegistryChange } from '../../domain/registry';

const configured: Reporter[] = [
  { id: 'anna', name: 'Anna Ek', organisation: 'Fritidsgården', towns: ['rimbo', 'norrtalje'] },
  { id: 'bo', name: 'Bo Berg', organisation: 'Bostadsbolaget', towns: ['rimbo'] },
];

function change(reporterId: string, changedAt: string, reporter?: Reporter): RegistryChange {
  return { id: registryChangeId(reporterId), municipalityId: 'norrtalje', reporterId, reporter, changedBy: 'coord', changedAt };
}

const summary = (rs: Reporter[]) => rs.map((r) => `${r.id}:${r.towns.join('+')}`);

describe('registry', () => {
  it('keeps the configured reporters when nothing was changed', () => {
    assert.deepEqual(applyRegistryChanges(configured, []), configured);
  });

  it('adds a reporter', () => {
    const cia: Reporter = { id: 'cia', name: 'Cia Dahl', organisation: 'Skolan', towns: ['hallstavik'] };
    assert.deepEqual(summary(applyRegistryChanges(configured, [change('cia', '2026-12-01T10:00:00Z', cia)])),
      ['anna:rimbo+norrtalje', 'bo:rimbo', 'cia:hallstavik']);
  });

  it('removes a configured reporter', () => {
    assert.deepEqual(summary(applyRegistryChanges(configured, [change('bo', '2026-12-01T10:00:00Z')])), ['anna:rimbo+norrtalje']);
  });

  it('moves a reporter to other towns, in place', () => {
    const moved = { ...configured[0]!, towns: ['hallstavik'] };
    assert.deepEqual(summary(applyRegistryChanges(configured, [change('anna', '2026-12-01T10:00:00Z', moved)])),
      ['anna:hallstavik', 'bo:rimbo']);
  });

  it('lets the later change win, whatever order the changes come in', () => {
    const toHallstavik = { ...configured[1]!, towns: ['hallstavik'] };
    const changes = [change('bo', '2026-12-02T10:00:00Z', toHallstavik), change('bo', '2026-12-01T10:00:00Z')];
    assert.deepEqual(summary(applyRegistryChanges(configured, changes)), ['anna:rimbo+norrtalje', 'bo:hallstavik']);
    assert.deepEqual(summary(applyRegistryChanges(configured, [...changes].reverse())), ['anna:rimbo+norrtalje', 'bo:hallstavik']);
  });

  it('removes a reporter whose removal came after a move', () => {
    const toHallstavik = { ...configured[1]!, towns: ['hallstavik'] };
    const changes = [change('bo', '2026-12-03T10:00:00Z'), change('bo', '2026-12-02T10:00:00Z', toHallstavik)];
    assert.deepEqual(summary(applyRegistryChanges(configured, changes)), ['anna:rimbo+norrtalje']);
  });

  it('ignores the removal of someone who is not there', () => {
    assert.deepEqual(applyRegistryChanges(configured, [change('nobody', '2026-12-01T10:00:00Z')]), configured);
  });

  it('leaves the given lists untouched', () => {
    const before = JSON.stringify(configured);
    const changes = [change('bo', '2026-12-02T10:00:00Z'), change('anna', '2026-12-01T10:00:00Z')];
    const changesBefore = JSON.stringify(changes);
    applyRegistryChanges(configured, changes);
    assert.equal(JSON.stringify(configured), before);
    assert.equal(JSON.stringify(changes), changesBefore);
  });

  it('derives one change id per reporter, so a new change replaces the stored one', () => {
    assert.equal(registryChangeId('anna'), 'reporter:anna');
  });
});
