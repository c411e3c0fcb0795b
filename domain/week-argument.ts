import { parseWeekKey, weeksInYear, type IsoWeek } from './iso-week';

/**
 * Reads the week someone typed: "48", "v. 48", "v48" or "2026-W48". A bare number means the most
 * recent such week up to the current one (so in January, "52" is last December's week).
 */
export function parseWeekArgument(text: string | undefined, current: IsoWeek): IsoWeek | undefined {
  if (!text) return current;
  const trimmed = text.trim();
  const full = parseWeekKey(trimmed.toUpperCase());
  if (full) return full;
  const m = /^(?:v\.?\s*)?(\d{1,2})$/i.exec(trimmed);
  if (!m) return undefined;
  const week = Number(m[1]);
  const year = week <= current.week ? current.year : current.year - 1;
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : undefined;
}
