import { actionCard } from '../cards/action-card';
import { actionListCard } from '../cards/action-list-card';
import { actionTexts } from '../cards/action-texts';
import { openActions } from '../domain/action-service';
import { weekKey } from '../domain/iso-week';
import { actionSettings, type Municipality } from '../domain/municipality';
import type { Action } from '../domain/picture/meeting';
import { currentWeek, roundTimes } from '../domain/round';
import { formatLocalDate } from '../domain/zoned-time';
import type { OnceOutcome } from './deliver-once';
import { emptyResult, type JobDeps, type JobResult } from './job-deps';
import { actionCardContext, sendToOwner } from './notify-action-owner';

/** "YYYY-MM-DD" `n` calendar days after `date` (negative: before). */
export function addDays(date: string, n: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
}

/** On the meeting's morning: one card per owner listing all their open actions. */
async function morningLists(deps: JobDeps, m: Municipality, open: Action[], week: string): Promise<OnceOutcome[]> {
  const byOwner = new Map<string, Action[]>();
  for (const a of open) byOwner.set(a.ownerId, [...(byOwner.get(a.ownerId) ?? []), a]);
  return Promise.all([...byOwner].map(([ownerId, actions]) => sendToOwner(deps, m, ownerId, `action-morning:${week}:${ownerId}`, async (language) => {
    const t = actionTexts(language);
    const ctx = await actionCardContext(deps.meeting, m, language, deps.clock(), 'mine');
    return { text: t.notify.morning, card: actionListCard({ ...ctx, title: t.list.morning, intro: t.list.morningIntro, actions, canChange: () => true }) };
  })));
}

/** From `reminderDaysBefore` days before the due date until the due date: each action once. */
async function dueReminders(deps: JobDeps, m: Municipality, open: Action[], today: string): Promise<OnceOutcome[]> {
  const daysBefore = actionSettings(m).reminderDaysBefore;
  const due = open.filter((a) => addDays(a.due, -daysBefore) <= today && today <= a.due);
  return Promise.all(due.map((a) => sendToOwner(deps, m, a.ownerId, `action-due:${a.id}:${a.due}`, async (language) => {
    const t = actionTexts(language);
    const ctx = await actionCardContext(deps.meeting, m, language, deps.clock(), 'card');
    return { text: t.notify.dueReminder(a.what, a.due), card: actionCard({ ...ctx, action: a, canChange: true, heading: t.heading.dueReminder(a.due) }) };
  })));
}

/**
 * The daily reminders of open actions (done and cancelled ones never). On the meeting's day the
 * morning list replaces the due reminders, so nobody gets two messages that morning; an action
 * whose window goes on is reminded the day after. The ledger keeps each reminder to one send.
 */
export async function sendActionReminders(deps: JobDeps, municipalityId: string): Promise<JobResult> {
  const m = await deps.directory.current(municipalityId);
  const now = deps.clock();
  const today = formatLocalDate(now, m.timeZone);
  const week = currentWeek(m, now);
  const meetingDay = formatLocalDate(roundTimes(m, week).meetingAt, m.timeZone) === today;
  const open = await openActions(deps.meeting, m);
  const outcomes = meetingDay ? await morningLists(deps, m, open, weekKey(week)) : await dueReminders(deps, m, open, today);
  const result = emptyResult();
  for (const o of outcomes) result[o]++;
  deps.log.info({ municipalityId, day: today, meetingDay, ...result }, 'action reminders done');
  return result;
}
