import { answerRate } from '../../domain/answer-rate';
import type { WeekAnswers } from '../../domain/ports';
import { weekLabel, type IsoWeek } from '../../domain/iso-week';
import type { Municipality } from '../../domain/municipality';
import { formatLocalTime } from '../../domain/zoned-time';
import type { Messages } from '../../i18n';

/** A reporter's own answers this week, one line per town they cover. */
export function reporterStatus(t: Messages, m: Municipality, userId: string, week: IsoWeek, answers: WeekAnswers): string {
  const reporter = m.reporters.find((r) => r.id === userId);
  if (!reporter || reporter.towns.length === 0) return t.status.noTowns;
  const lines = [`**${t.status.reporterTitle(weekLabel(week))}**`];
  for (const townId of reporter.towns) {
    const town = m.towns.find((x) => x.id === townId);
    if (!town) continue;
    const report = answers.reports.find((r) => r.townId === townId && r.reporterId === userId);
    lines.push(report
      ? t.status.answered(town.name, formatLocalTime(new Date(report.updatedAt), m.timeZone), report.late)
      : t.status.notAnswered(town.name));
  }
  if (answers.absences.some((a) => a.reporterId === userId)) lines.push(t.status.awayNote);
  return lines.join('\n\n');
}

/** The answer rate per town, with who is missing and who is away, for coordinators. */
export function coordinatorStatus(t: Messages, m: Municipality, week: IsoWeek, answers: WeekAnswers, townId?: string): string {
  const lines = [`**${t.status.coordinatorTitle(weekLabel(week))}**`];
  for (const rate of answerRate(m, answers.reports, answers.absences)) {
    if (townId && rate.town.id !== townId) continue;
    lines.push(t.status.townLine(rate.town.name, rate.answered.length, rate.expected, rate.away.length));
    if (rate.missing.length > 0) lines.push(t.status.missing(rate.missing.map((r) => `${r.name} (${r.organisation})`).join(', ')));
    if (rate.away.length > 0) lines.push(t.status.awayList(rate.away.map((r) => r.name).join(', ')));
  }
  return lines.join('\n\n');
}

export function helpText(t: Messages, coordinator: boolean): string {
  // A coordinator's rows replace a reporter's row for the same command (status means more for them).
  const own = coordinator ? t.help.coordinator : [];
  const rows = [...t.help.reporter.filter(([cmd]) => !own.some(([c]) => c === cmd)), ...own];
  return [`**${t.help.title}**`, ...rows.map(([cmd, what]) => `- \`${cmd}\`: ${what}`)].join('\n');
}
