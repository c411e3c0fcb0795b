import { addWeeks, weekKey, weekLabel, type IsoWeek } from '../iso-week';
import type { Grade } from '../report';
import type { TownWeekSummary } from './history';

export const TREND_WEEKS = 8;

export type TrendDirection = 'up' | 'down' | 'same' | 'unknown';

export interface TrendPoint {
  week: string;
  /** "v. 48" */
  label: string;
  /** null for a week without a grade, so the chart shows a gap. */
  grade: Grade | null;
  /** Whether the point is the meeting's grade or only the bot's proposal. */
  source: 'final' | 'proposed' | null;
}

export interface Trend {
  /** Oldest first, ending with the week itself. */
  series: TrendPoint[];
  /** This week against last week. */
  direction: TrendDirection;
}

export interface TrendInput {
  municipalityId: string;
  townId: string;
  week: IsoWeek;
  /** Earlier weeks; entries for other towns, municipalities or weeks are ignored. */
  history: TownWeekSummary[];
  /** This week's grades, which take precedence over any stored summary of this week. */
  current: { proposedGrade?: Grade; finalGrade?: Grade };
  weeks?: number;
}

function point(week: IsoWeek, grades: { proposedGrade?: Grade; finalGrade?: Grade } | undefined): TrendPoint {
  const base = { week: weekKey(week), label: weekLabel(week) };
  if (grades?.finalGrade !== undefined) return { ...base, grade: grades.finalGrade, source: 'final' };
  if (grades?.proposedGrade !== undefined) return { ...base, grade: grades.proposedGrade, source: 'proposed' };
  return { ...base, grade: null, source: null };
}

/** A town's grade over the last weeks (final, else proposed), with its direction against last week. */
export function gradeTrend(input: TrendInput): Trend {
  const n = input.weeks ?? TREND_WEEKS;
  const byWeek = new Map<string, TownWeekSummary>();
  for (const h of input.history) {
    if (h.municipalityId === input.municipalityId && h.townId === input.townId) byWeek.set(h.week, h);
  }
  const series: TrendPoint[] = [];
  for (let i = n - 1; i >= 1; i--) {
    const w = addWeeks(input.week, -i);
    series.push(point(w, byWeek.get(weekKey(w))));
  }
  series.push(point(input.week, input.current));

  const now = series[series.length - 1]?.grade ?? null;
  const before = series[series.length - 2]?.grade ?? null;
  const direction: TrendDirection = now === null || before === null ? 'unknown'
    : now > before ? 'up' : now < before ? 'down' : 'same';
  return { series, direction };
}
