import assert from 'node:assert/strict';
import { fixedClock } from '../../domain/clock';
import { Directory } from '../../domain/directory';
import type { DeliveryStatus, Notifier, OutgoingMessage } from '../../domain/ports';
import { silentLogger } from '../../observability/logger';
import type { JobDeps } from '../../scheduler/job-deps';
import { notifyAssignedOwner, tellPreviousOwner } from '../../scheduler/notify-action-owner';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { norrtalje } from '../cards/support/sample';
import { changeAt, newAction, ok } from './support/sample-actions';
import { reassignAction } from '../../domain/picture/meeting';

/** A notifier that records what it was asked to send and answers 403 for the blocked. */
class FakeNotifier implements Notifier {
  readonly sent: Array<{ userId: string; message: OutgoingMessage }> = [];
  constructor(private readonly blocked: Set<string>) {}
  async sendToUser(_m: string, userId: string, message: OutgoingMessage): Promise<DeliveryStatus> {
    if (this.blocked.has(userId)) return 'unreachable';
    this.sent.push({ userId, message });
    return 'delivered';
  }
  async sendToConversation(): Promise<DeliveryStatus> { return 'delivered'; }
}

describe('Telling an action\'s owner, through the send ledger', function () {
  this.timeout(30_000);
  let cosmos: LocalCosmos;
  let stores: Stores;
  let notifier: FakeNotifier;
  let deps: JobDeps;
  const m = norrtalje();
  const blocked = m.reporters[4]!.id;

  before(async () => {
    cosmos = await LocalCosmos.start({ database: 'notify-owner-test' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'test', async () => connection.dispose());
    notifier = new FakeNotifier(new Set([blocked]));
    deps = {
      directory: new Directory([m], stores.registry), weekly: stores.weekly, meeting: stores.meeting, operations: stores.operations,
      notifier, clock: fixedClock('2026-12-02T14:00:00Z'), instanceId: 'test', log: silentLogger,
    };
  });
  after(async () => {
    await stores.close();
    await cosmos.stop();
  });

  it('sends an assignment once, however often it is asked to', async () => {
    const a = newAction(m, 'action-once', { ownerId: m.meetingMembers[0]!.id });
    assert.equal(await notifyAssignedOwner(deps, m, a), 'sent');
    assert.equal(await notifyAssignedOwner(deps, m, a), 'skipped');
    assert.equal(notifier.sent.filter((s) => s.userId === a.ownerId).length, 1);
  });

  it('tells a new owner after a move, and the previous one, each once', async () => {
    const before = newAction(m, 'action-moved', { ownerId: m.meetingMembers[0]!.id });
    const after = ok(reassignAction(before, m.meetingMembers[1]!.id, changeAt(m.coordinators[0]!.id, '2026-12-02T15:00:00Z')));
    assert.equal(await notifyAssignedOwner(deps, m, after), 'sent');
    assert.equal(await tellPreviousOwner(deps, m, before, after, m.coordinators[0]!.id), 'sent');
    assert.equal(await tellPreviousOwner(deps, m, before, after, m.coordinators[0]!.id), 'skipped');
    assert.match(notifier.sent.find((s) => s.userId === after.ownerId)!.message.text!, /Karin Trygg har gett dig ansvaret/);
    assert.match(notifier.sent.filter((s) => s.userId === before.ownerId).at(-1)!.message.text!, /har flyttats från dig till Räddningstjänsten Roslagen/);
  });

  it('tells every coordinator once when an owner cannot be reached, however many actions they get', async () => {
    for (const id of ['action-b1', 'action-b2', 'action-b3']) {
      assert.equal(await notifyAssignedOwner(deps, m, newAction(m, id, { ownerId: blocked })), 'failed');
    }
    for (const c of m.coordinators) {
      const notes = notifier.sent.filter((s) => s.userId === c.id && /har blockerat eller tagit bort Lägesbild/.test(s.message.text ?? ''));
      assert.equal(notes.length, 1, c.name);
      assert.match(notes[0]!.message.text!, new RegExp(m.reporters[4]!.name));
    }
    assert.equal((await stores.operations.getSend(m.id, 'action-owner:action-b1:0'))?.status, 'unreachable');
  });
});
