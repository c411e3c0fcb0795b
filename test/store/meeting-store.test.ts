import assert from 'node:assert/strict';
import { ConcurrentChangeError } from '../../domain/errors';
import { parseWeekKey } from '../../domain/iso-week';
import type { TownWeekSummary } from '../../domain/picture/history';
import {
  addAction, changeActionStatus, finalizeWeek, openHotspot, setTownDecision,
  type Change, type MeetingResult,
} from '../../domain/picture/meeting';
import type { CosmosConnection } from '../../store/cosmos-connection';
import { LocalCosmos } from '../../store/local-cosmos';
import { CosmosMeetingStore } from '../../store/meeting-store';

function ok<T>(result: MeetingResult<T>): T {
  if (!result.ok) assert.fail(`transition refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function change(by: string, at = '2026-12-02T09:00:00.000Z', week = '2026-W49'): Change {
  return { by, at: new Date(at), week: parseWeekKey(week)! };
}

function summary(municipalityId: string, week: string, townId = 'rimbo'): TownWeekSummary {
  return { municipalityId, week, townId, proposedGrade: 3 };
}

describe('The meeting store on the Cosmos-compatible server', function () {
  this.timeout(30_000);
  let cosmos: LocalCosmos;
  let connection: CosmosConnection;
  let store: CosmosMeetingStore;

  before(async () => {
    cosmos = await LocalCosmos.start({ database: 'meeting-test' });
    connection = await cosmos.connect();
    store = new CosmosMeetingStore(connection);
  });
  after(async () => {
    connection.dispose();
    await cosmos.stop();
  });

  it('reads back a created decision as it was saved, with its etag', async () => {
    const decision = ok(setTownDecision({ municipalityId: 'm1', week: '2026-W49', townId: 'rimbo', finalGrade: 2, situation: 'Lugnt' }, change('anna')));
    const etag = await store.saveDecision(decision, undefined);
    const read = await store.getDecision('m1', '2026-W49', 'rimbo');
    assert.deepEqual(read, { value: decision, etag });
    assert.equal(await store.getDecision('m1', '2026-W49', 'norrtalje'), undefined);
  });

  it('refuses a second create of the same decision', async () => {
    const decision = ok(setTownDecision({ municipalityId: 'm1', week: '2026-W50', townId: 'rimbo', situation: 'Först' }, change('anna')));
    await store.saveDecision(decision, undefined);
    const other = ok(setTownDecision({ municipalityId: 'm1', week: '2026-W50', townId: 'rimbo', situation: 'Också först' }, change('bo')));
    await assert.rejects(store.saveDecision(other, undefined), ConcurrentChangeError);
    assert.equal((await store.getDecision('m1', '2026-W50', 'rimbo'))?.value.situation, 'Först');
  });

  it('lets the first of two writers at the same etag win; the second re-reads and keeps both changes', async () => {
    const input = { municipalityId: 'm1', week: '2026-W51', townId: 'rimbo' };
    await store.saveDecision(ok(setTownDecision({ ...input, situation: 'Start' }, change('anna'))), undefined);
    const anna = (await store.getDecision('m1', '2026-W51', 'rimbo'))!;
    const bo = (await store.getDecision('m1', '2026-W51', 'rimbo'))!;
    assert.equal(anna.etag, bo.etag);

    await store.saveDecision(ok(setTownDecision({ ...input, current: anna.value, finalGrade: 4 }, change('anna'))), anna.etag);
    const boEdit = ok(setTownDecision({ ...input, current: bo.value, situation: 'Oroligt vid stationen' }, change('bo')));
    await assert.rejects(store.saveDecision(boEdit, bo.etag), ConcurrentChangeError);

    const fresh = (await store.getDecision('m1', '2026-W51', 'rimbo'))!;
    assert.notEqual(fresh.etag, bo.etag);
    const retried = ok(setTownDecision({ ...input, current: fresh.value, situation: 'Oroligt vid stationen' }, change('bo')));
    const etag = await store.saveDecision(retried, fresh.etag);

    const final = (await store.getDecision('m1', '2026-W51', 'rimbo'))!;
    assert.equal(final.etag, etag);
    assert.equal(final.value.finalGrade, 4);
    assert.equal(final.value.situation, 'Oroligt vid stationen');
    assert.equal(final.value.decidedBy, 'bo');
  });

  it('keeps hotspots, actions and week states with their own ids, optimistically', async () => {
    const hotspot = ok(openHotspot({ id: 'h1', municipalityId: 'm1', townId: 'rimbo', place: 'Torget', reason: 'Skadegörelse' }, change('anna')));
    await store.saveHotspot(hotspot, undefined);
    const readHotspot = (await store.getHotspot('m1', 'h1'))!;
    assert.deepEqual(readHotspot.value, hotspot);

    const action = ok(addAction({
      id: 'a1', municipalityId: 'm1', townId: 'rimbo', hotspot: readHotspot.value, what: 'Mer belysning', ownerId: 'cecilia',
      nextMeetingDate: '2026-12-09',
    }, change('anna')));
    const created = await store.saveAction(action, undefined);
    const readAction = (await store.getAction('m1', 'a1'))!;
    assert.deepEqual(readAction, { value: action, etag: created });
    const started = ok(changeActionStatus(readAction.value, 'accepted', change('cecilia', '2026-12-03T10:00:00.000Z')));
    await store.saveAction(started, readAction.etag);
    await assert.rejects(store.saveAction(started, readAction.etag), ConcurrentChangeError);
    assert.equal((await store.getAction('m1', 'a1'))?.value.status, 'accepted');

    const state = ok(finalizeWeek(undefined, 'm1', '2026-W49', change('anna')));
    await store.saveWeekState(state, undefined);
    assert.deepEqual((await store.getWeekState('m1', '2026-W49'))?.value, state);
    assert.equal(await store.getWeekState('m1', '2026-W48'), undefined);
  });

  it('lists only the asked municipality\'s records', async () => {
    await store.saveDecision(ok(setTownDecision({ municipalityId: 'm2', week: '2026-W49', townId: 'rimbo', situation: 'Annan kommun' }, change('x'))), undefined);
    await store.saveHotspot(ok(openHotspot({ id: 'h1', municipalityId: 'm2', townId: 'rimbo', place: 'Hamnen', reason: 'Bråk' }, change('x'))), undefined);
    await store.saveAction(ok(addAction({ id: 'a1', municipalityId: 'm2', townId: 'rimbo', what: 'Vakt', ownerId: 'y', nextMeetingDate: '2026-12-09' }, change('x'))), undefined);

    const decisions = await store.listDecisions('m1', '2026-W49');
    assert.deepEqual(decisions.map((d) => [d.municipalityId, d.week, d.townId]), [['m1', '2026-W49', 'rimbo']]);
    const hotspots = await store.listHotspots('m1');
    assert.deepEqual(hotspots.map((h) => [h.municipalityId, h.id, h.place]), [['m1', 'h1', 'Torget']]);
    const actions = await store.listActions('m1');
    assert.deepEqual(actions.map((a) => [a.municipalityId, a.id, a.what]), [['m1', 'a1', 'Mer belysning']]);
    assert.deepEqual((await store.listHotspots('m2')).map((h) => h.place), ['Hamnen']);
    assert.deepEqual(await store.listActions('m3'), []);
  });

  it('lists week summaries in a range across the year boundary, per municipality', async () => {
    await store.saveSummaries(['2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02'].map((w) => summary('m1', w)));
    await store.saveSummaries([summary('m2', '2026-W53')]);
    // Saving again replaces rather than duplicates.
    await store.saveSummaries([{ ...summary('m1', '2026-W53'), finalGrade: 5 }]);

    const found = await store.listSummaries('m1', '2026-W52', '2027-W01');
    const weeks = found.map((s) => s.week).sort();
    assert.deepEqual(weeks, ['2026-W52', '2026-W53', '2027-W01']);
    assert.ok(found.every((s) => s.municipalityId === 'm1'));
    assert.deepEqual(found.find((s) => s.week === '2026-W53'), { ...summary('m1', '2026-W53'), finalGrade: 5 });
  });
});
