import type { Grade } from '../report';
import type { Picture } from './picture';

/** What the store keeps of a town's week after raw answers expire: enough for the trend. */
export interface TownWeekSummary {
  municipalityId: string;
  week: string;
  townId: string;
  proposedGrade?: Grade;
  finalGrade?: Grade;
}

export function summarizeForHistory(picture: Picture): TownWeekSummary[] {
  return picture.towns.map((t) => ({
    municipalityId: picture.municipalityId,
    week: picture.week,
    townId: t.townId,
    ...(t.proposal.grade !== undefined ? { proposedGrade: t.proposal.grade } : {}),
    ...(t.finalGrade !== undefined ? { finalGrade: t.finalGrade } : {}),
  }));
}
