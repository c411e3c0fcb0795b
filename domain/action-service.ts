import type { NewAuditEntry } from './audit';
import { ConcurrentChangeError } from './errors';
import { isCoordinator, people, type Municipality } from './municipality';
import {
  cancelAction, changeActionStatus, commentAction, reassignAction,
  type Action, type ActionStatus, type Change, type MeetingError, type MeetingResult,
} from './picture/meeting';
import type { MeetingStore } from './ports';
import type { Validated } from './report';

/** Re-applications on fresh data after someone else changed the action first (as in meeting-service). */
const MAX_ATTEMPTS = 5;

/** Why a change to an action was refused: the meeting's rules, or who may do it. */
export type ActionError =
  | MeetingError
  | { code: 'actionNotFound'; actionId: string }
  | { code: 'notAllowed'; actionId: string }
  | { code: 'unknownOwner'; ownerId: string };

/** The action before and after a change, so callers can tell the previous owner or audit the step. */
export interface ActionUpdate {
  before: Action;
  after: Action;
}

export type ActionResult = Validated<ActionUpdate, ActionError>;

/** Neither done nor cancelled: what owners are reminded of and lists show. */
export function isOpenAction(a: Action): boolean {
  return a.status !== 'done' && a.status !== 'cancelled';
}

/** The owner works on their action; a coordinator may change any. */
export function mayChangeAction(m: Municipality, a: Action, userId: string): boolean {
  return a.ownerId === userId || isCoordinator(m, userId);
}

/** The meeting's people see every action; anyone else only their own. */
export function mayViewAction(m: Municipality, a: Action, userId: string): boolean {
  return mayChangeAction(m, a, userId) || m.meetingMembers.some((p) => p.id === userId);
}

function refuse(error: ActionError): ActionResult {
  return { ok: false, errors: [error] };
}

/**
 * Reads the action, checks who acts, applies the transition and writes back at the read etag;
 * when someone else wrote in between, all of it runs again on their version.
 */
async function update(
  store: MeetingStore, m: Municipality, actionId: string, allowed: (a: Action) => boolean,
  transition: (a: Action) => MeetingResult<Action>,
): Promise<ActionResult> {
  for (let i = 1; ; i++) {
    const found = await store.getAction(m.id, actionId);
    if (!found || found.value.municipalityId !== m.id) return refuse({ code: 'actionNotFound', actionId: actionId.slice(0, 60) });
    if (!allowed(found.value)) return refuse({ code: 'notAllowed', actionId });
    const result = transition(found.value);
    if (!result.ok) return result;
    try {
      await store.saveAction(result.value, found.etag);
      return { ok: true, value: { before: found.value, after: result.value } };
    } catch (err) {
      if (!(err instanceof ConcurrentChangeError) || i >= MAX_ATTEMPTS) throw err;
    }
  }
}

/**
 * The owner's (or a coordinator's) status change, with an optional comment. The same status
 * again with a comment is a comment, so "still blocked: waiting for the landlord" is one click.
 */
export function setActionStatus(store: MeetingStore, m: Municipality, actionId: string, status: ActionStatus, comment: string, change: Change): Promise<ActionResult> {
  return update(store, m, actionId, (a) => mayChangeAction(m, a, change.by), (a) => (a.status === status && comment.trim() !== ''
    ? commentAction(a, comment, change)
    : changeActionStatus(a, status, change, comment)));
}

/** A coordinator gives the action to someone else the municipality knows. */
export function reassignActionTo(store: MeetingStore, m: Municipality, actionId: string, toOwner: string, change: Change): Promise<ActionResult> {
  if (!people(m).some((p) => p.id === toOwner)) return Promise.resolve(refuse({ code: 'unknownOwner', ownerId: toOwner.slice(0, 60) }));
  return update(store, m, actionId, () => isCoordinator(m, change.by), (a) => reassignAction(a, toOwner, change));
}

/** A coordinator strikes the action: it leaves every list. */
export function cancelActionIn(store: MeetingStore, m: Municipality, actionId: string, change: Change): Promise<ActionResult> {
  return update(store, m, actionId, () => isCoordinator(m, change.by), (a) => cancelAction(a, change));
}

/** Open actions, earliest due first; `filter` narrows them to an owner or a town. */
export async function openActions(store: MeetingStore, m: Municipality, filter: { ownerId?: string; townId?: string } = {}): Promise<Action[]> {
  return (await store.listActions(m.id))
    .filter((a) => a.municipalityId === m.id && isOpenAction(a))
    .filter((a) => (filter.ownerId === undefined || a.ownerId === filter.ownerId) && (filter.townId === undefined || a.townId === filter.townId))
    .sort((a, b) => a.due.localeCompare(b.due) || a.createdAt.localeCompare(b.createdAt));
}

/** The audit trail's note of a change: ids and statuses, never the comment's text. */
export function actionAudit(m: Municipality, u: ActionUpdate, actorId: string, at: Date): NewAuditEntry {
  const { before, after } = u;
  const last = after.history[after.history.length - 1];
  return {
    municipalityId: m.id, at, actorId, kind: 'action', subject: after.id,
    change: {
      op: last?.kind ?? 'status', townId: after.townId, from: before.status, to: after.status,
      ...(before.ownerId !== after.ownerId ? { fromOwner: before.ownerId, toOwner: after.ownerId } : {}),
      commentLength: last?.comment?.length ?? 0,
    },
  };
}
