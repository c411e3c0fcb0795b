/**
 * What the weekly meeting records and keeps: the town's decision, hotspots, actions and the
 * week's state. The transitions that change them live next to this file, one concept each,
 * and are re-exported here so callers have a single place to import the meeting from.
 */
import type { IsoWeek } from '../iso-week';
import type { IdentifierFinding } from '../personal-data';
import type { Grade, Validated } from '../report';
import type { ActionStatus } from './action-status';

/** The meeting's verdict on one town in one week. */
export interface TownDecision {
  municipalityId: string;
  /** Week key, e.g. "2026-W53". */
  week: string;
  townId: string;
  finalGrade?: Grade;
  /** Läget i stort: the situation at large, written by the meeting. */
  situation: string;
  decidedBy?: string;
  /** ISO instant of the latest change. */
  decidedAt?: string;
}

/** A place in a town that needs extra measures; stays open across weeks until the meeting closes it. */
export interface Hotspot {
  id: string;
  municipalityId: string;
  townId: string;
  place: string;
  reason: string;
  openedWeek: string;
  openedBy: string;
  openedAt: string;
  closedWeek?: string;
  closedBy?: string;
  closedAt?: string;
}

export { ACTION_STATUSES, type ActionStatus } from './action-status';

export type ActionEventKind = 'created' | 'status' | 'comment' | 'reassigned' | 'cancelled';

/** One entry of an action's audit trail. */
export interface ActionEvent {
  at: string;
  by: string;
  kind: ActionEventKind;
  /** The status after the event, for 'created', 'status' and 'cancelled'. */
  status?: ActionStatus;
  comment?: string;
  fromOwner?: string;
  toOwner?: string;
}

/** A measure decided at a meeting, followed up at the next ones. */
export interface Action {
  id: string;
  municipalityId: string;
  townId: string;
  hotspotId?: string;
  what: string;
  ownerId: string;
  createdBy: string;
  createdAt: string;
  createdWeek: string;
  /** Calendar date "YYYY-MM-DD". */
  due: string;
  status: ActionStatus;
  history: ActionEvent[];
  lastComment?: string;
  /** Week key of the week the action was marked done; drives how long it stays on the follow-up list. */
  doneWeek?: string;
}

/** Whether the meeting has closed a week's picture. */
export interface WeekState {
  municipalityId: string;
  week: string;
  finalizedAt?: string;
  finalizedBy?: string;
}

/**
 * Who makes a change, when, and in which ISO week. The week is given rather than derived from
 * `at` because the meeting's week is what counts, and only the caller knows the time zone.
 */
export interface Change {
  by: string;
  at: Date;
  week: IsoWeek;
}

export type MeetingTextField = 'situation' | 'place' | 'reason' | 'what' | 'comment';

/** Why a transition was refused; codes, so that cards can explain them in sv and en. */
export type MeetingError =
  | { code: 'textMissing'; field: MeetingTextField }
  | { code: 'textTooLong'; field: MeetingTextField; max: number }
  | { code: 'personalData'; field: MeetingTextField; findings: IdentifierFinding[] }
  | { code: 'invalidDate'; field: 'due'; value: string }
  | { code: 'gradeOutOfRange'; value: string }
  | { code: 'unknownStatus'; value: string }
  | { code: 'statusUnchanged'; status: ActionStatus }
  | { code: 'actionCancelled'; actionId: string }
  | { code: 'actionDone'; actionId: string }
  | { code: 'sameOwner'; ownerId: string }
  | { code: 'hotspotClosed'; hotspotId: string }
  | { code: 'hotspotElsewhere'; hotspotId: string }
  | { code: 'weekFinalized'; week: string }
  /** A stored record passed in belongs to another municipality, week or town: a caller's mistake. */
  | { code: 'mismatch'; field: 'current' | 'weekState' };

export type MeetingResult<T> = Validated<T, MeetingError>;

export { openHotspot, closeHotspot, type NewHotspot } from './hotspots';
export {
  addAction, changeActionStatus, commentAction, reassignAction, cancelAction, type NewAction,
} from './actions';
export { setTownDecision, type DecisionChange } from './decisions';
export { finalizeWeek, isFinalized } from './week-state';
