import type { Category } from '../municipality';
import type { Report } from '../report';
import type { CategoryCount, Observation } from './picture';

function hasContent(r: Report): boolean {
  const a = r.answer;
  return [a.what, a.place, a.measures].some((t) => t.trim() !== '') || a.areas.length > 0 || a.categories.length > 0;
}

/** Reporters' observations worth reading: most severe first, then in order of submission. */
export function observationsOf(reports: Report[]): Observation[] {
  return reports
    .filter((r) => r.kind === 'observations' && hasContent(r))
    .sort((a, b) => b.answer.grade - a.answer.grade || a.submittedAt.localeCompare(b.submittedAt))
    .map((r) => ({
      reporterId: r.reporterId,
      organisation: r.organisation,
      what: r.answer.what,
      areas: [...r.answer.areas],
      place: r.answer.place,
      when: [...r.answer.when],
      measures: r.answer.measures,
      grade: r.answer.grade,
      categories: [...r.answer.categories],
    }));
}

function countOf(reports: Report[], categoryId: string): number {
  return reports.filter((r) => r.answer.categories.includes(categoryId)).length;
}

/**
 * Answers per category this week and last, in the configured order, leaving out categories
 * nobody ticked in either week. Categories no longer configured are not shown.
 */
export function categoryCounts(categories: Category[], thisWeek: Report[], lastWeek: Report[] | undefined): CategoryCount[] {
  return categories
    .map((c) => ({
      categoryId: c.id,
      thisWeek: countOf(thisWeek, c.id),
      lastWeek: lastWeek ? countOf(lastWeek, c.id) : null,
    }))
    .filter((c) => c.thisWeek > 0 || (c.lastWeek ?? 0) > 0);
}
