/** The compiled weekly picture, as the meeting's cards show it. Built by `compilePicture`. */
import type { Grade, TimeOfDay } from '../report';
import type { GradeProposal } from './grading';
import type { ActionStatus } from './meeting';
import type { Trend } from './trend';

export interface ReporterRef {
  reporterId: string;
  name: string;
  organisation: string;
}

export interface AnsweredReporter extends ReporterRef {
  /** The latest revision came after the deadline. */
  late: boolean;
}

/** The town's reporters by what they did this week; the four lists never overlap. */
export interface TownAnswers {
  /** Reported observations. */
  answered: AnsweredReporter[];
  /** Answered "nothing to report"; counts as an answer. */
  nothingToReport: AnsweredReporter[];
  /** Neither answered nor said they are away. */
  missing: ReporterRef[];
  /** Said they are away and did not answer; not counted as expected. */
  away: ReporterRef[];
}

export interface CategoryCount {
  categoryId: string;
  thisWeek: number;
  /** null when last week's answers were not given (e.g. expired), rather than a misleading 0. */
  lastWeek: number | null;
}

export interface Observation {
  reporterId: string;
  organisation: string;
  what: string;
  areas: string[];
  place: string;
  when: TimeOfDay[];
  measures: string;
  grade: Grade;
  categories: string[];
}

export interface PlaceCount {
  place: string;
  /** Number of answers that mention the place. */
  count: number;
  /** One of the town's configured areas (not reporters' free text). */
  configured: boolean;
}

export interface OpenHotspot {
  id: string;
  place: string;
  reason: string;
  sinceWeek: string;
  /** "v. 48" */
  sinceLabel: string;
}

export interface ActionItem {
  id: string;
  what: string;
  hotspotId?: string;
  ownerId: string;
  /** Absent when the owner is not among the municipality's known people. */
  ownerName?: string;
  ownerOrganisation?: string;
  due: string;
  status: ActionStatus;
  lastComment?: string;
  /** Past its due date (in the municipality's zone) and not done. */
  overdue: boolean;
}

export interface TownPicture {
  townId: string;
  name: string;
  proposal: GradeProposal;
  finalGrade?: Grade;
  /** Läget i stort, as the meeting wrote it; empty until then. */
  situation: string;
  lastWeekFinalGrade?: Grade;
  trend: Trend;
  answers: TownAnswers;
  /** Configured order; only categories ticked this week or last week. */
  categoryCounts: CategoryCount[];
  /** Most severe first. */
  observations: Observation[];
  /** Most mentioned first. */
  places: PlaceCount[];
  /** Oldest first. */
  openHotspots: OpenHotspot[];
  /** Earlier weeks' actions still to follow up, plus done ones shown once more. */
  followUp: ActionItem[];
  /** Actions decided this week. */
  newActions: ActionItem[];
}

export interface OverviewTown {
  townId: string;
  name: string;
  /** Final grade, else the proposal. */
  grade?: Grade;
  colour?: string;
  answered: number;
  expected: number;
}

export interface Picture {
  municipalityId: string;
  week: string;
  /** "v. 48" */
  weekLabel: string;
  /** "YYYY-MM-DD" of the week's meeting. */
  meetingDate: string;
  compiledAt: string;
  finalized: boolean;
  /** Configured town order. */
  towns: TownPicture[];
  overview: {
    towns: OverviewTown[];
    answerRate: { answered: number; expected: number };
  };
}
