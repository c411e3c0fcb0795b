import { promptsDue } from '../domain/answer-rate';
import type { IsoWeek } from '../domain/iso-week';
import { weekKey, weekLabel } from '../domain/iso-week';
import { currentWeek, roundTimes } from '../domain/round';
import { questionnaireCard } from '../cards/questionnaire-card';
import { emptyResult, type JobDeps, type JobResult } from './job-deps';
import { deliverOnce } from './deliver-once';
import { forEachCard } from './for-each-card';
import { reportUncertain } from './report-uncertain';
import { tellCoordinators } from './tell-coordinators';

/**
 * Tuesday's prompts: one questionnaire card per reporter and town, 1:1. Idempotent for the week
 * through the send ledger; after the deadline it sends nothing and tells the coordinators.
 */
export async function sendPrompts(deps: JobDeps, municipalityId: string, requestedWeek?: IsoWeek): Promise<JobResult> {
  const m = await deps.directory.current(municipalityId);
  const now = deps.clock();
  const week = requestedWeek ?? currentWeek(m, now);
  const times = roundTimes(m, week);
  const key = weekKey(week);
  const result = emptyResult();
  if (now.getTime() >= times.deadline.getTime()) {
    await tellCoordinators(deps, m, `prompts-too-late:${key}`, (t) => t.jobs.tooLate(weekLabel(week)));
    deps.log.warn({ municipalityId, week: key }, 'prompts not sent: the deadline has passed');
    return { ...result, tooLate: true };
  }
  const { reports } = await deps.weekly.listWeek(m.id, key);
  const answered = new Set(reports.map((r) => `${r.townId}|${r.reporterId}`));
  const uncertain: string[] = [];
  await forEachCard(promptsDue(m), result, async ({ reporter, town }) => {
    if (answered.has(`${town.id}|${reporter.id}`)) return 'skipped';
    const language = await deps.directory.languageOf(m, reporter.id);
    const outcome = await deliverOnce(deps, m.id, `prompts:${key}:${town.id}:${reporter.id}`, (options) => deps.notifier.sendToUser(m.id, reporter.id, {
      card: questionnaireCard({ municipality: m, town, week, language, deadline: times.deadline, late: false }),
    }, options));
    if (outcome === 'uncertain') uncertain.push(`${reporter.name} (${town.name})`);
    return outcome;
  });
  await reportUncertain(deps, m, `prompts:${key}`, 'prompts', uncertain);
  if (result.failed > 0) {
    await tellCoordinators(deps, m, `prompts-undelivered:${key}:${result.failed}`, (t) => t.jobs.promptsDone(result.sent, result.skipped, result.failed));
  }
  deps.log.info({ municipalityId, week: key, ...result }, 'prompts job done');
  return result;
}
