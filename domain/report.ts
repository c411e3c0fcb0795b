import { MAX_TEXT_LENGTH } from './defaults';
import type { IsoWeek } from './iso-week';
import { weekKey } from './iso-week';
import type { Municipality, Town } from './municipality';
import { findIdentifiers, type IdentifierFinding } from './personal-data';

export type Grade = 1 | 2 | 3 | 4 | 5;
export const TIMES_OF_DAY = ['day', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** What a reporter tells about one town in one week. */
export interface Answer {
  grade: Grade;
  categories: string[];
  what: string;
  areas: string[];
  place: string;
  when: TimeOfDay[];
  measures: string;
}

export type ReportKind = 'observations' | 'nothing';

/** A stored answer; one per (municipality, week, town, reporter), revised in place on edits. */
export interface Report {
  id: string;
  municipalityId: string;
  week: string;
  townId: string;
  reporterId: string;
  organisation: string;
  kind: ReportKind;
  answer: Answer;
  submittedAt: string;
  updatedAt: string;
  /** True when the latest revision came after the deadline. */
  late: boolean;
  revision: number;
}

/** The id is derived from its key so that a retried submit can never make a second answer. */
export function reportId(week: IsoWeek | string, townId: string, reporterId: string): string {
  const w = typeof week === 'string' ? week : weekKey(week);
  return `report:${w}:${townId}:${reporterId}`;
}

export const NOTHING_TO_REPORT: Answer = {
  grade: 1, categories: [], what: '', areas: [], place: '', when: [], measures: '',
};

export type AnswerError =
  | { code: 'gradeMissing' }
  | { code: 'gradeOutOfRange'; value: string }
  | { code: 'unknownCategory'; value: string }
  | { code: 'unknownTimeOfDay'; value: string }
  | { code: 'textTooLong'; field: TextField; max: number }
  | { code: 'personalData'; field: TextField; findings: IdentifierFinding[] };

export type TextField = 'what' | 'place' | 'measures';
const TEXT_FIELDS: TextField[] = ['what', 'place', 'measures'];

export type Validated<T, E> = { ok: true; value: T } | { ok: false; errors: E[] };

/** Input.ChoiceSet with isMultiSelect sends "a,b"; Action.Submit may send arrays too. */
function splitList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof raw !== 'string') return [];
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function text(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : '';
}

/**
 * Checks a card's raw form values against the town and the municipality's categories.
 * Every problem is returned at once so the card can show them all.
 */
export function validateAnswer(m: Municipality, town: Town, raw: Record<string, unknown>): Validated<Answer, AnswerError> {
  const errors: AnswerError[] = [];
  const gradeRaw = raw.grade === undefined || raw.grade === null ? '' : String(raw.grade).trim();
  let grade: Grade = 1;
  if (gradeRaw === '') errors.push({ code: 'gradeMissing' });
  else if (!/^[1-5]$/.test(gradeRaw)) errors.push({ code: 'gradeOutOfRange', value: gradeRaw.slice(0, 20) });
  else grade = Number(gradeRaw) as Grade;

  const categories = splitList(raw.categories);
  for (const c of categories) {
    if (!m.categories.some((k) => k.id === c)) errors.push({ code: 'unknownCategory', value: c.slice(0, 40) });
  }
  const when = splitList(raw.when);
  for (const w of when) {
    if (!(TIMES_OF_DAY as readonly string[]).includes(w)) errors.push({ code: 'unknownTimeOfDay', value: w.slice(0, 20) });
  }
  // Areas outside the town's list are kept as free text rather than refused.
  const picked = splitList(raw.areas);
  const areas = picked.filter((a) => town.areas.includes(a));
  const extraPlaces = picked.filter((a) => !town.areas.includes(a));
  const texts = {
    what: text(raw.what),
    place: [text(raw.place), ...extraPlaces].filter(Boolean).join(', '),
    measures: text(raw.measures),
  };
  for (const field of TEXT_FIELDS) {
    const value = texts[field];
    if (value.length > MAX_TEXT_LENGTH) {
      errors.push({ code: 'textTooLong', field, max: MAX_TEXT_LENGTH });
      continue;
    }
    const findings = findIdentifiers(value);
    if (findings.length > 0) errors.push({ code: 'personalData', field, findings });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      grade,
      categories: [...new Set(categories)],
      what: texts.what,
      areas: [...new Set(areas)],
      place: texts.place,
      when: [...new Set(when)] as TimeOfDay[],
      measures: texts.measures,
    },
  };
}
