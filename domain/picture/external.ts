import type { Grade } from '../report';
import type { GradeProposal } from './grading';
import type { ActionStatus } from './meeting';
import type { ActionItem, CategoryCount, OpenHotspot, OverviewTown, PlaceCount, Picture, TownPicture } from './picture';
import type { Trend } from './trend';

/** An action without its owner's name or comments: the measure, not the person. */
export interface ExternalActionItem {
  id: string;
  what: string;
  hotspotId?: string;
  ownerOrganisation?: string;
  due: string;
  status: ActionStatus;
  overdue: boolean;
}

export interface ExternalTownPicture {
  townId: string;
  name: string;
  proposal: GradeProposal;
  finalGrade?: Grade;
  situation: string;
  lastWeekFinalGrade?: Grade;
  trend: Trend;
  /** How many reporters are in each list; never who. */
  answers: { answered: number; nothingToReport: number; missing: number; away: number };
  categoryCounts: CategoryCount[];
  /** Only the town's configured areas; reporters' free-text places may name people. */
  places: PlaceCount[];
  /** Written by the meeting, so kept. */
  openHotspots: OpenHotspot[];
  followUp: ExternalActionItem[];
  newActions: ExternalActionItem[];
}

export interface ExternalPicture extends Omit<Picture, 'towns'> {
  external: true;
  towns: ExternalTownPicture[];
}

function externalAction(a: ActionItem): ExternalActionItem {
  return {
    id: a.id,
    what: a.what,
    ...(a.hotspotId !== undefined ? { hotspotId: a.hotspotId } : {}),
    ...(a.ownerOrganisation !== undefined ? { ownerOrganisation: a.ownerOrganisation } : {}),
    due: a.due,
    status: a.status,
    overdue: a.overdue,
  };
}

function externalTown(t: TownPicture): ExternalTownPicture {
  return {
    townId: t.townId,
    name: t.name,
    proposal: t.proposal,
    ...(t.finalGrade !== undefined ? { finalGrade: t.finalGrade } : {}),
    situation: t.situation,
    ...(t.lastWeekFinalGrade !== undefined ? { lastWeekFinalGrade: t.lastWeekFinalGrade } : {}),
    trend: t.trend,
    answers: {
      answered: t.answers.answered.length,
      nothingToReport: t.answers.nothingToReport.length,
      missing: t.answers.missing.length,
      away: t.answers.away.length,
    },
    categoryCounts: t.categoryCounts,
    places: t.places.filter((p) => p.configured),
    openHotspots: t.openHotspots,
    followUp: t.followUp.map(externalAction),
    newActions: t.newActions.map(externalAction),
  };
}

function externalOverview(o: OverviewTown): OverviewTown {
  return {
    townId: o.townId,
    name: o.name,
    ...(o.grade !== undefined ? { grade: o.grade } : {}),
    ...(o.colour !== undefined ? { colour: o.colour } : {}),
    answered: o.answered,
    expected: o.expected,
  };
}

/**
 * The picture for politicians and external actors: no reporters' free text, no reporters' names,
 * no action owners' names or comments; counts, grades and the meeting's own texts stay.
 * Built field by field rather than by deleting, so a field added to the internal picture
 * later stays out until someone decides it may go out.
 */
export function externalVersion(picture: Picture): ExternalPicture {
  return {
    external: true,
    municipalityId: picture.municipalityId,
    week: picture.week,
    weekLabel: picture.weekLabel,
    meetingDate: picture.meetingDate,
    compiledAt: picture.compiledAt,
    finalized: picture.finalized,
    towns: picture.towns.map(externalTown),
    overview: {
      towns: picture.overview.towns.map(externalOverview),
      answerRate: { answered: picture.overview.answerRate.answered, expected: picture.overview.answerRate.expected },
    },
  };
}
