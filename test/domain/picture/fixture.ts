import { weekKey, type IsoWeek } from '../../../domain/iso-week';
import type { Municipality } from '../../../domain/municipality';
import { NOTHING_TO_REPORT, reportId, type Answer, type Report } from '../../../domain/report';
import type { Change } from '../../../domain/picture/meeting';
import { municipality as smallNorrtalje } from '../municipality-fixture';

export const W48: IsoWeek = { year: 2026, week: 48 };
export const W53: IsoWeek = { year: 2026, week: 53 };
export const W01: IsoWeek = { year: 2027, week: 1 };

/** More areas per town than the small Norrtälje has, for the picture's places. */
const AREAS: Record<string, string[]> = {
  rimbo: ['Centrum', 'Skolan'],
  norrtalje: ['Torget', 'Busstationen', 'Hamnen'],
  hallstavik: ['Bruket', 'Centrum'],
};

/** The small Norrtälje (three towns; Anna covers two of them), with a police meeting member. */
export function municipality(): Municipality {
  const m = smallNorrtalje({ meetingMembers: [{ id: 'police', name: 'Per Polis', organisation: 'Polisen' }] });
  return { ...m, towns: m.towns.map((t) => ({ ...t, areas: AREAS[t.id] ?? t.areas })) };
}

export interface ReportOptions {
  week?: IsoWeek;
  kind?: Report['kind'];
  late?: boolean;
  organisation?: string;
  submittedAt?: string;
  answer?: Partial<Answer>;
}

export function report(townId: string, reporterId: string, o: ReportOptions = {}): Report {
  const week = o.week ?? W48;
  const kind = o.kind ?? 'observations';
  const at = o.submittedAt ?? '2026-11-24T10:00:00.000Z';
  return {
    id: reportId(week, townId, reporterId),
    municipalityId: 'norrtalje',
    week: weekKey(week),
    townId,
    reporterId,
    organisation: o.organisation ?? `org-${reporterId}`,
    kind,
    answer: kind === 'nothing' ? NOTHING_TO_REPORT : { ...NOTHING_TO_REPORT, grade: 2, what: 'Klotter', ...o.answer },
    submittedAt: at,
    updatedAt: at,
    late: o.late ?? false,
    revision: 1,
  };
}

export function change(by: string, at: string, week: IsoWeek = W48): Change {
  return { by, at: new Date(at), week };
}
