import type { Grade } from '../report';
import type { Change, MeetingError, MeetingResult, TownDecision, WeekState } from './meeting';
import { checkMeetingText } from './meeting-text';
import { isFinalized } from './week-state';

export interface DecisionChange {
  /** The stored decision, if any; its fields are kept unless changed. */
  current?: TownDecision;
  municipalityId: string;
  /** Week key of the picture the decision belongs to. */
  week: string;
  townId: string;
  /** Leave out to keep the current grade; null clears it. */
  finalGrade?: Grade | null;
  /** Leave out to keep the current text. */
  situation?: string;
  /** A finalized week's decisions cannot change. */
  weekState?: WeekState;
}

function isGrade(value: unknown): value is Grade {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Sets the meeting's final grade and/or situation text for a town, recording who and when. */
export function setTownDecision(input: DecisionChange, change: Change): MeetingResult<TownDecision> {
  const { current, weekState } = input;
  const errors: MeetingError[] = [];
  if (current && (current.municipalityId !== input.municipalityId || current.week !== input.week || current.townId !== input.townId)) {
    errors.push({ code: 'mismatch', field: 'current' });
  }
  if (weekState && (weekState.municipalityId !== input.municipalityId || weekState.week !== input.week)) {
    errors.push({ code: 'mismatch', field: 'weekState' });
  } else if (weekState && isFinalized(weekState)) {
    errors.push({ code: 'weekFinalized', week: input.week });
  }
  if (input.finalGrade !== undefined && input.finalGrade !== null && !isGrade(input.finalGrade)) {
    errors.push({ code: 'gradeOutOfRange', value: String(input.finalGrade).slice(0, 20) });
  }
  const situation = input.situation === undefined ? (current?.situation ?? '') : input.situation.trim();
  errors.push(...checkMeetingText('situation', situation, false));
  if (errors.length > 0) return { ok: false, errors };

  const finalGrade = input.finalGrade === undefined ? current?.finalGrade : (input.finalGrade ?? undefined);
  return {
    ok: true,
    value: {
      municipalityId: input.municipalityId,
      week: input.week,
      townId: input.townId,
      ...(finalGrade !== undefined ? { finalGrade } : {}),
      situation,
      decidedBy: change.by,
      decidedAt: change.at.toISOString(),
    },
  };
}
