import type { IsoWeek } from '../domain/iso-week';
import { weekKey, weekLabel } from '../domain/iso-week';
import type { Language, Municipality, Town } from '../domain/municipality';
import { MAX_TEXT_LENGTH } from '../domain/defaults';
import { TIMES_OF_DAY, type Answer } from '../domain/report';
import { formatLocalTime } from '../domain/zoned-time';
import { messages } from '../i18n';
import template from './templates/questionnaire.json';
import { gradeSymbol, renderCard, type AdaptiveCardJson } from './render';

/** What the reporter had typed, as the card sends it back (strings, lists joined by commas). */
export interface QuestionnaireValues {
  grade: string;
  categories: string;
  what: string;
  areas: string;
  place: string;
  when: string;
  measures: string;
}

export const EMPTY_VALUES: QuestionnaireValues = { grade: '', categories: '', what: '', areas: '', place: '', when: '', measures: '' };

export function valuesFromAnswer(answer: Answer): QuestionnaireValues {
  return {
    grade: String(answer.grade),
    categories: answer.categories.join(','),
    what: answer.what,
    areas: answer.areas.join(','),
    place: answer.place,
    when: answer.when.join(','),
    measures: answer.measures,
  };
}

/** Keeps only the form's own fields from a submit, as strings, so a re-shown card loses nothing. */
export function valuesFromSubmit(raw: Record<string, unknown>): QuestionnaireValues {
  const str = (v: unknown) => (Array.isArray(v) ? v.map(String).join(',') : typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return {
    grade: str(raw.grade), categories: str(raw.categories), what: str(raw.what), areas: str(raw.areas),
    place: str(raw.place), when: str(raw.when), measures: str(raw.measures),
  };
}

export interface QuestionnaireInput {
  municipality: Municipality;
  town: Town;
  week: IsoWeek;
  language: Language;
  deadline: Date;
  late: boolean;
  values?: QuestionnaireValues;
  errors?: string[];
}

export function questionnaireCard(input: QuestionnaireInput): AdaptiveCardJson {
  const { municipality: m, town, language } = input;
  const t = messages(language).questionnaire;
  const deadlineText = `${messages(language).weekdays[(input.deadline.getUTCDay() + 6) % 7] ?? ''} ${formatLocalTime(input.deadline, m.timeZone)}`;
  return renderCard(template, {
    municipalityId: m.id,
    week: weekKey(input.week),
    townId: town.id,
    title: t.title(town.name, weekLabel(input.week)),
    intro: t.intro(deadlineText.trim()),
    late: input.late,
    lateNote: t.lateNote,
    errors: input.errors ?? [],
    disclaimer: t.disclaimer,
    privacy: t.privacy,
    maxLength: MAX_TEXT_LENGTH,
    labels: {
      grade: t.grade, gradeRequired: messages(language).errors.gradeMissing, categories: t.categories, what: t.what,
      whatPlaceholder: t.whatPlaceholder, areas: t.areas, place: t.place, when: t.when, measures: t.measures,
      submit: t.submit, nothing: t.nothing, away: t.away,
    },
    values: input.values ?? EMPTY_VALUES,
    grades: m.scale.map((g) => ({ value: String(g.level), title: `${gradeSymbol(g.level)} ${g.level} ${g.label[language]}: ${g.description[language]}` })),
    categories: m.categories.map((c) => ({ value: c.id, title: c.label[language] })),
    areas: town.areas,
    times: TIMES_OF_DAY.map((w) => ({ value: w, title: t[w] })),
  });
}
