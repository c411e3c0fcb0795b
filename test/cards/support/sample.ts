/** Realistic sample data for the card tests, built with the real loaders and the real compiler. */
import { addWeeks, weekKey, type IsoWeek } from '../../../domain/iso-week';
import type { Municipality } from '../../../domain/municipality';
import { compilePicture, type CompileInput } from '../../../domain/picture/compile';
import type { Action, Hotspot, TownDecision } from '../../../domain/picture/meeting';
import type { Picture } from '../../../domain/picture/picture';
import type { TownWeekSummary } from '../../../domain/picture/history';
import { sampleMunicipality, sampleReporterId } from '../../support/sample-municipality';
import { NOTHING_TO_REPORT, reportId, type Answer, type Grade, type Report } from '../../../domain/report';

export const WEEK: IsoWeek = { year: 2026, week: 48 };
export const NOW = new Date('2026-11-25T13:00:00Z');
export const NEXT_MEETING = '2026-12-02';
/** A distinctive word in one reporter's free text, to prove the external card leaves it out. */
export const SECRET = 'Kioskägarens';

/** The sample municipality, loaded as the bot loads it. */
export const norrtalje = sampleMunicipality;
export const reporterId = sampleReporterId;

const COORDINATOR = '00000000-0000-4000-8000-00000000c001';
const POLICE = '00000000-0000-4000-8000-00000000d001';

export function report(m: Municipality, townId: string, n: number, answer: Partial<Answer> | 'nothing', week: IsoWeek = WEEK): Report {
  const id = reporterId(n);
  const organisation = m.reporters.find((r) => r.id === id)?.organisation ?? 'Okänd';
  const at = '2026-11-24T10:00:00.000Z';
  return {
    id: reportId(week, townId, id), municipalityId: m.id, week: weekKey(week), townId, reporterId: id, organisation,
    kind: answer === 'nothing' ? 'nothing' : 'observations',
    answer: answer === 'nothing' ? NOTHING_TO_REPORT : { ...NOTHING_TO_REPORT, ...answer },
    submittedAt: at, updatedAt: at, late: n === 9, revision: 1,
  };
}

function hotspot(m: Municipality, id: string, townId: string, place: string, reason: string, openedWeek: string, closedWeek?: string): Hotspot {
  return {
    id, municipalityId: m.id, townId, place, reason, openedWeek, openedBy: POLICE, openedAt: '2026-11-04T15:00:00.000Z',
    ...(closedWeek ? { closedWeek, closedBy: POLICE, closedAt: '2026-11-18T15:00:00.000Z' } : {}),
  };
}

function action(m: Municipality, id: string, townId: string, createdWeek: IsoWeek, over: Partial<Action>): Action {
  return {
    id, municipalityId: m.id, townId, what: `Åtgärd ${id}`, ownerId: POLICE, createdBy: COORDINATOR,
    createdAt: '2026-11-11T15:30:00.000Z', createdWeek: weekKey(createdWeek), due: NEXT_MEETING, status: 'open', history: [], ...over,
  };
}

function history(m: Municipality): TownWeekSummary[] {
  const grades: Array<[string, Array<Grade | undefined>]> = [
    ['rimbo', [1, 2, 2, undefined, 2, 3, 2]],
    ['norrtalje', [2, 2, 2, 2, 1, 2, 2]],
    ['hallstavik', [1, 1, undefined, 1, 1, 2, 2]],
  ];
  return grades.flatMap(([townId, gs]) => gs.map((g, i) => ({
    municipalityId: m.id, week: weekKey(addWeeks(WEEK, i - 7)), townId, ...(g !== undefined ? { finalGrade: g, proposedGrade: g } : {}),
  })));
}

/** A normal week: Rimbo busy (grade raised for severe reports), Norrtälje calm, Hallstavik silent. */
export function sampleInput(m: Municipality): CompileInput {
  const reports = [
    report(m, 'rimbo', 1, { grade: 2, categories: ['vandalism'], what: 'Klotter på skolans gavel.', areas: ['Skolområdet'], when: ['night'] }),
    report(m, 'rimbo', 2, { grade: 2, categories: ['gatherings'], what: 'Större grupp ungdomar vid fritidsgården på fredagskvällen.', areas: ['Centrum'], when: ['evening'] }),
    report(m, 'rimbo', 3, {
      grade: 4, categories: ['vandalism', 'gatherings'], what: `Glasrutor krossade i busskuren; ${SECRET} fönster sprayat.`,
      areas: ['Busstationen'], place: 'bakom Konsum', when: ['evening', 'night'], measures: 'Bättre belysning och fler vuxna ute på kvällen.',
    }),
    report(m, 'rimbo', 5, { grade: 4, categories: ['drugs'], what: 'Misstänkt langning vid busstationen.', areas: ['Busstationen'], when: ['evening'] }),
    report(m, 'rimbo', 9, { grade: 4, categories: ['violence'], what: 'Hot mot personal i väntrummet.', areas: ['Centrum'], when: ['day'] }),
    report(m, 'rimbo', 12, { grade: 2, categories: ['theft'], what: 'Snatteri har ökat.', areas: ['Centrum'], when: ['day'] }),
    report(m, 'rimbo', 13, 'nothing'),
    report(m, 'rimbo', 14, { grade: 2, categories: ['traffic'], what: 'Mopeder på gång- och cykelvägen.', place: 'Stationsvägen' }),
    report(m, 'norrtalje', 16, { grade: 2, categories: ['littering'], what: 'Mycket skräp på torget efter marknaden.', areas: ['Stora torget'] }),
    report(m, 'norrtalje', 17, 'nothing'),
    report(m, 'norrtalje', 20, { grade: 1, categories: ['events'], what: 'Luciafirande planeras på campus.', areas: ['Campus Roslagen'] }),
  ];
  const previousReports = [
    report(m, 'rimbo', 1, { grade: 2, categories: ['vandalism'], what: 'Klotter.' }, addWeeks(WEEK, -1)),
    report(m, 'rimbo', 2, { grade: 2, categories: ['gatherings', 'littering'], what: 'Samling.' }, addWeeks(WEEK, -1)),
  ];
  const decisions: TownDecision[] = [{
    municipalityId: m.id, week: weekKey(WEEK), townId: 'rimbo', finalGrade: 3,
    situation: 'Oroligt kring busstationen kvällstid; i övrigt lugnt.', decidedBy: POLICE, decidedAt: '2026-11-25T15:40:00.000Z',
  }];
  const hotspots = [
    hotspot(m, 'h-busstation', 'rimbo', 'Busstationen', 'Samlingar och skadegörelse kvällstid', '2026-W45'),
    hotspot(m, 'h-fiskartorpet', 'rimbo', 'Fiskartorpet', 'Mörk gångväg, flera larm om otrygghet', '2026-W47'),
    hotspot(m, 'h-closed', 'rimbo', 'Rimbo sportfält', 'Buskörning', '2026-W40', '2026-W46'),
  ];
  const actions = [
    action(m, 'a-light', 'rimbo', addWeeks(WEEK, -2), {
      what: 'Byta trasig belysning vid busskuren', hotspotId: 'h-busstation', due: '2026-11-18', status: 'inProgress',
      lastComment: 'Beställt, leverans v. 49',
    }),
    action(m, 'a-walk', 'rimbo', addWeeks(WEEK, -1), { what: 'Fältgruppen går extra kvällsrundor', status: 'accepted', ownerId: reporterId(10) }),
    action(m, 'a-new', 'rimbo', WEEK, { what: 'Kontakta fastighetsägaren om klottret', ownerId: COORDINATOR, hotspotId: 'h-fiskartorpet' }),
  ];
  return {
    municipality: m, week: WEEK, reports, previousReports, absentReporterIds: [reporterId(6)], history: history(m),
    decisions, hotspots, actions, now: NOW,
  };
}

export function samplePicture(m: Municipality): Picture {
  return compilePicture(sampleInput(m));
}

export function finalizedPicture(m: Municipality): Picture {
  return compilePicture({ ...sampleInput(m), weekState: { municipalityId: m.id, week: weekKey(WEEK), finalizedAt: '2026-11-25T16:00:00.000Z', finalizedBy: COORDINATOR } });
}

const SENTENCES = [
  'Flera ungdomar samlades vid busskuren på kvällen, och det låg mycket skräp kvar på morgonen. ',
  'Belysningen vid gångtunneln är trasig sedan förra veckan, vilket gör platsen otrygg för äldre. ',
  'Personalen på fritidsgården hörde rykten om bråk efter skolavslutningen på fredag. ',
  'Mopeder kör på gång- och cykelvägen längs ån, särskilt mellan klockan 19 och 22. ',
  'Klotter på väggarna vid idrottshallen togs bort men kom tillbaka inom två dygn. ',
  'Grannar i området säger att det känns lugnare än i våras, men vill se fler vuxna ute. ',
];

/** Exactly `length` characters of Swedish prose, starting with a marker that makes it unique. */
export function swedishText(marker: string, length = 2000): string {
  let text = `[${marker}] `;
  for (let i = 0; text.length < length; i++) text += SENTENCES[i % SENTENCES.length];
  return text.slice(0, length);
}

/**
 * The largest realistic week for one town: all 15 reporters answer with every text field at
 * the 2000-character limit, 10 open hotspots and 15 actions with long texts and comments.
 */
export function largestWeekInput(m: Municipality, townId = 'rimbo'): CompileInput {
  const town = m.towns.find((t) => t.id === townId);
  if (!town) throw new Error(`no town ${townId}`);
  const reporters = m.reporters.filter((r) => r.towns.includes(townId));
  const reports = reporters.map((r, i) => report(m, townId, Number(r.id.slice(-12)), {
    grade: (1 + (i % 5)) as Grade,
    categories: m.categories.map((c) => c.id),
    what: swedishText(`vad ${i + 1}`),
    areas: [...town.areas],
    place: swedishText(`plats ${i + 1}`),
    when: ['day', 'evening', 'night'],
    measures: swedishText(`åtgärdsförslag ${i + 1}`),
  }));
  const hotspots = Array.from({ length: 10 }, (_, i) =>
    hotspot(m, `h${i + 1}`, townId, swedishText(`hotspot ${i + 1}`), swedishText(`skäl ${i + 1}`), weekKey(addWeeks(WEEK, -(i % 4)))));
  const actions = Array.from({ length: 15 }, (_, i) => action(m, `a${i + 1}`, townId, addWeeks(WEEK, i < 8 ? -1 : 0), {
    what: swedishText(`åtgärd ${i + 1}`), lastComment: swedishText(`kommentar ${i + 1}`), hotspotId: `h${(i % 10) + 1}`,
    due: i % 3 === 0 ? '2026-11-20' : NEXT_MEETING, status: i % 4 === 0 ? 'inProgress' : 'open',
  }));
  return {
    municipality: m, week: WEEK, reports, absentReporterIds: [], history: history(m),
    decisions: [{ municipalityId: m.id, week: weekKey(WEEK), townId, finalGrade: 4, situation: swedishText('läget i stort') }],
    hotspots, actions, now: NOW,
  };
}
