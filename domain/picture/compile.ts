import { addWeeks, dateOfWeekday, parseWeekKey, weekKey, weekLabel, type IsoWeek } from '../iso-week';
import type { Municipality, Town } from '../municipality';
import type { Grade, Report } from '../report';
import { formatLocalDate } from '../zoned-time';
import { answerCounts, latestPerReporter, townAnswers } from './answers';
import { actionItems, isFollowedUp, isNewIn } from './follow-up';
import { proposeGrade } from './grading';
import type { TownWeekSummary } from './history';
import { isOpenIn } from './hotspots';
import type { Action, Hotspot, TownDecision, WeekState } from './meeting';
import { categoryCounts, observationsOf } from './observations';
import type { OpenHotspot, OverviewTown, Picture, TownPicture } from './picture';
import { placesOf } from './places';
import { gradeTrend } from './trend';
import { isFinalized } from './week-state';

export type { Picture, TownPicture } from './picture';
export { summarizeForHistory, type TownWeekSummary } from './history';

export interface CompileInput {
  municipality: Municipality;
  week: IsoWeek;
  /** This week's answers; others are ignored. */
  reports: Report[];
  /** Reporters who said they are away this week. */
  absentReporterIds: string[];
  /** Last week's answers, for the category comparison; leave out when no longer kept. */
  previousReports?: Report[];
  /** Earlier weeks' grades per town. */
  history: TownWeekSummary[];
  /** This week's decisions. */
  decisions: TownDecision[];
  /** All hotspots, open and closed. */
  hotspots: Hotspot[];
  /** All actions not yet archived. */
  actions: Action[];
  weekState?: WeekState;
  now: Date;
}

interface WeekKeys {
  week: string;
  previous: string;
  today: string;
}

function reportsOf(reports: Report[], municipalityId: string, week: string, townId: string): Report[] {
  return latestPerReporter(reports.filter((r) => r.municipalityId === municipalityId && r.week === week && r.townId === townId));
}

function openHotspotsOf(hotspots: Hotspot[], municipalityId: string, townId: string, week: string): OpenHotspot[] {
  return hotspots
    .filter((h) => h.municipalityId === municipalityId && h.townId === townId && isOpenIn(h, week))
    .sort((a, b) => a.openedWeek.localeCompare(b.openedWeek) || a.openedAt.localeCompare(b.openedAt))
    .map((h) => {
      const since = parseWeekKey(h.openedWeek);
      return { id: h.id, place: h.place, reason: h.reason, sinceWeek: h.openedWeek, sinceLabel: since ? weekLabel(since) : h.openedWeek };
    });
}

function townPicture(input: CompileInput, town: Town, keys: WeekKeys): TownPicture {
  const m = input.municipality;
  const reports = reportsOf(input.reports, m.id, keys.week, town.id);
  const previous = input.previousReports && reportsOf(input.previousReports, m.id, keys.previous, town.id);
  const observed = reports.filter((r) => r.kind === 'observations');
  const openHotspots = openHotspotsOf(input.hotspots, m.id, town.id, keys.week);
  const decision = input.decisions.find((d) => d.municipalityId === m.id && d.week === keys.week && d.townId === town.id);
  const lastWeekFinalGrade = input.history
    .find((h) => h.municipalityId === m.id && h.week === keys.previous && h.townId === town.id)?.finalGrade;
  const proposal = proposeGrade({
    answers: reports.map((r) => ({ kind: r.kind, grade: r.answer.grade, categories: r.answer.categories })),
    openHotspots: openHotspots.length,
    ...(lastWeekFinalGrade !== undefined ? { lastWeekFinalGrade } : {}),
  });
  const finalGrade = decision?.finalGrade;
  const townActions = input.actions.filter((a) => a.municipalityId === m.id && a.townId === town.id);
  return {
    townId: town.id,
    name: town.name,
    proposal,
    ...(finalGrade !== undefined ? { finalGrade } : {}),
    situation: decision?.situation ?? '',
    ...(lastWeekFinalGrade !== undefined ? { lastWeekFinalGrade } : {}),
    trend: gradeTrend({
      municipalityId: m.id,
      townId: town.id,
      week: input.week,
      history: input.history,
      current: { ...(proposal.grade !== undefined ? { proposedGrade: proposal.grade } : {}), ...(finalGrade !== undefined ? { finalGrade } : {}) },
    }),
    answers: townAnswers(m, town.id, reports, input.absentReporterIds),
    categoryCounts: categoryCounts(m.categories, reports, previous),
    observations: observationsOf(observed),
    places: placesOf(town, observed),
    openHotspots,
    followUp: actionItems(m, townActions.filter((a) => isFollowedUp(a, keys.week, keys.previous)), keys.today),
    newActions: actionItems(m, townActions.filter((a) => isNewIn(a, keys.week)), keys.today),
  };
}

function overviewOf(m: Municipality, t: TownPicture): OverviewTown {
  const grade: Grade | undefined = t.finalGrade ?? t.proposal.grade;
  const colour = m.scale.find((l) => l.level === grade)?.colour;
  return {
    townId: t.townId,
    name: t.name,
    ...(grade !== undefined ? { grade } : {}),
    ...(colour !== undefined ? { colour } : {}),
    ...answerCounts(t.answers),
  };
}

/**
 * Compiles a municipality's weekly picture from the week's answers and the meeting's records.
 * Pure: everything it needs comes in, and records of other municipalities, weeks or towns are
 * ignored, so a caller may pass a broad query's result.
 */
export function compilePicture(input: CompileInput): Picture {
  const m = input.municipality;
  const keys: WeekKeys = {
    week: weekKey(input.week),
    previous: weekKey(addWeeks(input.week, -1)),
    today: formatLocalDate(input.now, m.timeZone),
  };
  const towns = m.towns.map((t) => townPicture(input, t, keys));
  const overview = towns.map((t) => overviewOf(m, t));
  const meeting = dateOfWeekday(input.week, m.schedule.meeting.day);
  const ws = input.weekState;
  return {
    municipalityId: m.id,
    week: keys.week,
    weekLabel: weekLabel(input.week),
    meetingDate: `${meeting.year}-${String(meeting.month).padStart(2, '0')}-${String(meeting.day).padStart(2, '0')}`,
    compiledAt: input.now.toISOString(),
    finalized: ws !== undefined && ws.municipalityId === m.id && ws.week === keys.week && isFinalized(ws),
    towns,
    overview: {
      towns: overview,
      answerRate: {
        answered: overview.reduce((s, t) => s + t.answered, 0),
        expected: overview.reduce((s, t) => s + t.expected, 0),
      },
    },
  };
}
