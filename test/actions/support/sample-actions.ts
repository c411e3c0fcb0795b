/** Actions made with the domain's own transitions, for card samples and unit tests. */
import assert from 'node:assert/strict';
import { parseWeekKey } from '../../../domain/iso-week';
import type { Municipality } from '../../../domain/municipality';
import {
  addAction, cancelAction, changeActionStatus, commentAction, reassignAction,
  type Action, type Change, type MeetingResult,
} from '../../../domain/picture/meeting';

export function ok<T>(result: MeetingResult<T>): T {
  if (!result.ok) assert.fail(`transition refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function changeAt(by: string, at: string, week = '2026-W49'): Change {
  return { by, at: new Date(at), week: parseWeekKey(week)! };
}

export function newAction(m: Municipality, id: string, over: { townId?: string; ownerId?: string; due?: string; what?: string; by?: string } = {}): Action {
  return ok(addAction({
    id, municipalityId: m.id, townId: over.townId ?? m.towns[0]!.id, what: over.what ?? `Åtgärd ${id}`,
    ownerId: over.ownerId ?? m.meetingMembers[0]!.id, nextMeetingDate: '2026-12-09', ...(over.due ? { due: over.due } : {}),
  }, changeAt(over.by ?? m.coordinators[0]!.id, '2026-12-02T14:10:00Z')));
}

/** An open action with a long life (accepted, commented, moved, blocked), a done one and a cancelled one. */
export function sampleActions(m: Municipality): { busy: Action; done: Action; cancelled: Action } {
  const coordinator = m.coordinators[0]!.id;
  const [first, second] = [m.meetingMembers[0]!.id, m.meetingMembers[1]!.id];
  let busy = newAction(m, 'action-busy', { what: 'Ny belysning vid busstationen', ownerId: first, due: '2026-12-07' });
  busy = ok(changeActionStatus(busy, 'accepted', changeAt(first, '2026-12-02T16:00:00Z')));
  busy = ok(commentAction(busy, 'Beställt hos elbolaget', changeAt(first, '2026-12-03T08:00:00Z')));
  busy = ok(reassignAction(busy, second, changeAt(coordinator, '2026-12-03T09:00:00Z')));
  busy = ok(changeActionStatus(busy, 'blocked', changeAt(second, '2026-12-04T10:00:00Z', '2026-W49'), 'Väntar på fastighetsägaren'));
  const done = ok(changeActionStatus(newAction(m, 'action-done', { what: 'Städa parken' }), 'done', changeAt(first, '2026-12-04T11:00:00Z'), 'Klart'));
  const cancelled = ok(cancelAction(newAction(m, 'action-cancelled', { what: 'Flytta bänken' }), changeAt(coordinator, '2026-12-04T12:00:00Z')));
  return { busy, done, cancelled };
}
