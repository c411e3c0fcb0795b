import type { IsoWeek } from '../domain/iso-week';
import { parseWeekKey } from '../domain/iso-week';

/** What a questionnaire card's action carries, checked at the edge. */
export interface QuestionnaireRef {
  week: IsoWeek;
  townId: string;
  /** The card's form values, still unchecked: the domain validates them. */
  form: Record<string, unknown>;
}

const FORM_FIELDS = ['grade', 'categories', 'what', 'areas', 'place', 'when', 'measures'] as const;
const MAX_RAW_FIELD = 20_000;

/**
 * Reads a card action's data into a typed reference, or undefined when it is not a questionnaire
 * action we made. Only known form fields pass, each a string, number or list of strings.
 */
export function readQuestionnaireRef(data: unknown): QuestionnaireRef | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const week = typeof d.week === 'string' ? parseWeekKey(d.week) : undefined;
  const townId = typeof d.townId === 'string' && /^[A-Za-z0-9._:@-]{1,128}$/.test(d.townId) ? d.townId : undefined;
  if (!week || !townId) return undefined;
  const form: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const v = d[field];
    if (typeof v === 'string') form[field] = v.slice(0, MAX_RAW_FIELD);
    else if (typeof v === 'number' && Number.isFinite(v)) form[field] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) form[field] = (v as string[]).slice(0, 100);
  }
  return { week, townId, form };
}
