import type { IsoWeek } from '../domain/iso-week';
import { addWeeks, weekKey } from '../domain/iso-week';
import type { Municipality } from '../domain/municipality';
import { compilePicture, type Picture } from '../domain/picture/compile';
import type { MeetingStore, WeeklyStore } from '../domain/ports';

/** Trend history the picture shows: the eight weeks before this one. */
const HISTORY_WEEKS = 8;

/**
 * Reads what one week's picture needs (this and last week's answers, decisions, hotspots,
 * actions, earlier weeks' grades) and compiles it with the pure domain function.
 */
export async function compileWeek(stores: { weekly: WeeklyStore; meeting: MeetingStore }, m: Municipality, week: IsoWeek, now: Date): Promise<Picture> {
  const key = weekKey(week);
  const [thisWeek, lastWeek, decisions, hotspots, actions, state, history] = await Promise.all([
    stores.weekly.listWeek(m.id, key),
    stores.weekly.listWeek(m.id, weekKey(addWeeks(week, -1))),
    stores.meeting.listDecisions(m.id, key),
    stores.meeting.listHotspots(m.id),
    stores.meeting.listActions(m.id),
    stores.meeting.getWeekState(m.id, key),
    stores.meeting.listSummaries(m.id, weekKey(addWeeks(week, -HISTORY_WEEKS)), weekKey(addWeeks(week, -1))),
  ]);
  return compilePicture({
    municipality: m, week, reports: thisWeek.reports, absentReporterIds: thisWeek.absences.map((a) => a.reporterId),
    previousReports: lastWeek.reports, history, decisions, hotspots, actions, weekState: state?.value, now,
  });
}
