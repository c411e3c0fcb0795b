import { pictureOverviewCard } from '../cards/picture-overview-card';
import { splitTownCard } from '../cards/picture-split';
import type { IsoWeek } from '../domain/iso-week';
import { addWeeks, weekKey } from '../domain/iso-week';
import { formatLocalDate } from '../domain/zoned-time';
import { people, type Municipality } from '../domain/municipality';
import type { Picture } from '../domain/picture/picture';
import type { CardMode } from '../cards/picture-controls';
import { summarizeForHistory } from '../domain/picture/history';
import { currentWeek, roundTimes } from '../domain/round';
import type { AdaptiveCardJson } from '../cards/render';
import { compileWeek } from './compile-week';
import { deliverOnce } from './deliver-once';
import { emptyResult, type JobDeps, type JobResult } from './job-deps';
import { reportUncertain } from './report-uncertain';

export type PictureJobDeps = JobDeps;

/** "YYYY-MM-DD" of the meeting after `week`'s: a new action's default due date. */
export function nextMeetingDate(m: Municipality, week: IsoWeek): string {
  return formatLocalDate(roundTimes(m, addWeeks(week, 1)).meetingAt, m.timeZone);
}

function modeFor(m: Municipality, picture: Picture, week: IsoWeek): CardMode {
  return picture.finalized ? { readOnly: true } : { readOnly: false, people: people(m), nextMeetingDate: nextMeetingDate(m, week) };
}

/** Compiles a week and keeps its per-town grades as history for later trends. */
export async function compileAndRecord(deps: PictureJobDeps, m: Municipality, week: IsoWeek): Promise<Picture> {
  const picture = await compileWeek({ weekly: deps.weekly, meeting: deps.meeting }, m, week, deps.clock());
  await deps.meeting.saveSummaries(summarizeForHistory(picture));
  return picture;
}

/** The week's picture as cards for the meeting channel: the overview, then each town's card(s). */
export async function pictureCards(deps: PictureJobDeps, municipalityId: string, week: IsoWeek): Promise<AdaptiveCardJson[]> {
  const m = await deps.directory.current(municipalityId);
  const picture = await compileAndRecord(deps, m, week);
  const mode = modeFor(m, picture, week);
  return [
    pictureOverviewCard({ municipality: m, picture, language: m.language, finalizable: true }),
    ...picture.towns.flatMap((town) => splitTownCard({ municipality: m, picture, town, language: m.language, mode })),
  ];
}

/** One town's card as the meeting sees it after a change (its first part, which holds the controls). */
export async function townCard(deps: PictureJobDeps, m: Municipality, week: IsoWeek, townId: string): Promise<AdaptiveCardJson | undefined> {
  const picture = await compileAndRecord(deps, m, week);
  const town = picture.towns.find((t) => t.townId === townId);
  if (!town) return undefined;
  return splitTownCard({ municipality: m, picture, town, language: m.language, mode: modeFor(m, picture, week) })[0];
}

/**
 * Wednesday's picture, posted into the meeting channel once per week (each card once, through
 * the send ledger). `repost` makes a fresh post on demand, under its own ledger keys.
 */
export async function postPicture(deps: PictureJobDeps, municipalityId: string, requestedWeek?: IsoWeek, repost?: string): Promise<JobResult> {
  const m = await deps.directory.current(municipalityId);
  const week = requestedWeek ?? currentWeek(m, deps.clock());
  const result = emptyResult();
  const channel = m.meetingChannel;
  if (!channel) {
    deps.log.warn({ municipalityId }, 'no meeting channel configured: picture not posted');
    return result;
  }
  const cards = await pictureCards(deps, municipalityId, week);
  // One after another, so the channel shows them in order.
  for (const [i, card] of cards.entries()) {
    const key = `picture:${weekKey(week)}:${repost ?? 'scheduled'}:${i}`;
    result[await deliverOnce(deps, m.id, key, (options) => deps.notifier.sendToConversation(m.id, channel.conversationId, { card }, { ...options, serviceUrl: channel.serviceUrl }))]++;
  }
  await reportUncertain(deps, m, `picture:${weekKey(week)}:${repost ?? 'scheduled'}`, 'picture', [], result.uncertain);
  deps.log.info({ municipalityId, week: weekKey(week), ...result }, 'picture posted');
  return result;
}
