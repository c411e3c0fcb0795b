/** A realistic Norrtälje week for the export tests: the sample YAML, real compiler, tricky texts. */
import { addWeeks, weekKey, type IsoWeek } from '../../domain/iso-week';
import type { Municipality } from '../../domain/municipality';
import { compilePicture, type CompileInput } from '../../domain/picture/compile';
import type { TownWeekSummary } from '../../domain/picture/history';
import type { Action, Hotspot, TownDecision } from '../../domain/picture/meeting';
import type { Picture } from '../../domain/picture/picture';
import { sampleMunicipality, sampleReporterId } from '../support/sample-municipality';
import { NOTHING_TO_REPORT, reportId, type Answer, type Grade, type Report } from '../../domain/report';

export const WEEK: IsoWeek = { year: 2026, week: 49 };
export const NOW = new Date('2026-12-02T13:30:00Z');
/** Free text a reporter typed that must come out as text, never as markup. */
export const SCRIPT = '<script>alert("x")</script>';
/** Words from reporters' free text, to prove the external version leaves them out. */
export const OBSERVATION_WORDS = ['Kioskägarens', 'Ölburkar', 'Grannsamverkan ringde'];

/** The sample municipality, loaded as the bot loads it. */
export const norrtalje = sampleMunicipality;
export const reporterId = sampleReporterId;

const COORDINATOR = '00000000-0000-4000-8000-00000000c001';
const POLICE = '00000000-0000-4000-8000-00000000d001';

export function report(m: Municipality, townId: string, n: number, answer: Partial<Answer> | 'nothing', week: IsoWeek = WEEK, late = false): Report {
  const id = reporterId(n);
  const at = `2026-12-01T${String(9 + (n % 4)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00.000Z`;
  return {
    id: reportId(week, townId, id), municipalityId: m.id, week: weekKey(week), townId, reporterId: id,
    organisation: m.reporters.find((r) => r.id === id)?.organisation ?? 'Okänd',
    kind: answer === 'nothing' ? 'nothing' : 'observations',
    answer: answer === 'nothing' ? NOTHING_TO_REPORT : { ...NOTHING_TO_REPORT, ...answer },
    submittedAt: at, updatedAt: late ? '2026-12-01T13:20:00.000Z' : at, late, revision: late ? 2 : 1,
  };
}

export function weekReports(m: Municipality): Report[] {
  return [
    report(m, 'rimbo', 1, { grade: 2, categories: ['vandalism'], what: `Klotter på skolans gavel. ${SCRIPT}`, areas: ['Skolområdet'], when: ['night'] }),
    report(m, 'rimbo', 2, {
      grade: 3, categories: ['gatherings', 'disorder'], what: `Större grupp vid fritidsgården; ${OBSERVATION_WORDS[1]} kvar på morgonen.\nSamma sak "som vanligt" på fredagen.`,
      areas: ['Centrum'], place: 'bakom "Konsum"; vid återvinningen', when: ['evening'], measures: 'Fler vuxna ute; fältgruppen fredag kväll.',
    }),
    report(m, 'rimbo', 3, {
      grade: 4, categories: ['vandalism', 'gatherings'], what: `Glasrutor krossade i busskuren; ${OBSERVATION_WORDS[0]} fönster sprayat.`,
      areas: ['Busstationen'], when: ['evening', 'night'], measures: 'Bättre belysning vid busskuren.',
    }),
    report(m, 'rimbo', 5, { grade: 4, categories: ['drugs'], what: 'Misstänkt langning vid busstationen.', areas: ['Busstationen'], when: ['evening'] }),
    report(m, 'rimbo', 9, { grade: 4, categories: ['violence'], what: '=HYPERLINK("http://example.invalid") hot mot personal i väntrummet.', areas: ['Centrum'], when: ['day'] }, WEEK, true),
    report(m, 'rimbo', 13, 'nothing'),
    report(m, 'norrtalje', 16, { grade: 2, categories: ['littering'], what: 'Mycket skräp på torget efter marknaden.', areas: ['Stora torget'] }),
    report(m, 'norrtalje', 17, 'nothing'),
    report(m, 'norrtalje', 20, { grade: 1, categories: ['events'], what: `Luciafirande planeras på campus. ${OBSERVATION_WORDS[2]} om parkeringen.`, areas: ['Campus Roslagen'] }),
    report(m, 'hallstavik', 26, { grade: 2, categories: ['traffic'], what: 'Mopeder på gång- och cykelvägen.', place: 'Stationsvägen', when: ['evening'] }),
  ];
}

function history(m: Municipality): TownWeekSummary[] {
  const grades: Array<[string, Array<Grade | undefined>]> = [
    ['rimbo', [1, 2, 2, undefined, 2, 3, 2]],
    ['norrtalje', [2, 2, 2, 2, 1, 2, 2]],
    ['hallstavik', [1, 1, undefined, 1, 1, 2, 1]],
  ];
  return grades.flatMap(([townId, gs]) => gs.map((g, i) => ({
    municipalityId: m.id, week: weekKey(addWeeks(WEEK, i - 7)), townId, ...(g !== undefined ? { finalGrade: g, proposedGrade: g } : {}),
  })));
}

export function weekInput(m: Municipality): CompileInput {
  const decisions: TownDecision[] = [{
    municipalityId: m.id, week: weekKey(WEEK), townId: 'rimbo', finalGrade: 3,
    situation: 'Oroligt kring busstationen kvällstid <b>inte fetstil</b>; i övrigt lugnt.', decidedBy: POLICE, decidedAt: '2026-12-02T15:40:00.000Z',
  }];
  const hotspot = (id: string, place: string, reason: string, openedWeek: string): Hotspot => ({
    id, municipalityId: m.id, townId: 'rimbo', place, reason, openedWeek, openedBy: POLICE, openedAt: '2026-11-04T15:00:00.000Z',
  });
  const hotspots = [
    hotspot('h-bus', 'Busstationen', 'Samlingar och skadegörelse kvällstid', '2026-W46'),
    hotspot('h-fisk', 'Fiskartorpet', 'Mörk gångväg & flera larm om otrygghet', '2026-W48'),
  ];
  const action = (id: string, createdWeek: IsoWeek, over: Partial<Action>): Action => ({
    id, municipalityId: m.id, townId: 'rimbo', what: `Åtgärd ${id}`, ownerId: POLICE, createdBy: COORDINATOR,
    createdAt: '2026-11-18T15:30:00.000Z', createdWeek: weekKey(createdWeek), due: '2026-12-09', status: 'open', history: [], ...over,
  });
  const actions = [
    action('a-light', addWeeks(WEEK, -2), {
      what: 'Byta trasig belysning vid busskuren', hotspotId: 'h-bus', due: '2026-11-25', status: 'inProgress', lastComment: 'Beställt; leverans v. 50',
    }),
    action('a-walk', addWeeks(WEEK, -1), { what: 'Fältgruppen går extra kvällsrundor', status: 'accepted', ownerId: reporterId(10) }),
    action('a-owner', WEEK, { what: 'Kontakta fastighetsägaren om klottret', ownerId: COORDINATOR, hotspotId: 'h-fisk' }),
  ];
  return {
    municipality: m, week: WEEK, reports: weekReports(m), absentReporterIds: [reporterId(6)],
    previousReports: [report(m, 'rimbo', 1, { grade: 2, categories: ['vandalism'], what: 'Klotter.' }, addWeeks(WEEK, -1))],
    history: history(m), decisions, hotspots, actions, now: NOW,
  };
}

export function weekPicture(m: Municipality): Picture {
  return compilePicture(weekInput(m));
}
