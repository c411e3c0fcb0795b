import assert from 'node:assert/strict';
import { countPersonData, holdsNothing, mentionsPerson, planErasure, pseudonymOf } from '../../domain/personal-records';
import { applyRegistryChanges } from '../../domain/registry';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { ANNA, ANNA_PATTERN, ANNA_TEN, BO, KIM, M1, M2, seed, snapshot } from './seed';

describe('Exporting and erasing one person on the Cosmos-compatible server', function () {
  this.timeout(60_000);
  let cosmos: LocalCosmos;
  let stores: Stores;
  const now = new Date('2026-12-10T10:00:00Z');
  const PSEUDONYM = pseudonymOf(ANNA);

  beforeEach(async () => {
    cosmos = await LocalCosmos.start({ database: 'privacy-test' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'test', async () => connection.dispose());
    await seed(stores);
  });
  afterEach(async () => {
    await stores.close();
    await cosmos.stop();
  });

  it('makes a stable pseudonym from a hash of the id', () => {
    assert.match(PSEUDONYM, /^raderad-[0-9a-f]{8}$/);
    assert.equal(pseudonymOf(ANNA), PSEUDONYM);
    assert.notEqual(pseudonymOf(ANNA_TEN), PSEUDONYM);
  });

  it('exports everything stored about her in the municipality, across weeks and containers', async () => {
    const e = await stores.personData.exportPerson(M1, ANNA, now);
    assert.deepEqual(countPersonData(e), {
      reports: 2, absences: 1, registryChanges: 2, conversations: 2, language: 1, sends: 2,
      decisions: 1, hotspots: 1, actions: 2, weekStates: 1, audit: 3,
    });
    assert.equal(e.exportedAt, now.toISOString());
    assert.deepEqual(e.reports.map((r) => r.week).sort(), ['2026-W49', '2026-W50']);
    assert.equal(e.reports[0]!.answer.what, 'Stökigt vid torget', 'the export carries what she wrote');
    assert.deepEqual(Object.keys(e.reports[0]!).sort(), Object.keys(await stores.weekly.getReport(M1, '2026-W49', 'rimbo', ANNA) ?? {}).sort(),
      'reports in their domain shape, without storage fields');
    assert.equal(e.language, 'en');
    assert.deepEqual(e.conversations.map((c) => c.key).sort(), ['team:19:team@thread', `user:${ANNA}`]);
    assert.deepEqual(e.sends.map((x) => x.key).sort(), [`prompts:2026-W49:rimbo:${ANNA}`, `reminders:2026-W49:rimbo:${ANNA}`]);
    assert.deepEqual(e.hotspots.map((h) => h.id), ['hs-1']);
    assert.deepEqual(e.actions.map((a) => a.id).sort(), ['a-1', 'a-2'], 'owner, and named in another action\'s history');
    assert.deepEqual(e.registryChanges.map((c) => c.reporterId).sort(), [ANNA, BO].sort(), 'her registration and the one she made');
    assert.deepEqual(e.audit.map((a) => a.id.slice(-8)), ['00000001', '00000002', '00000003']);
    assert.equal(e.removalMarker, undefined);
  });

  it('finds nothing of another person, a near-namesake or another municipality', async () => {
    const e = await stores.personData.exportPerson(M1, ANNA, now);
    assert.ok(e.reports.every((r) => r.reporterId === ANNA && r.municipalityId === M1));
    assert.ok(e.absences.every((a) => a.reporterId === ANNA && a.municipalityId === M1));
    assert.ok(!JSON.stringify(e).includes(ANNA_TEN), 'anna-00010 is someone else');
    assert.ok([...e.reports, ...e.absences, ...e.conversations, ...e.sends, ...e.decisions, ...e.hotspots, ...e.actions, ...e.weekStates, ...e.audit]
      .every((x) => x.municipalityId === M1));
    const other = await stores.personData.exportPerson(M2, ANNA, now);
    assert.deepEqual(countPersonData(other), {
      reports: 1, absences: 0, registryChanges: 0, conversations: 1, language: 1, sends: 1,
      decisions: 1, hotspots: 0, actions: 0, weekStates: 0, audit: 1,
    });
    assert.ok(holdsNothing(await stores.personData.exportPerson(M1, 'nobody-9999', now)));
  });

  it('erases her answers, absences, references, language and ledger, and counts exactly what the dry run planned', async () => {
    const planned = planErasure(await stores.personData.exportPerson(M1, ANNA, now));
    const summary = await stores.personData.erasePerson(M1, ANNA, KIM, now);
    assert.equal(summary.pseudonym, PSEUDONYM);
    assert.equal(summary.notice, 'configurationMayListPerson');
    assert.deepEqual(summary.counts, planned);
    assert.deepEqual(summary.counts, {
      deleted: { reports: 2, absences: 1, registrations: 1, conversations: 1, language: 1, sends: 2 },
      scrubbed: { conversations: 1 },
      pseudonymized: { registryChanges: 1, decisions: 1, hotspots: 1, actions: 2, weekStates: 1, audit: 3 },
    });
    assert.equal(await stores.weekly.getReport(M1, '2026-W49', 'rimbo', ANNA), undefined);
    assert.equal((await stores.weekly.listWeek(M1, '2026-W51')).absences.length, 1, 'only Bo\'s absence is left');
    assert.equal(await stores.registry.getLanguage(M1, ANNA), undefined);
    assert.equal(await stores.conversations.get(M1, `user:${ANNA}`), undefined);
    assert.equal(await stores.operations.getSend(M1, `prompts:2026-W49:rimbo:${ANNA}`), undefined);
  });

  it('keeps the meeting\'s records and the trail, with the pseudonym in place of her id', async () => {
    await stores.personData.erasePerson(M1, ANNA, KIM, now);
    const decision = (await stores.meeting.getDecision(M1, '2026-W49', 'rimbo'))?.value;
    assert.equal(decision?.decidedBy, PSEUDONYM);
    assert.equal(decision?.situation, 'Oroligt på kvällarna', 'the decision itself stays');
    const hs = (await stores.meeting.getHotspot(M1, 'hs-1'))?.value;
    assert.deepEqual([hs?.openedBy, hs?.closedBy], [PSEUDONYM, BO]);
    const a1 = (await stores.meeting.getAction(M1, 'a-1'))?.value;
    assert.deepEqual([a1?.ownerId, a1?.createdBy], [PSEUDONYM, BO]);
    const a2 = (await stores.meeting.getAction(M1, 'a-2'))?.value;
    assert.deepEqual(a2?.history[1], { at: '2026-12-01T08:00:00.000Z', by: KIM, kind: 'reassigned', fromOwner: PSEUDONYM, toOwner: BO });
    assert.equal((await stores.meeting.getWeekState(M1, '2026-W49'))?.value.finalizedBy, PSEUDONYM);
    assert.equal((await stores.meeting.getWeekState(M1, '2026-W50'))?.value.finalizedBy, BO);

    const trail = await stores.audit.list(M1);
    assert.equal(trail.length, 6, 'five seeded entries and the erasure');
    assert.deepEqual(trail.find((e) => e.id.endsWith('00000001'))?.subject, PSEUDONYM);
    assert.deepEqual(trail.find((e) => e.id.endsWith('00000003'))?.change, { fromOwner: PSEUDONYM, toOwner: BO });
    const erased = trail.find((e) => e.kind === 'personErased');
    assert.deepEqual([erased?.actorId, erased?.subject, erased?.at], [KIM, PSEUDONYM, now.toISOString()]);
    assert.equal(erased?.change['deleted.reports'], 2);
  });

  it('takes her off the reporter list even where the file still lists her, and scrubs her from the team\'s reference', async () => {
    await stores.personData.erasePerson(M1, ANNA, KIM, now);
    const configured = [{ id: ANNA, name: 'Anna Ek', organisation: 'Fritidsgården', towns: ['rimbo'] }];
    assert.deepEqual(applyRegistryChanges(configured, await stores.registry.listChanges(M1)).map((r) => r.id), [BO]);
    const bo = (await stores.registry.listChanges(M1)).find((c) => c.reporterId === BO);
    assert.equal(bo?.changedBy, PSEUDONYM);
    assert.equal(bo?.reporter?.name, 'Bo Berg');
    const team = await stores.conversations.get(M1, 'team:19:team@thread');
    assert.ok(team, 'the team\'s reference stays usable');
    assert.equal(team.reference.user, undefined);
    assert.deepEqual(team.reference.conversation, { id: 'conv-team:19:team@thread' });
  });

  it('leaves nothing identifying her: a second export is empty but for the removal marker, and no stored document names her', async () => {
    await stores.personData.erasePerson(M1, ANNA, KIM, now);
    const again = await stores.personData.exportPerson(M1, ANNA, now);
    assert.ok(holdsNothing(again), JSON.stringify(countPersonData(again)));
    assert.deepEqual(again.removalMarker, { id: `reporter:${ANNA}`, municipalityId: M1, reporterId: ANNA, changedBy: KIM, changedAt: now.toISOString() });
    const all = await snapshot(stores);
    const naming = Object.values(all).flat().filter((d) => d.municipalityId === M1 && ANNA_PATTERN.test(JSON.stringify(d)));
    assert.deepEqual(naming.map((d) => d.id), [`reporter:${ANNA}`], 'only the marker holds her id');
    assert.ok(!JSON.stringify(all).includes('Anna Ek'), 'her name is gone with her registration');
    assert.ok(Object.values(all).flat().some((d) => d.municipalityId === M1 && mentionsPerson(d, PSEUDONYM)));
  });

  it('leaves other people and other municipalities untouched', async () => {
    const before = await snapshot(stores);
    await stores.personData.erasePerson(M1, ANNA, KIM, now);
    const after = await snapshot(stores);
    for (const name of Object.keys(before) as (keyof typeof before)[]) {
      const m2Before = before[name].filter((d) => d.municipalityId === M2 || String(d.partition ?? '').startsWith(`${M2}|`));
      const m2After = after[name].filter((d) => d.municipalityId === M2 || String(d.partition ?? '').startsWith(`${M2}|`));
      assert.deepEqual(m2After, m2Before, `${name} of ${M2}`);
      // Every document that did not name her is still there, unchanged.
      for (const doc of before[name].filter((d) => !mentionsPerson(d, ANNA))) {
        assert.deepEqual(after[name].find((d) => d.id === doc.id && d.municipalityId === doc.municipalityId && d.partition === doc.partition), doc, `${name} ${String(doc.id)}`);
      }
    }
    assert.equal((await stores.weekly.getReport(M1, '2026-W49', 'rimbo', ANNA_TEN))?.reporterId, ANNA_TEN);
  });

  it('can be run again: a second erasure finds nothing more to do', async () => {
    await stores.personData.erasePerson(M1, ANNA, KIM, now);
    const second = await stores.personData.erasePerson(M1, ANNA, KIM, now);
    assert.ok(Object.values(second.counts).every((group) => Object.values(group).every((n) => n === 0)), JSON.stringify(second.counts));
  });

  it('does not name someone who erases themselves', async () => {
    await stores.personData.erasePerson(M1, ANNA, ANNA, now);
    const again = await stores.personData.exportPerson(M1, ANNA, now);
    assert.equal(again.removalMarker?.changedBy, PSEUDONYM);
    assert.ok((await stores.audit.list(M1)).every((e) => !ANNA_PATTERN.test(JSON.stringify(e))));
  });
});
