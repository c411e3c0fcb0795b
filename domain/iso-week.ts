import { fromLocal, toLocal } from './zoned-time';

/** An ISO 8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
export interface IsoWeek {
  year: number;
  week: number;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;

/** ISO week of a calendar date (year, month 1-12, day). */
export function isoWeekOfDate(year: number, month: number, day: number): IsoWeek {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS;
  // Floor, not round: Friday to Sunday are 4 to 6 days past the Monday and still in its week.
  return { year: weekYear, week: 1 + Math.floor((date.getTime() - firstMonday) / (7 * DAY_MS)) };
}

/** ISO week in which an instant falls, read on the zone's wall clock. */
export function isoWeekOf(instant: Date, timeZone: string): IsoWeek {
  const l = toLocal(instant, timeZone);
  return isoWeekOfDate(l.year, l.month, l.day);
}

/** Calendar date (UTC midnight) of a weekday in an ISO week. */
export function dateOfWeekday(week: IsoWeek, weekday: Weekday): { year: number; month: number; day: number } {
  const jan4 = new Date(Date.UTC(week.year, 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS + (week.week - 1) * 7 * DAY_MS;
  const d = new Date(monday + WEEKDAYS.indexOf(weekday) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Every turn and job asks for this week's instants; each costs a dozen time-zone conversions
 * (the conversion was ~5 % of a submit's CPU profile), and the answer never changes.
 */
const instants = new Map<string, number>();
const MAX_REMEMBERED_INSTANTS = 10_000;

/** The instant of a weekday and "HH:MM" wall time of an ISO week in a zone. */
export function instantInWeek(week: IsoWeek, weekday: Weekday, time: string, timeZone: string): Date {
  const key = `${timeZone}|${week.year}|${week.week}|${weekday}|${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    ms = fromLocal({ ...dateOfWeekday(week, weekday), hour, minute }, timeZone).getTime();
    if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.delete(instants.keys().next().value as string);
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** Number of ISO weeks in a year: 53 when the year starts or (leap) ends on a Thursday. */
export function weeksInYear(year: number): number {
  return isoWeekOfDate(year, 12, 28).week;
}

export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  const monday = dateOfWeekday(week, 'monday');
  const d = new Date(Date.UTC(monday.year, monday.month - 1, monday.day) + n * 7 * DAY_MS);
  return isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Stable key, e.g. "2026-W53"; sorts in time order. */
export function weekKey(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

export function parseWeekKey(key: string): IsoWeek | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return undefined;
  const week = { year: Number(m[1]), week: Number(m[2]) };
  return week.week >= 1 && week.week <= weeksInYear(week.year) ? week : undefined;
}

/** What people read: "v. 48" (the same in Swedish and English here). */
export function weekLabel(week: IsoWeek): string {
  return `v. ${week.week}`;
}

export function sameWeek(a: IsoWeek, b: IsoWeek): boolean {
  return a.year === b.year && a.week === b.week;
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year - b.year || a.week - b.week;
}
