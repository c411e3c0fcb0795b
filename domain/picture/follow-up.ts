import { people, type Municipality } from '../municipality';
import type { Action } from './meeting';
import type { ActionItem } from './picture';

/**
 * Earlier weeks' actions the meeting follows up: all that are neither cancelled nor done, and
 * those done this week or last week, so that a done action appears once more and then leaves.
 * Week keys compare as strings ("2026-W53" < "2027-W01").
 */
export function isFollowedUp(a: Action, week: string, previousWeek: string): boolean {
  if (a.createdWeek >= week || a.status === 'cancelled') return false;
  return a.status !== 'done' || a.doneWeek === week || a.doneWeek === previousWeek;
}

export function isNewIn(a: Action, week: string): boolean {
  return a.createdWeek === week && a.status !== 'cancelled';
}

/** `today` is "YYYY-MM-DD" in the municipality's zone, so "overdue" turns at local midnight. */
export function actionItems(m: Municipality, actions: Action[], today: string): ActionItem[] {
  const byId = new Map(people(m).map((p) => [p.id, p]));
  return [...actions]
    .sort((a, b) => a.due.localeCompare(b.due) || a.createdAt.localeCompare(b.createdAt))
    .map((a) => {
      const owner = byId.get(a.ownerId);
      return {
        id: a.id,
        what: a.what,
        ...(a.hotspotId !== undefined ? { hotspotId: a.hotspotId } : {}),
        ownerId: a.ownerId,
        ...(owner ? { ownerName: owner.name, ownerOrganisation: owner.organisation } : {}),
        due: a.due,
        status: a.status,
        ...(a.lastComment !== undefined ? { lastComment: a.lastComment } : {}),
        overdue: a.status !== 'done' && a.status !== 'cancelled' && a.due < today,
      };
    });
}
