import type { Change, MeetingResult, WeekState } from './meeting';

export function isFinalized(state: WeekState | undefined): boolean {
  return state?.finalizedAt !== undefined;
}

/**
 * Closes a week's picture once the meeting is done; its town decisions are then fixed.
 * `week` is the picture's week, which may differ from `change.week` when finalizing late.
 */
export function finalizeWeek(
  state: WeekState | undefined, municipalityId: string, week: string, change: Change,
): MeetingResult<WeekState> {
  if (state && (state.municipalityId !== municipalityId || state.week !== week)) {
    return { ok: false, errors: [{ code: 'mismatch', field: 'weekState' }] };
  }
  if (isFinalized(state)) return { ok: false, errors: [{ code: 'weekFinalized', week }] };
  return { ok: true, value: { municipalityId, week, finalizedAt: change.at.toISOString(), finalizedBy: change.by } };
}
