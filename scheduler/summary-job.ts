import { pictureOverviewCard } from '../cards/picture-overview-card';
import { splitExternalTownCard } from '../cards/picture-split';
import type { AdaptiveCardJson } from '../cards/render';
import type { IsoWeek } from '../domain/iso-week';
import { weekKey } from '../domain/iso-week';
import { externalVersion } from '../domain/picture/external';
import { deliverOnce, type OnceOutcome } from './deliver-once';
import type { JobDeps, JobResult } from './job-deps';
import { announceWeekActions } from './notify-action-owner';
import { compileAndRecord, postPicture } from './picture-job';
import { reportUncertain } from './report-uncertain';

/**
 * Publishes a finalized week: the internal picture, now read-only, once more in the meeting
 * channel; the external version (no reporters' free text, no names) to every reporter 1:1 and to
 * the configured recipients. Each message goes once, through the send ledger.
 */
export async function publishSummary(deps: JobDeps, municipalityId: string, week: IsoWeek): Promise<JobResult> {
  const m = await deps.directory.current(municipalityId);
  const key = weekKey(week);
  const internal = await postPicture(deps, municipalityId, week, 'final');
  const external = externalVersion(await compileAndRecord(deps, m, week));
  const cardsIn = (language: 'sv' | 'en'): AdaptiveCardJson[] => [
    pictureOverviewCard({ municipality: m, picture: external, language }),
    ...external.towns.flatMap((town) => splitExternalTownCard({ municipality: m, picture: external, town, language })),
  ];
  const result: JobResult = { ...internal };
  const count = (o: OnceOutcome) => { result[o]++; };
  const uncertain: string[] = [];
  // Reporters side by side (the send queue paces them); each one's cards in order.
  await Promise.all(m.reporters.map(async (reporter) => {
    const language = await deps.directory.languageOf(m, reporter.id);
    for (const [i, card] of cardsIn(language).entries()) {
      const outcome = await deliverOnce(deps, m.id, `summary:${key}:${reporter.id}:${i}`, (options) => deps.notifier.sendToUser(m.id, reporter.id, { card }, options));
      count(outcome);
      if (outcome === 'uncertain') uncertain.push(reporter.name);
    }
  }));
  for (const recipient of m.summaryRecipients) {
    for (const [i, card] of cardsIn(m.language).entries()) {
      count(await deliverOnce(deps, m.id, `summary:${key}:${recipient.conversationId}:${i}`,
        (options) => deps.notifier.sendToConversation(m.id, recipient.conversationId, { card }, { ...options, serviceUrl: recipient.serviceUrl })));
    }
  }
  await reportUncertain(deps, m, `summary:${key}`, 'summary', uncertain, result.uncertain - internal.uncertain);
  // With `actions.notifyOwners: afterFinalize`, the week's new actions reach their owners now.
  await announceWeekActions(deps, m, week);
  deps.log.info({ municipalityId, week: key, ...result }, 'summary published');
  return result;
}
