import { ConcurrentChangeError } from './errors';
import type { IsoWeek } from './iso-week';
import { weekKey } from './iso-week';
import type { Municipality } from './municipality';
import {
  addAction, closeHotspot, finalizeWeek, openHotspot, setTownDecision,
  type Action, type Change, type Hotspot, type MeetingError, type MeetingResult, type TownDecision, type WeekState,
} from './picture/meeting';
import type { MeetingStore } from './ports';
import type { Grade } from './report';

/** How often a change is re-applied on fresh data after another participant changed it first. */
const MAX_ATTEMPTS = 5;

/**
 * Reads, changes and writes back with the record's etag; when someone else wrote in between, the
 * change is applied again on top of theirs, so two participants never silently overwrite each other.
 */
async function withRetry<T>(attempt: () => Promise<MeetingResult<T>>): Promise<MeetingResult<T>> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConcurrentChangeError) || i >= MAX_ATTEMPTS) throw err;
    }
  }
}

function refuse<T>(error: MeetingError): MeetingResult<T> {
  return { ok: false, errors: [error] };
}

export interface GradeInput {
  /** What the form sent; "" when nothing chosen. */
  finalGrade: string;
  situation: string;
  /** What the card showed when the participant opened it: only fields they changed are applied. */
  baseGrade: string;
  baseSituation: string;
}

/** Sets a town's final grade and *läget i stort* for a week. */
export async function decideTown(store: MeetingStore, m: Municipality, week: IsoWeek, townId: string, input: GradeInput, change: Change): Promise<MeetingResult<TownDecision>> {
  const key = weekKey(week);
  return withRetry(async () => {
    const [current, state] = await Promise.all([store.getDecision(m.id, key, townId), store.getWeekState(m.id, key)]);
    const gradeText = input.finalGrade.trim();
    const gradeChanged = gradeText !== input.baseGrade.trim() || current?.value.finalGrade === undefined;
    let finalGrade: Grade | undefined;
    if (gradeChanged && gradeText !== '') {
      if (!/^[1-5]$/.test(gradeText)) return refuse({ code: 'gradeOutOfRange', value: gradeText.slice(0, 20) });
      finalGrade = Number(gradeText) as Grade;
    }
    const situationChanged = input.situation.trim() !== input.baseSituation.trim();
    const result = setTownDecision({
      current: current?.value, municipalityId: m.id, week: key, townId, weekState: state?.value,
      ...(finalGrade !== undefined ? { finalGrade } : {}),
      ...(situationChanged ? { situation: input.situation } : {}),
    }, change);
    if (result.ok) await store.saveDecision(result.value, current?.etag);
    return result;
  });
}

export async function addHotspotTo(store: MeetingStore, m: Municipality, townId: string, id: string, place: string, reason: string, change: Change): Promise<MeetingResult<Hotspot>> {
  const result = openHotspot({ id, municipalityId: m.id, townId, place, reason }, change);
  if (!result.ok) return result;
  try {
    await store.saveHotspot(result.value, undefined);
  } catch (err) {
    // The same submit again (a retried request): the hotspot is already there.
    if (!(err instanceof ConcurrentChangeError)) throw err;
  }
  return result;
}

export async function closeHotspotIn(store: MeetingStore, m: Municipality, townId: string, hotspotId: string, change: Change): Promise<MeetingResult<Hotspot>> {
  return withRetry(async () => {
    const found = await store.getHotspot(m.id, hotspotId);
    if (!found || found.value.townId !== townId) return refuse({ code: 'hotspotElsewhere', hotspotId: hotspotId.slice(0, 60) });
    const result = closeHotspot(found.value, change);
    if (result.ok) await store.saveHotspot(result.value, found.etag);
    return result;
  });
}

export interface ActionInput {
  id: string;
  what: string;
  ownerId: string;
  hotspotId?: string;
  due?: string;
  nextMeetingDate: string;
}

export async function addActionTo(store: MeetingStore, m: Municipality, townId: string, input: ActionInput, change: Change): Promise<MeetingResult<Action>> {
  const hotspot = input.hotspotId ? (await store.getHotspot(m.id, input.hotspotId))?.value : undefined;
  if (input.hotspotId && !hotspot) return refuse({ code: 'hotspotElsewhere', hotspotId: input.hotspotId.slice(0, 60) });
  const result = addAction({
    id: input.id, municipalityId: m.id, townId, hotspot, what: input.what, ownerId: input.ownerId,
    due: input.due, nextMeetingDate: input.nextMeetingDate,
  }, change);
  if (!result.ok) return result;
  try {
    await store.saveAction(result.value, undefined);
  } catch (err) {
    if (!(err instanceof ConcurrentChangeError)) throw err;
  }
  return result;
}

export async function finalize(store: MeetingStore, m: Municipality, week: IsoWeek, change: Change): Promise<MeetingResult<WeekState>> {
  const key = weekKey(week);
  return withRetry(async () => {
    const current = await store.getWeekState(m.id, key);
    const result = finalizeWeek(current?.value, m.id, key, change);
    if (result.ok) await store.saveWeekState(result.value, current?.etag);
    return result;
  });
}
