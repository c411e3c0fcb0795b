import { absenceId } from './absence';
import type { IsoWeek } from './iso-week';
import { weekKey } from './iso-week';
import type { Municipality, Town } from './municipality';
import type { WeeklyStore } from './ports';
import {
  NOTHING_TO_REPORT, reportId, validateAnswer,
  type AnswerError, type Report, type ReportKind,
} from './report';
import { cardWeekState, currentWeek } from './round';

export type SubmitOutcome =
  | { kind: 'saved'; report: Report; town: Town }
  | { kind: 'invalid'; errors: AnswerError[]; town: Town }
  | { kind: 'notReporterForTown' }
  | { kind: 'closedWeek'; currentWeek: IsoWeek; town: Town }
  | { kind: 'futureWeek' };

export interface SubmitInput {
  reporterId: string;
  week: IsoWeek;
  townId: string;
  kind: ReportKind;
  /** The card's form values, unchecked. */
  raw: Record<string, unknown>;
}

/** Seconds a raw answer lives in the store (Cosmos DB per-item TTL), from the retention setting. */
export function answerTtlSeconds(m: Municipality): number {
  return m.retentionDays * 86_400;
}

/**
 * Takes a reporter's answer for a town and week. The caller's identity decides who answers; the
 * card only says which town and week. A second submit revises the same answer (its id is derived
 * from week, town and reporter); after the deadline it is still taken and marked late.
 */
export async function submitAnswer(weekly: WeeklyStore, m: Municipality, input: SubmitInput, now: Date): Promise<SubmitOutcome> {
  const reporter = m.reporters.find((r) => r.id === input.reporterId);
  const town = m.towns.find((t) => t.id === input.townId);
  if (!reporter || !town || !reporter.towns.includes(town.id)) return { kind: 'notReporterForTown' };
  const state = cardWeekState(m, input.week, now);
  if (state === 'closed') return { kind: 'closedWeek', currentWeek: currentWeek(m, now), town };
  if (state === 'future') return { kind: 'futureWeek' };
  let answer = NOTHING_TO_REPORT;
  if (input.kind === 'observations') {
    const validated = validateAnswer(m, town, input.raw);
    if (!validated.ok) return { kind: 'invalid', errors: validated.errors, town };
    answer = validated.value;
  }
  const week = weekKey(input.week);
  const existing = await weekly.getReport(m.id, week, town.id, reporter.id);
  const at = now.toISOString();
  const report: Report = {
    id: reportId(week, town.id, reporter.id),
    municipalityId: m.id,
    week,
    townId: town.id,
    reporterId: reporter.id,
    organisation: reporter.organisation,
    kind: input.kind,
    answer,
    submittedAt: existing?.submittedAt ?? at,
    updatedAt: at,
    late: state === 'late',
    revision: (existing?.revision ?? 0) + 1,
  };
  await weekly.saveReport(report, answerTtlSeconds(m));
  return { kind: 'saved', report, town };
}

/** "Away this week": stored once per reporter and week, for all their towns. */
export async function setAway(weekly: WeeklyStore, m: Municipality, reporterId: string, now: Date, away: boolean): Promise<IsoWeek> {
  const week = currentWeek(m, now);
  if (away) {
    await weekly.setAbsence({ id: absenceId(week, reporterId), municipalityId: m.id, week: weekKey(week), reporterId, at: now.toISOString() }, answerTtlSeconds(m));
  } else {
    await weekly.removeAbsence(m.id, weekKey(week), reporterId);
  }
  return week;
}
