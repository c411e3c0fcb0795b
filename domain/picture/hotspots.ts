import { weekKey } from '../iso-week';
import type { Change, Hotspot, MeetingError, MeetingResult } from './meeting';
import { checkMeetingText } from './meeting-text';

export interface NewHotspot {
  /** Chosen by the caller, so that a retried submit can reuse it. */
  id: string;
  municipalityId: string;
  townId: string;
  place: string;
  reason: string;
}

/** Puts a place on the town's hotspot list. */
export function openHotspot(input: NewHotspot, change: Change): MeetingResult<Hotspot> {
  const place = input.place.trim();
  const reason = input.reason.trim();
  const errors = [...checkMeetingText('place', place, true), ...checkMeetingText('reason', reason, true)];
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      id: input.id,
      municipalityId: input.municipalityId,
      townId: input.townId,
      place,
      reason,
      openedWeek: weekKey(change.week),
      openedBy: change.by,
      openedAt: change.at.toISOString(),
    },
  };
}

/** Takes a place off the list; the hotspot is kept, closed, for the record. */
export function closeHotspot(hotspot: Hotspot, change: Change): MeetingResult<Hotspot> {
  if (hotspot.closedWeek !== undefined) {
    const error: MeetingError = { code: 'hotspotClosed', hotspotId: hotspot.id };
    return { ok: false, errors: [error] };
  }
  return {
    ok: true,
    value: { ...hotspot, closedWeek: weekKey(change.week), closedBy: change.by, closedAt: change.at.toISOString() },
  };
}

/** Open in a week: opened by then and not closed by then; a picture of a past week shows the list as it was. */
export function isOpenIn(hotspot: Hotspot, week: string): boolean {
  return hotspot.openedWeek <= week && (hotspot.closedWeek === undefined || hotspot.closedWeek > week);
}
