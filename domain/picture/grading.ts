import type { Grade, ReportKind } from '../report';

/** The part of a reporter's answer the proposal looks at. */
export interface GradingAnswer {
  kind: ReportKind;
  grade: Grade;
  /** Accepted so a stored answer can be passed as is; categories do not weigh in (see `proposeGrade`). */
  categories?: string[];
}

export interface GradingInput {
  /** This week's answers for one town. */
  answers: GradingAnswer[];
  /** Hotspots open in the town this week. */
  openHotspots: number;
  lastWeekFinalGrade?: Grade;
}

/** Why the proposal is what it is, in order of application; cards turn codes into sv/en text. */
export type GradeRule =
  | { code: 'noAnswers'; fallback?: Grade }
  | { code: 'nothingCountsAsOne'; count: number }
  | { code: 'median'; value: Grade; n: number }
  | { code: 'raisedForSevereReports'; count: number; atLeast: Grade; from: Grade; to: Grade }
  | { code: 'raisedForHotspots'; count: number; from: Grade; to: Grade };

/** The reporters' grades at a glance ("nothing to report" as 1). */
export interface GradeSpread {
  n: number;
  min?: Grade;
  max?: Grade;
  /** The same median the proposal starts from: the higher middle grade when n is even. */
  median?: Grade;
  counts: Record<Grade, number>;
}

export interface GradeProposal {
  grade?: Grade;
  rule: GradeRule[];
  spread: GradeSpread;
}

/** The rule's numbers, in one place so that the explanation and the code cannot drift apart. */
export const GRADING_RULES = {
  /** An answer is severe when its grade is at least the median plus this. */
  severeStep: 2,
  /** Severe answers raise the grade when they are at least this share of all answers... */
  severeShare: 0.25,
  /** ...and at least this many. */
  severeMinCount: 2,
  /** This many open hotspots lift the proposal to `hotspotFloor`. */
  hotspotsForFloor: 2,
  hotspotFloor: 2 as Grade,
} as const;

function spreadOf(grades: Grade[]): GradeSpread {
  const counts: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const g of grades) counts[g]++;
  const sorted = [...grades].sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, counts };
  return {
    n: sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    median: sorted[Math.floor(sorted.length / 2)],
    counts,
  };
}

/**
 * Proposes a town's grade for the meeting, which sets the final grade. The rule is meant to be
 * read out loud, so it is a few steps, each reported in `rule`:
 *
 * 1. No answers: last week's final grade, if the meeting set one, else no proposal
 *    (`noAnswers`, with the fallback). Hotspots do not change this: the meeting that set last
 *    week's grade knew them.
 * 2. "Nothing to report" counts as grade 1, whatever grade is stored (`nothingCountsAsOne`).
 * 3. The starting point is the median grade: the highest grade that at least half of the
 *    answers reach, i.e. with an even number of answers the higher middle one (`median`).
 * 4. Raised by one when at least a quarter of the answers, and at least two, are two or more
 *    grades above the median: several reporters see something clearly worse than the rest.
 *    One such answer alone does not move the town; the meeting reads it anyway
 *    (`raisedForSevereReports`).
 * 5. With two or more open hotspots the proposal is at least 2 (watch). One hotspot may sit in
 *    an otherwise calm town, which is what the hotspot list is for; several suggest the whole
 *    town needs watching (`raisedForHotspots`).
 *
 * The result never exceeds 5: step 4 needs a median of 3 or less, step 5 only reaches 2.
 * Categories do not weigh in: every category counts the same, and weighting them would be the
 * municipality's judgement, not the bot's. The spread is returned for the card to show.
 */
export function proposeGrade(input: GradingInput): GradeProposal {
  const grades = input.answers.map((a): Grade => (a.kind === 'nothing' ? 1 : a.grade));
  const spread = spreadOf(grades);
  if (spread.median === undefined) {
    const fallback = input.lastWeekFinalGrade;
    return { ...(fallback !== undefined ? { grade: fallback } : {}), rule: [{ code: 'noAnswers', fallback }], spread };
  }

  const rule: GradeRule[] = [];
  const nothing = input.answers.filter((a) => a.kind === 'nothing').length;
  if (nothing > 0) rule.push({ code: 'nothingCountsAsOne', count: nothing });
  const base = spread.median;
  rule.push({ code: 'median', value: base, n: spread.n });
  let grade: Grade = base;

  const atLeast = base + GRADING_RULES.severeStep;
  if (atLeast <= 5) {
    const severe = grades.filter((g) => g >= atLeast).length;
    if (severe >= GRADING_RULES.severeMinCount && severe >= GRADING_RULES.severeShare * spread.n) {
      const to = (grade + 1) as Grade;
      rule.push({ code: 'raisedForSevereReports', count: severe, atLeast: atLeast as Grade, from: grade, to });
      grade = to;
    }
  }

  if (input.openHotspots >= GRADING_RULES.hotspotsForFloor && grade < GRADING_RULES.hotspotFloor) {
    rule.push({ code: 'raisedForHotspots', count: input.openHotspots, from: grade, to: GRADING_RULES.hotspotFloor });
    grade = GRADING_RULES.hotspotFloor;
  }
  return { grade, rule, spread };
}
