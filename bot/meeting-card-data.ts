import { parseWeekKey, type IsoWeek } from '../domain/iso-week';

/** What a town card's meeting control carries, checked at the edge. */
export interface MeetingRef {
  week: IsoWeek;
  townId?: string;
  /** Form values as strings; anything else the card sends is dropped. */
  form: Record<string, string>;
}

const FIELDS = ['finalGrade', 'situation', 'baseGrade', 'baseSituation', 'place', 'reason', 'closeHotspotId', 'what', 'ownerId', 'hotspotId', 'due'] as const;
const MAX_FIELD = 20_000;

export function readMeetingRef(data: unknown): MeetingRef | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const week = typeof d.week === 'string' ? parseWeekKey(d.week) : undefined;
  if (!week) return undefined;
  let townId: string | undefined;
  if (d.townId !== undefined) {
    if (typeof d.townId !== 'string' || !/^[A-Za-z0-9._:@-]{1,128}$/.test(d.townId)) return undefined;
    townId = d.townId;
  }
  const form: Record<string, string> = {};
  for (const field of FIELDS) {
    const v = d[field];
    if (typeof v === 'string') form[field] = v.slice(0, MAX_FIELD);
    else if (typeof v === 'number' && Number.isFinite(v)) form[field] = String(v);
  }
  return { week, townId, form };
}
