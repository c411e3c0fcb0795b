import { remindersDue } from '../domain/answer-rate';
import type { IsoWeek } from '../domain/iso-week';
import { weekKey, weekLabel } from '../domain/iso-week';
import { currentWeek, roundTimes } from '../domain/round';
import { formatLocalTime } from '../domain/zoned-time';
import { questionnaireCard } from '../cards/questionnaire-card';
import { messages } from '../i18n';
import { emptyResult, type JobDeps, type JobResult } from './job-deps';
import { deliverOnce } from './deliver-once';
import { forEachCard } from './for-each-card';
import { reportUncertain } from './report-uncertain';

/**
 * "town:reporter" of the prompts delivered at or after a scheduled reminder's time: a bot that
 * was down all morning sends the prompts late, and those reporters should not get a reminder in
 * the same minute. Read from the ledger, so it holds across instances and restarts.
 */
async function promptedSince(deps: JobDeps, municipalityId: string, week: string, reminderAt: Date | undefined): Promise<Set<string>> {
  if (!reminderAt) return new Set();
  const prefix = `prompts:${week}:`;
  const sends = await deps.operations.listSends(municipalityId, prefix);
  return new Set(sends.filter((s) => s.status === 'delivered' && new Date(s.at).getTime() >= reminderAt.getTime()).map((s) => s.key.slice(prefix.length)));
}

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
  const result = emptyResult();
  if (now.getTime() >= times.deadline.getTime()) return { ...result, tooLate: true };
  const { reports, absences } = await deps.weekly.listWeek(m.id, key);
  const deadline = formatLocalTime(times.deadline, m.timeZone);
  const justPrompted = await promptedSince(deps, m.id, key, times.reminders[Number(occasion) - 1]);
  const uncertain: string[] = [];
  await forEachCard(remindersDue(m, reports, absences), result, async ({ reporter, town }) => {
    if (justPrompted.has(`${town.id}:${reporter.id}`)) return 'skipped';
    const language = await deps.directory.languageOf(m, reporter.id);
    const outcome = await deliverOnce(deps, m.id, `reminder:${key}:${occasion}:${town.id}:${reporter.id}`, (options) => deps.notifier.sendToUser(m.id, reporter.id, {
      text: messages(language).jobs.reminder(town.name, weekLabel(week), deadline),
      card: questionnaireCard({ municipality: m, town, week, language, deadline: times.deadline, late: false }),
    }, options));
    if (outcome === 'uncertain') uncertain.push(`${reporter.name} (${town.name})`);
    return outcome;
  });
  await reportUncertain(deps, m, `reminders:${key}:${occasion}`, 'reminders', uncertain);
  deps.log.info({ municipalityId, week: key, occasion, ...result }, 'reminders job done');
  return result;
}
