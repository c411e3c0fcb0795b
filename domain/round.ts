import type { IsoWeek } from './iso-week';
import { instantInWeek, isoWeekOf, compareWeeks } from './iso-week';
import type { Municipality } from './municipality';

/** The instants of one week's routine, in the municipality's zone. */
export interface RoundTimes {
  promptsAt: Date;
  deadline: Date;
  reminders: Date[];
  pictureAt: Date;
  meetingAt: Date;
}

export function roundTimes(m: Municipality, week: IsoWeek): RoundTimes {
  const s = m.schedule;
  const at = (day: typeof s.prompts.day, time: string) => instantInWeek(week, day, time, m.timeZone);
  return {
    promptsAt: at(s.prompts.day, s.prompts.time),
    deadline: at(s.deadline.day, s.deadline.time),
    reminders: s.reminders.map((t) => at(s.deadline.day, t)).sort((a, b) => a.getTime() - b.getTime()),
    pictureAt: at(s.picture.day, s.picture.time),
    meetingAt: at(s.meeting.day, s.meeting.time),
  };
}

/** The week whose round is running at an instant: the ISO week on the municipality's clock. */
export function currentWeek(m: Municipality, now: Date): IsoWeek {
  return isoWeekOf(now, m.timeZone);
}

export type CardWeekState = 'open' | 'late' | 'closed' | 'future';

/**
 * Whether a questionnaire for a week still takes answers. Until the deadline it is open; after it,
 * within the same week, an answer is still taken but marked late; a card from an earlier week is
 * closed (the reporter is offered this week's card instead).
 */
export function cardWeekState(m: Municipality, cardWeek: IsoWeek, now: Date): CardWeekState {
  const order = compareWeeks(cardWeek, currentWeek(m, now));
  if (order < 0) return 'closed';
  if (order > 0) return 'future';
  return now.getTime() < roundTimes(m, cardWeek).deadline.getTime() ? 'open' : 'late';
}
