import type { IsoWeek } from '../domain/iso-week';
import { weekKey } from '../domain/iso-week';
import { actionSettings, type Municipality } from '../domain/municipality';
import { currentWeek, roundTimes } from '../domain/round';
import { formatLocalDate, fromLocal, toLocal } from '../domain/zoned-time';

export type JobName = 'prompts' | 'reminders' | 'promptsMissed' | 'picture' | 'actionReminders';

export interface Occurrence {
  job: JobName;
  /** Store key of the occurrence, e.g. "prompts:2026-W48" or "reminders:2026-W48:1". */
  key: string;
  week: IsoWeek;
  /** Reminder occasion number, for reminders. */
  occasion?: number;
}

/** The daily reminders of open actions, due from the meeting-morning time until the day ends. */
function actionReminders(m: Municipality, now: Date, week: IsoWeek): Occurrence[] {
  const local = toLocal(now, m.timeZone);
  const [hour, minute] = actionSettings(m).meetingMorningReminder.split(':').map(Number) as [number, number];
  if (now.getTime() < fromLocal({ ...local, hour, minute }, m.timeZone).getTime()) return [];
  return [{ job: 'actionReminders', key: `action-reminders:${formatLocalDate(now, m.timeZone)}`, week }];
}

/**
 * The occurrences that should have run by `now` in the current week and may not have: what a
 * bot that was down at the scheduled time (or whose run failed) has to catch up. Only the latest
 * reminder is caught up; prompts found after the deadline become a note to the coordinators.
 */
export function dueOccurrences(m: Municipality, now: Date): Occurrence[] {
  const week = currentWeek(m, now);
  const key = weekKey(week);
  const t = roundTimes(m, week);
  const at = now.getTime();
  const due: Occurrence[] = [];
  if (at >= t.promptsAt.getTime()) {
    if (at < t.deadline.getTime()) due.push({ job: 'prompts', key: `prompts:${key}`, week });
    else due.push({ job: 'promptsMissed', key: `prompts:${key}`, week });
  }
  if (at < t.deadline.getTime()) {
    const passed = t.reminders.map((r, i) => ({ r, i })).filter(({ r }) => r.getTime() <= at && r.getTime() >= t.promptsAt.getTime());
    const latest = passed[passed.length - 1];
    if (latest) due.push({ job: 'reminders', key: `reminders:${key}:${latest.i + 1}`, week, occasion: latest.i + 1 });
  }
  // The picture is worth posting late, until the meeting has ended (3 hours after it starts).
  if (at >= t.pictureAt.getTime() && at < t.meetingAt.getTime() + 3 * 3_600_000) due.push({ job: 'picture', key: `picture:${key}`, week });
  due.push(...actionReminders(m, now, week));
  return due;
}
