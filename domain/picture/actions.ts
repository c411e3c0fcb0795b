import { weekKey } from '../iso-week';
import { ACTION_STATUSES, type ActionStatus } from './action-status';
import type { Action, ActionEvent, Change, Hotspot, MeetingError, MeetingResult } from './meeting';
import { checkMeetingText } from './meeting-text';

export interface NewAction {
  /** Chosen by the caller, so that a retried submit can reuse it. */
  id: string;
  municipalityId: string;
  townId: string;
  /** The hotspot the action addresses; it must be open and in the same town. */
  hotspot?: Hotspot;
  what: string;
  ownerId: string;
  /** "YYYY-MM-DD"; defaults to `nextMeetingDate`. */
  due?: string;
  /** "YYYY-MM-DD" of the next meeting, where actions are followed up. */
  nextMeetingDate: string;
}

function refuse<T>(...errors: MeetingError[]): MeetingResult<T> {
  return { ok: false, errors };
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function event(change: Change, kind: ActionEvent['kind'], extra: Omit<ActionEvent, 'at' | 'by' | 'kind'>): ActionEvent {
  return { at: change.at.toISOString(), by: change.by, kind, ...extra };
}

/** Only an action that is still live can change; a cancelled one is final. */
function refuseCancelled(action: Action): MeetingError[] {
  return action.status === 'cancelled' ? [{ code: 'actionCancelled', actionId: action.id }] : [];
}

/** Records an action the meeting decided; it starts 'open' until the owner accepts it. */
export function addAction(input: NewAction, change: Change): MeetingResult<Action> {
  const what = input.what.trim();
  const due = (input.due ?? input.nextMeetingDate).trim();
  const errors = checkMeetingText('what', what, true);
  if (!isCalendarDate(due)) errors.push({ code: 'invalidDate', field: 'due', value: due.slice(0, 20) });
  const h = input.hotspot;
  if (h && (h.municipalityId !== input.municipalityId || h.townId !== input.townId)) {
    errors.push({ code: 'hotspotElsewhere', hotspotId: h.id });
  } else if (h?.closedWeek !== undefined) {
    errors.push({ code: 'hotspotClosed', hotspotId: h.id });
  }
  if (errors.length > 0) return refuse(...errors);
  return {
    ok: true,
    value: {
      id: input.id,
      municipalityId: input.municipalityId,
      townId: input.townId,
      ...(h ? { hotspotId: h.id } : {}),
      what,
      ownerId: input.ownerId,
      createdBy: change.by,
      createdAt: change.at.toISOString(),
      createdWeek: weekKey(change.week),
      due,
      status: 'open',
      history: [event(change, 'created', { status: 'open', toOwner: input.ownerId })],
    },
  };
}

/**
 * Moves an action to another status. A cancelled action is final; any other status may move to
 * any different one (a done action may be reopened). Moving to 'cancelled' is `cancelAction`.
 */
export function changeActionStatus(action: Action, to: ActionStatus, change: Change, comment?: string): MeetingResult<Action> {
  if (!(ACTION_STATUSES as readonly string[]).includes(to)) return refuse({ code: 'unknownStatus', value: String(to).slice(0, 20) });
  if (to === 'cancelled') return cancelAction(action, change, comment);
  const text = comment?.trim() ?? '';
  const errors = [...refuseCancelled(action), ...checkMeetingText('comment', text, false)];
  if (errors.length === 0 && action.status === to) errors.push({ code: 'statusUnchanged', status: to });
  if (errors.length > 0) return refuse(...errors);
  const { doneWeek: _previousDoneWeek, ...rest } = action;
  return {
    ok: true,
    value: {
      ...rest,
      status: to,
      ...(to === 'done' ? { doneWeek: weekKey(change.week) } : {}),
      ...(text ? { lastComment: text } : {}),
      history: [...action.history, event(change, 'status', { status: to, ...(text ? { comment: text } : {}) })],
    },
  };
}

/** Adds a comment, e.g. the owner's note on progress; allowed on done actions too. */
export function commentAction(action: Action, comment: string, change: Change): MeetingResult<Action> {
  const text = comment.trim();
  const errors = [...refuseCancelled(action), ...checkMeetingText('comment', text, true)];
  if (errors.length > 0) return refuse(...errors);
  return {
    ok: true,
    value: { ...action, lastComment: text, history: [...action.history, event(change, 'comment', { comment: text })] },
  };
}

/**
 * Gives the action to someone else. An 'accepted' action goes back to 'open', because accepting
 * is the previous owner's word; work in progress or blocked keeps its status.
 */
export function reassignAction(action: Action, toOwner: string, change: Change, comment?: string): MeetingResult<Action> {
  const text = comment?.trim() ?? '';
  const errors = [...refuseCancelled(action), ...checkMeetingText('comment', text, false)];
  if (action.status === 'done') errors.push({ code: 'actionDone', actionId: action.id });
  if (toOwner === action.ownerId) errors.push({ code: 'sameOwner', ownerId: toOwner });
  if (errors.length > 0) return refuse(...errors);
  const status: ActionStatus = action.status === 'accepted' ? 'open' : action.status;
  return {
    ok: true,
    value: {
      ...action,
      ownerId: toOwner,
      status,
      ...(text ? { lastComment: text } : {}),
      history: [...action.history, event(change, 'reassigned', {
        fromOwner: action.ownerId,
        toOwner,
        ...(status !== action.status ? { status } : {}),
        ...(text ? { comment: text } : {}),
      })],
    },
  };
}

/** Cancels an action (decided against, or made by mistake); it leaves every list and cannot change again. */
export function cancelAction(action: Action, change: Change, comment?: string): MeetingResult<Action> {
  const text = comment?.trim() ?? '';
  const errors = [...refuseCancelled(action), ...checkMeetingText('comment', text, false)];
  if (errors.length > 0) return refuse(...errors);
  const { doneWeek: _previousDoneWeek, ...rest } = action;
  return {
    ok: true,
    value: {
      ...rest,
      status: 'cancelled',
      ...(text ? { lastComment: text } : {}),
      history: [...action.history, event(change, 'cancelled', { status: 'cancelled', ...(text ? { comment: text } : {}) })],
    },
  };
}
