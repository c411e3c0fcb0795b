import { remindersDue } from '../domain/answer-rate';
import type { IsoWeek } from '../domain/iso-week';
import { weekKey, weekLabel } from '../domain/iso-week';
import { currentWeek, roundTimes } from '../domain/round';
import { formatLocalTime } from '../domain/zoned-time';
import { questionnaireCard } from '../cards/questionnaire-card';
import { messages } from '../i18n';
import type { JobDeps, JobResult } from './job-deps';
import { deliverOnce } from './deliver-once';
import { forEachCard } from './for-each-card';

/**
 * One reminder per reporter and town not yet answered, for reminder occasion `index` of the week
 * (manual runs use their own occasion). Away reporters and those who answered get nothing.
 */
export async function sendReminders(deps: JobDeps, municipalityId: string, occasion: string, requestedWeek?: IsoWeek): Promise<JobResult> {
  const m = await deps.directory.current(municipalityId);
  const now = deps.clock();
  const week = requestedWeek ?? currentWeek(m, now);
  const times = roundTimes(m, week);
  const key = weekKey(week);
  const result: JobResult = { sent: 0, skipped: 0, failed: 0 };
  if (now.getTime() >= times.deadline.getTime()) return { ...result, tooLate: true };
  const { reports, absences } = await deps.weekly.listWeek(m.id, key);
  const deadline = formatLocalTime(times.deadline, m.timeZone);
  await forEachCard(remindersDue(m, reports, absences), result, async ({ reporter, town }) => {
    const language = await deps.directory.languageOf(m, reporter.id);
    return deliverOnce(deps, m.id, `reminder:${key}:${occasion}:${town.id}:${reporter.id}`, () => deps.notifier.sendToUser(m.id, reporter.id, {
      text: messages(language).jobs.reminder(town.name, weekLabel(week), deadline),
      card: questionnaireCard({ municipality: m, town, week, language, deadline: times.deadline, late: false }),
    }));
  });
  deps.log.info({ municipalityId, week: key, occasion, ...result }, 'reminders job done');
  return result;
}
