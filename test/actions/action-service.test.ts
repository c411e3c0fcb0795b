import assert from 'node:assert/strict';
import {
  actionAudit, cancelActionIn, isOpenAction, mayViewAction, openActions, reassignActionTo, setActionStatus, type ActionResult,
} from '../../domain/action-service';
import type { Municipality } from '../../domain/municipality';
import type { CosmosConnection } from '../../store/cosmos-connection';
import { LocalCosmos } from '../../store/local-cosmos';
import { CosmosMeetingStore } from '../../store/meeting-store';
import { norrtalje } from '../cards/support/sample';
import { changeAt, newAction } from './support/sample-actions';

function updated(result: ActionResult) {
  if (!result.ok) assert.fail(`refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function codes(result: ActionResult): string[] {
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('The action service on the Cosmos-compatible store', function () {
  this.timeout(30_000);
  let cosmos: LocalCosmos;
  let connection: CosmosConnection;
  let store: CosmosMeetingStore;
  let m: Municipality;
  let owner: string;
  let coordinator: string;
  let member: string;
  let n = 0;
  const stored = async (over: Parameters<typeof newAction>[2] = {}) => {
    const a = newAction(m, `action-unit-${++n}`, { ownerId: owner, ...over });
    await store.saveAction(a, undefined);
    return a;
  };

  before(async () => {
    cosmos = await LocalCosmos.start({ database: 'action-service-test' });
    connection = await cosmos.connect();
    store = new CosmosMeetingStore(connection);
    m = norrtalje();
    [owner, member] = [m.meetingMembers[0]!.id, m.meetingMembers[1]!.id];
    coordinator = m.coordinators[0]!.id;
  });
  after(async () => {
    connection.dispose();
    await cosmos.stop();
  });

  it('stores the owner\'s status change with who, when and the comment, and returns the action before and after', async () => {
    const a = await stored();
    const u = updated(await setActionStatus(store, m, a.id, 'accepted', ' Tar det ', changeAt(owner, '2026-12-03T08:00:00Z')));
    assert.equal(u.before.status, 'open');
    assert.equal(u.after.status, 'accepted');
    assert.deepEqual((await store.getAction(m.id, a.id))!.value, u.after);
    assert.deepEqual(u.after.history.at(-1), { at: '2026-12-03T08:00:00.000Z', by: owner, kind: 'status', status: 'accepted', comment: 'Tar det' });
  });

  it('takes the same status again with a comment as a comment, and without one as a mistake', async () => {
    const a = await stored();
    updated(await setActionStatus(store, m, a.id, 'blocked', '', changeAt(owner, '2026-12-03T08:00:00Z')));
    const u = updated(await setActionStatus(store, m, a.id, 'blocked', 'Väntar fortfarande', changeAt(owner, '2026-12-04T08:00:00Z')));
    assert.equal(u.after.history.at(-1)?.kind, 'comment');
    assert.equal(u.after.lastComment, 'Väntar fortfarande');
    assert.deepEqual(codes(await setActionStatus(store, m, a.id, 'blocked', '', changeAt(owner, '2026-12-04T09:00:00Z'))), ['statusUnchanged']);
  });

  it('lets a coordinator change any action and refuses everyone else but the owner, changing nothing', async () => {
    const a = await stored();
    assert.deepEqual(codes(await setActionStatus(store, m, a.id, 'done', '', changeAt(member, '2026-12-03T08:00:00Z'))), ['notAllowed']);
    assert.deepEqual((await store.getAction(m.id, a.id))!.value, a);
    updated(await setActionStatus(store, m, a.id, 'done', '', changeAt(coordinator, '2026-12-03T08:00:00Z')));
    assert.deepEqual(codes(await setActionStatus(store, m, 'action-missing', 'done', '', changeAt(coordinator, '2026-12-03T08:00:00Z'))), ['actionNotFound']);
    assert.deepEqual(codes(await setActionStatus(store, { ...m, id: 'another' }, a.id, 'done', '', changeAt(coordinator, '2026-12-03T08:00:00Z'))), ['actionNotFound'],
      'another municipality does not see it');
  });

  it('keeps both of two changes made at the same moment: the later writer re-applies on the fresh record', async () => {
    const a = await stored();
    const [x, y] = await Promise.all([
      setActionStatus(store, m, a.id, 'inProgress', 'Påbörjat', changeAt(owner, '2026-12-03T08:00:00Z')),
      setActionStatus(store, m, a.id, 'blocked', 'Saknar nyckel', changeAt(coordinator, '2026-12-03T08:00:01Z')),
    ]);
    updated(x);
    updated(y);
    const history = (await store.getAction(m.id, a.id))!.value.history;
    assert.deepEqual(history.slice(1).map((e) => e.comment).sort(), ['Påbörjat', 'Saknar nyckel']);
  });

  it('moves an action only for a coordinator and only to someone the municipality knows', async () => {
    const a = await stored();
    const to = m.meetingMembers[2]!.id;
    assert.deepEqual(codes(await reassignActionTo(store, m, a.id, to, changeAt(owner, '2026-12-03T08:00:00Z'))), ['notAllowed']);
    assert.deepEqual(codes(await reassignActionTo(store, m, a.id, 'stranger', changeAt(coordinator, '2026-12-03T08:00:00Z'))), ['unknownOwner']);
    const u = updated(await reassignActionTo(store, m, a.id, to, changeAt(coordinator, '2026-12-03T08:00:00Z')));
    assert.equal(u.before.ownerId, owner);
    assert.equal(u.after.ownerId, to);
    assert.deepEqual(codes(await setActionStatus(store, m, a.id, 'done', '', changeAt(owner, '2026-12-03T09:00:00Z'))), ['notAllowed'], 'the previous owner no longer may');
  });

  it('strikes an action for a coordinator only; a struck action cannot change again', async () => {
    const a = await stored();
    assert.deepEqual(codes(await cancelActionIn(store, m, a.id, changeAt(owner, '2026-12-03T08:00:00Z'))), ['notAllowed']);
    const u = updated(await cancelActionIn(store, m, a.id, changeAt(coordinator, '2026-12-03T08:00:00Z')));
    assert.equal(isOpenAction(u.after), false);
    assert.deepEqual(codes(await setActionStatus(store, m, a.id, 'accepted', '', changeAt(owner, '2026-12-03T09:00:00Z'))), ['actionCancelled']);
  });

  it('lists open actions by owner or town, earliest due first, without done or cancelled ones', async () => {
    const late = await stored({ ownerId: m.reporters[0]!.id, due: '2026-12-20', townId: 'hallstavik' });
    const early = await stored({ ownerId: m.reporters[0]!.id, due: '2026-12-05', townId: 'hallstavik' });
    const done = await stored({ ownerId: m.reporters[0]!.id, townId: 'hallstavik' });
    updated(await setActionStatus(store, m, done.id, 'done', '', changeAt(coordinator, '2026-12-03T08:00:00Z')));
    assert.deepEqual((await openActions(store, m, { ownerId: m.reporters[0]!.id })).map((a) => a.id), [early.id, late.id]);
    assert.deepEqual((await openActions(store, m, { townId: 'hallstavik' })).map((a) => a.id), [early.id, late.id]);
  });

  it('lets the meeting\'s people see any action, others only their own', async () => {
    const a = await stored();
    assert.equal(mayViewAction(m, a, member), true);
    assert.equal(mayViewAction(m, a, owner), true);
    assert.equal(mayViewAction(m, a, m.reporters[1]!.id), false);
  });

  it('audits a change with ids and statuses, never the comment\'s text', async () => {
    const a = await stored();
    const u = updated(await setActionStatus(store, m, a.id, 'blocked', 'Hemlig kommentar', changeAt(owner, '2026-12-03T08:00:00Z')));
    const entry = actionAudit(m, u, owner, new Date('2026-12-03T08:00:00Z'));
    assert.deepEqual(entry.change, { op: 'status', townId: a.townId, from: 'open', to: 'blocked', commentLength: 16 });
    assert.equal(entry.kind, 'action');
    assert.doesNotMatch(JSON.stringify(entry), /Hemlig/);
  });
});
