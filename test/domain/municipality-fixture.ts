import { DEFAULT_CATEGORIES, DEFAULT_SCALE, DEFAULT_SCHEDULE } from '../../domain/defaults';
import type { IsoWeek } from '../../domain/iso-week';
import type { Municipality } from '../../domain/municipality';

/** 2026 has 53 ISO weeks: week 53 runs Monday 28 December 2026 to Sunday 3 January 2027. */
export const W52: IsoWeek = { year: 2026, week: 52 };
export const W53: IsoWeek = { year: 2026, week: 53 };
export const W01_2027: IsoWeek = { year: 2027, week: 1 };

/**
 * A small Norrtälje: three towns, five reporters. Anna covers Rimbo and Norrtälje; Bo and Cia
 * cover Rimbo; Dan covers Norrtälje; Eva covers Hallstavik. Default schedule (Tuesday 13:00).
 */
export function municipality(overrides: Partial<Municipality> = {}): Municipality {
  return {
    id: 'norrtalje',
    name: 'Norrtälje kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    tenantId: 'tenant-1',
    towns: [
      { id: 'rimbo', name: 'Rimbo', areas: ['Centrum', 'Skolan'] },
      { id: 'norrtalje', name: 'Norrtälje', areas: ['Torget', 'Busstationen'] },
      { id: 'hallstavik', name: 'Hallstavik', areas: ['Bruket'] },
    ],
    coordinators: [{ id: 'coord', name: 'Cecilia Samordnare', organisation: 'Trygg i Norrtälje' }],
    meetingMembers: [],
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
    ...overrides,
  };
}

export function town(m: Municipality, id: string) {
  const t = m.towns.find((x) => x.id === id);
  if (!t) throw new Error(`no town ${id} in the fixture`);
  return t;
}
