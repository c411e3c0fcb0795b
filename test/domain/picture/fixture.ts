import { DEFAULT_CATEGORIES, DEFAULT_SCALE, DEFAULT_SCHEDULE } from '../../../domain/defaults';
import { weekKey, type IsoWeek } from '../../../domain/iso-week';
import type { Municipality } from '../../../domain/municipality';
import { NOTHING_TO_REPORT, reportId, type Answer, type Report } from '../../../domain/report';
import type { Change } from '../../../domain/picture/meeting';

export const W48: IsoWeek = { year: 2026, week: 48 };
export const W53: IsoWeek = { year: 2026, week: 53 };
export const W01: IsoWeek = { year: 2027, week: 1 };

/** Norrtälje with three towns; Anna covers two of them. */
export function municipality(): Municipality {
  return {
    id: 'norrtalje',
    name: 'Norrtälje kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    tenantId: 'tenant-1',
    towns: [
      { id: 'rimbo', name: 'Rimbo', areas: ['Centrum', 'Skolan'] },
      { id: 'norrtalje', name: 'Norrtälje', areas: ['Torget', 'Busstationen', 'Hamnen'] },
      { id: 'hallstavik', name: 'Hallstavik', areas: ['Bruket', 'Centrum'] },
    ],
    coordinators: [{ id: 'coord', name: 'Cecilia Samordnare', organisation: 'Trygg i Norrtälje' }],
    meetingMembers: [{ id: 'police', name: 'Per Polis', organisation: 'Polisen' }],
    reporters: [
      { id: 'anna', name: 'Anna Ek', organisation: 'Fritidsgården', towns: ['rimbo', 'norrtalje'] },
      { id: 'bo', name: 'Bo Berg', organisation: 'Bostadsbolaget', towns: ['rimbo'] },
      { id: 'cia', name: 'Cia Dahl', organisation: 'Skolan', towns: ['rimbo'] },
      { id: 'dan', name: 'Dan Ek', organisation: 'Fastighet', towns: ['norrtalje'] },
      { id: 'eva', name: 'Eva Al', organisation: 'Räddningstjänsten', towns: ['hallstavik'] },
    ],
    summaryRecipients: [],
    schedule: DEFAULT_SCHEDULE,
    categories: DEFAULT_CATEGORIES,
    scale: DEFAULT_SCALE,
    retentionDays: 365,
  };
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
