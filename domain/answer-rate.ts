import type { Absence } from './absence';
import type { Municipality, Reporter, Town } from './municipality';
import type { Report } from './report';

export interface TownAnswerRate {
  town: Town;
  answered: Reporter[];
  away: Reporter[];
  missing: Reporter[];
  /** Reporters expected to answer: everyone covering the town and not away. */
  expected: number;
}

/** Who answered, who is away and who is missing, per town, for one week. */
export function answerRate(m: Municipality, reports: Report[], absences: Absence[]): TownAnswerRate[] {
  const answeredKeys = new Set(reports.map((r) => `${r.townId}|${r.reporterId}`));
  const awayIds = new Set(absences.map((a) => a.reporterId));
  return m.towns.map((town) => {
    const covering = m.reporters.filter((r) => r.towns.includes(town.id));
    const answered = covering.filter((r) => answeredKeys.has(`${town.id}|${r.id}`));
    const away = covering.filter((r) => awayIds.has(r.id) && !answeredKeys.has(`${town.id}|${r.id}`));
    const missing = covering.filter((r) => !answeredKeys.has(`${town.id}|${r.id}`) && !awayIds.has(r.id));
    return { town, answered, away, missing, expected: covering.length - away.length };
  });
}

/** One questionnaire per (reporter, town) the reporter covers, for towns that exist. */
export function promptsDue(m: Municipality): Array<{ reporter: Reporter; town: Town }> {
  const due: Array<{ reporter: Reporter; town: Town }> = [];
  for (const reporter of m.reporters) {
    for (const townId of reporter.towns) {
      const town = m.towns.find((t) => t.id === townId);
      if (town) due.push({ reporter, town });
    }
  }
  return due;
}

/** Reminders go only to reporters who neither answered for that town nor said they are away. */
export function remindersDue(m: Municipality, reports: Report[], absences: Absence[]): Array<{ reporter: Reporter; town: Town }> {
  return answerRate(m, reports, absences).flatMap((rate) => rate.missing.map((reporter) => ({ reporter, town: rate.town })));
}
