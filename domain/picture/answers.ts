import { people, type Municipality } from '../municipality';
import type { Report } from '../report';
import type { AnsweredReporter, ReporterRef, TownAnswers } from './picture';

function byName(a: ReporterRef, b: ReporterRef): number {
  return a.name.localeCompare(b.name, 'sv') || a.reporterId.localeCompare(b.reporterId);
}

/** One report per reporter; the latest wins should a store ever hold two. */
export function latestPerReporter(reports: Report[]): Report[] {
  const latest = new Map<string, Report>();
  for (const r of reports) {
    const seen = latest.get(r.reporterId);
    if (!seen || r.updatedAt > seen.updatedAt) latest.set(r.reporterId, r);
  }
  return [...latest.values()];
}

/**
 * Sorts the town's reporters into answered, nothing to report, missing and away. An answer wins
 * over being away. Answers from someone no longer configured still count: the report exists.
 * `reports` must be this town's, one per reporter.
 */
export function townAnswers(m: Municipality, townId: string, reports: Report[], absentReporterIds: string[]): TownAnswers {
  const names = new Map(people(m).map((p) => [p.id, p.name]));
  const absent = new Set(absentReporterIds);
  const answered: AnsweredReporter[] = [];
  const nothingToReport: AnsweredReporter[] = [];
  for (const r of reports) {
    // A reporter removed from the configuration since: their organisation is what we still know.
    const entry = { reporterId: r.reporterId, name: names.get(r.reporterId) ?? r.organisation, organisation: r.organisation, late: r.late };
    (r.kind === 'nothing' ? nothingToReport : answered).push(entry);
  }
  const reported = new Set(reports.map((r) => r.reporterId));
  const missing: ReporterRef[] = [];
  const away: ReporterRef[] = [];
  for (const p of m.reporters) {
    if (!p.towns.includes(townId) || reported.has(p.id)) continue;
    (absent.has(p.id) ? away : missing).push({ reporterId: p.id, name: p.name, organisation: p.organisation });
  }
  return {
    answered: answered.sort(byName),
    nothingToReport: nothingToReport.sort(byName),
    missing: missing.sort(byName),
    away: away.sort(byName),
  };
}

/** Answers given (either kind) and answers expected (everyone but those away). */
export function answerCounts(a: TownAnswers): { answered: number; expected: number } {
  const answered = a.answered.length + a.nothingToReport.length;
  return { answered, expected: answered + a.missing.length };
}
