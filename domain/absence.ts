import type { IsoWeek } from './iso-week';
import { weekKey } from './iso-week';

/** A reporter's "away this week": no reminders, and counted as away rather than missing. */
export interface Absence {
  id: string;
  municipalityId: string;
  week: string;
  reporterId: string;
  at: string;
}

export function absenceId(week: IsoWeek | string, reporterId: string): string {
  return `away:${typeof week === 'string' ? week : weekKey(week)}:${reporterId}`;
}
