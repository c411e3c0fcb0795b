import { parseWeekKey, weekLabel } from '../domain/iso-week';
import type { Language, Municipality, Town } from '../domain/municipality';
import type { Report } from '../domain/report';
import { formatLocalDate, formatLocalTime } from '../domain/zoned-time';
import { messages } from '../i18n';
import template from './templates/receipt.json';
import { gradeStyle, gradeSymbol, renderCard, type AdaptiveCardJson } from './render';

export interface ReceiptInput {
  municipality: Municipality;
  town: Town;
  report: Report;
  language: Language;
  deadline: Date;
  /** Whether the Edit button still works (before the deadline). */
  editable: boolean;
}

/** The receipt that replaces a submitted questionnaire: the answers as saved, and Edit. */
export function receiptCard(input: ReceiptInput): AdaptiveCardJson {
  const { municipality: m, town, report, language } = input;
  const t = messages(language).receipt;
  const q = messages(language).questionnaire;
  const week = parseWeekKey(report.week);
  const a = report.answer;
  const level = m.scale.find((g) => g.level === a.grade);
  const updated = new Date(report.updatedAt);
  const facts = report.kind === 'nothing' ? [] : [
    { title: t.categories, value: a.categories.map((id) => m.categories.find((c) => c.id === id)?.label[language] ?? id).join(', ') },
    { title: t.what, value: a.what },
    { title: t.where, value: [...a.areas, a.place].filter(Boolean).join(', ') },
    { title: t.when, value: a.when.map((w) => q[w]).join(', ') },
    { title: t.measures, value: a.measures },
  ].filter((f) => f.value !== '');
  return renderCard(template, {
    municipalityId: m.id,
    week: report.week,
    townId: town.id,
    title: t.title(town.name, week ? weekLabel(week) : report.week),
    saved: t.saved(`${formatLocalDate(updated, m.timeZone)} ${formatLocalTime(updated, m.timeZone)}`),
    late: report.late,
    lateNote: t.late,
    nothing: report.kind === 'nothing',
    nothingText: t.nothing,
    gradeStyle: gradeStyle(a.grade),
    gradeText: `${t.grade}: ${gradeSymbol(a.grade)} ${a.grade} ${level?.label[language] ?? ''}`.trim(),
    facts,
    footer: input.editable ? t.editUntil(formatLocalTime(input.deadline, m.timeZone)) : t.closed,
    editable: input.editable,
    editLabel: t.edit,
  });
}
