import { addWeeks, weekKey, type IsoWeek } from '../domain/iso-week';
import type { Municipality } from '../domain/municipality';
import type { Action, Hotspot } from '../domain/picture/meeting';
import type { TownWeekSummary } from '../domain/picture/history';
import type { Grade, Report } from '../domain/report';
import { answerTtlSeconds } from '../domain/questionnaire';
import type { Stores } from '../store/open-store';
import { pool } from '../scheduler/pool';

/** A grade that varies by town and week, deterministically. */
function gradeOf(n: number): Grade {
  return ((n % 5) + 1) as Grade;
}

function report(m: Municipality, week: string, townId: string, reporterId: string, n: number): Report {
  const at = new Date().toISOString();
  const nothing = n % 10 < 3;
  return {
    id: `report:${week}:${townId}:${reporterId}`, municipalityId: m.id, week, townId, reporterId, organisation: `Organisation ${n % 17}`,
    kind: nothing ? 'nothing' : 'observations',
    answer: nothing
      ? { grade: 1, categories: [], what: '', areas: [], place: '', when: [], measures: '' }
      : { grade: gradeOf(n), categories: ['vandalism', 'drugs', 'gatherings'].slice(0, 1 + (n % 3)), what: `Iakttagelse ${n}: klotter och samlingar vid busshållplatsen`, areas: [m.towns[0]!.areas[n % m.towns[0]!.areas.length]!], place: 'Vid kiosken', when: ['evening'], measures: 'Mer vuxennärvaro' },
    submittedAt: at, updatedAt: at, late: false, revision: 1,
  };
}

/**
 * A municipality's past as the picture reads it: one summary per town for each of
 * `historyWeeks` weeks before `week`, this week's and last week's answers from every reporter,
 * an absence, an open hotspot per town and a closed one, and two actions per town (one from an
 * earlier meeting to follow up, one from this week).
 */
export async function seedHistory(stores: Stores, m: Municipality, week: IsoWeek, historyWeeks: number): Promise<number> {
  const key = weekKey(week);
  const summaries: TownWeekSummary[] = [];
  for (let w = 1; w <= historyWeeks; w++) {
    const wk = weekKey(addWeeks(week, -w));
    m.towns.forEach((t, i) => summaries.push({ municipalityId: m.id, week: wk, townId: t.id, proposedGrade: gradeOf(w + i), ...(w % 3 === 0 ? {} : { finalGrade: gradeOf(w + i + 1) }) }));
  }
  // saveSummaries writes one after another; a week's towns per call, weeks side by side.
  await pool(Array.from({ length: historyWeeks }, (_, w) => summaries.slice(w * m.towns.length, (w + 1) * m.towns.length)), 8, (week) => stores.meeting.saveSummaries(week));
  const reports: Report[] = [];
  for (const wk of [key, weekKey(addWeeks(week, -1))]) {
    let n = 0;
    for (const r of m.reporters) for (const t of r.towns) reports.push(report(m, wk, t, r.id, n++));
  }
  await pool(reports, 8, (r) => stores.weekly.saveReport(r, answerTtlSeconds(m)));
  const away = m.reporters[0]!;
  await stores.weekly.setAbsence({ id: `away:${key}:${away.id}`, municipalityId: m.id, week: key, reporterId: away.id, at: new Date().toISOString() });
  const opened = weekKey(addWeeks(week, -4));
  const meetingAt = new Date().toISOString();
  const hotspots: Hotspot[] = m.towns.map((t, i) => ({
    id: `h-${t.id}`, municipalityId: m.id, townId: t.id, place: t.areas[0] ?? 'Centrum', reason: 'Återkommande samlingar kvällstid',
    openedWeek: opened, openedBy: m.coordinators[0]!.id, openedAt: meetingAt, ...(i === 0 ? { closedWeek: weekKey(addWeeks(week, -1)), closedBy: m.coordinators[0]!.id, closedAt: meetingAt } : {}),
  }));
  const actions: Action[] = m.towns.flatMap((t) => [opened, key].map((createdWeek, j) => ({
    id: `a-${t.id}-${j}`, municipalityId: m.id, townId: t.id, hotspotId: `h-${t.id}`, what: 'Förstärkt belysning vid busshållplatsen',
    ownerId: m.coordinators[0]!.id, createdBy: m.coordinators[0]!.id, createdAt: meetingAt, createdWeek, due: '2026-12-09',
    status: j === 0 ? 'inProgress' as const : 'open' as const, history: [{ at: meetingAt, by: m.coordinators[0]!.id, kind: 'created' as const, status: 'open' as const }],
  })));
  await pool(hotspots, 8, (h) => stores.meeting.saveHotspot(h, undefined));
  await pool(actions, 8, (a) => stores.meeting.saveAction(a, undefined));
  return summaries.length + reports.length + 1 + hotspots.length + actions.length;
}
