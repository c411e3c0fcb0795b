/** Small text formatters the picture cards share: grades, dates, answer rates. */
import type { Language, Municipality } from '../domain/municipality';
import { formatLocalDate, formatLocalTime } from '../domain/zoned-time';
import { gradeStyle, gradeSymbol } from './render';
import { pictureTexts } from './picture-texts';

/** "🟡 2 Uppmärksamhet": symbol, number and label, so colour is never the only carrier. */
export function gradeText(m: Municipality, level: number | undefined, language: Language): string {
  if (level === undefined) return `${gradeSymbol(undefined)} ${pictureTexts(language).noGrade}`;
  const label = m.scale.find((g) => g.level === level)?.label[language] ?? '';
  return `${gradeSymbol(level)} ${level} ${label}`.trim();
}

/** A grade shown as a coloured container: the style plus the text. */
export function gradeBadge(m: Municipality, level: number | undefined, language: Language, prefix: string): { style: string; text: string } {
  return { style: gradeStyle(level), text: `${prefix}: ${gradeText(m, level, language)}` };
}

/** One formatter per locale: building one costs more than formatting a date with it. */
const meetingDateFormats = new Map<string, Intl.DateTimeFormat>();

/** "onsdag 25 november 2026" from "YYYY-MM-DD"; read as a calendar date, so no zone shifts it. */
export function formatMeetingDate(date: string, language: Language): string {
  const [y, mo, d] = date.split('-').map(Number);
  if (y === undefined || mo === undefined || d === undefined || [y, mo, d].some(Number.isNaN)) return date;
  const locale = pictureTexts(language).locale;
  let format = meetingDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    meetingDateFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(y, mo - 1, d)));
}

/** "2026-11-25 14:30" on the municipality's wall clock. */
export function formatCompiledAt(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${formatLocalDate(at, timeZone)} ${formatLocalTime(at, timeZone)}`;
}

/** "12 av 15 har svarat (80 %)"; no percentage when nobody was expected. */
export function answerRateText(answered: number, expected: number, language: Language): string {
  const t = pictureTexts(language);
  const percent = expected > 0 ? t.percent(Math.round((answered / expected) * 100)) : '';
  return t.answerRate(answered, expected, percent);
}

/**
 * Shortens a label for a pick list (hotspot choices). Only choice titles are shortened: the
 * full text is shown in the card's hotspot list, and the choice sends the id.
 */
export function shortLabel(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
