import assert from 'node:assert/strict';
import { proposeGrade, type GradingAnswer } from '../../../domain/picture/grading';
import type { Grade } from '../../../domain/report';

function seen(...grades: Grade[]): GradingAnswer[] {
  return grades.map((grade) => ({ kind: 'observations', grade, categories: [] }));
}

const nothing: GradingAnswer = { kind: 'nothing', grade: 1, categories: [] };

describe('proposeGrade', () => {
  it('falls back to last week\'s final grade when nobody answered', () => {
    const p = proposeGrade({ answers: [], openHotspots: 0, lastWeekFinalGrade: 3 });
    assert.equal(p.grade, 3);
    assert.deepEqual(p.rule, [{ code: 'noAnswers', fallback: 3 }]);
    assert.equal(p.spread.n, 0);
    assert.equal(p.spread.median, undefined);
  });

  it('proposes nothing when nobody answered and last week had no final grade', () => {
    const p = proposeGrade({ answers: [], openHotspots: 3 });
    assert.equal(p.grade, undefined);
    assert.deepEqual(p.rule, [{ code: 'noAnswers', fallback: undefined }]);
    assert.deepEqual(p.spread.counts, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
  });

  it('starts from the median of the reporters\' grades', () => {
    const p = proposeGrade({ answers: seen(1, 2, 2, 3, 3), openHotspots: 0 });
    assert.equal(p.grade, 2);
    assert.deepEqual(p.rule, [{ code: 'median', value: 2, n: 5 }]);
  });

  it('takes the higher middle grade when the number of answers is even', () => {
    assert.equal(proposeGrade({ answers: seen(1, 2), openHotspots: 0 }).grade, 2);
    assert.equal(proposeGrade({ answers: seen(1, 1, 2, 3), openHotspots: 0 }).grade, 2);
  });

  it('counts "nothing to report" as grade 1 whatever grade is stored', () => {
    const p = proposeGrade({ answers: [nothing, nothing, { kind: 'nothing', grade: 4 }, ...seen(3)], openHotspots: 0 });
    assert.equal(p.grade, 1);
    assert.deepEqual(p.rule, [{ code: 'nothingCountsAsOne', count: 3 }, { code: 'median', value: 1, n: 4 }]);
    assert.deepEqual(p.spread.counts, { 1: 3, 2: 0, 3: 1, 4: 0, 5: 0 });
  });

  it('raises the grade by one when at least a quarter of the answers, and two, are two grades above the median', () => {
    const p = proposeGrade({ answers: [...seen(1, 1, 1, 1, 1, 1), ...seen(3, 4)], openHotspots: 0 });
    assert.equal(p.grade, 2);
    assert.deepEqual(p.rule[1], { code: 'raisedForSevereReports', count: 2, atLeast: 3, from: 1, to: 2 });
  });

  it('does not raise the grade for a single severe answer', () => {
    const p = proposeGrade({ answers: seen(1, 1, 5), openHotspots: 0 });
    assert.equal(p.grade, 1);
    assert.deepEqual(p.rule.map((r) => r.code), ['median']);
  });

  it('does not raise the grade when the severe answers are fewer than a quarter', () => {
    const p = proposeGrade({ answers: [...seen(1, 1, 1, 1, 1, 1, 1, 1, 1), ...seen(4, 4)], openHotspots: 0 });
    assert.equal(p.grade, 1);
  });

  it('does not count an answer one grade above the median as severe', () => {
    assert.equal(proposeGrade({ answers: seen(2, 2, 3, 3, 3), openHotspots: 0 }).grade, 3);
    assert.equal(proposeGrade({ answers: seen(1, 1, 1, 2, 2), openHotspots: 0 }).grade, 1);
  });

  it('raises a median of 3 to 4 but never above 5', () => {
    assert.equal(proposeGrade({ answers: seen(3, 3, 5, 5), openHotspots: 0 }).grade, 5);
    const p = proposeGrade({ answers: seen(3, 3, 3, 5, 5), openHotspots: 0 });
    assert.equal(p.grade, 4);
    assert.deepEqual(p.rule[1], { code: 'raisedForSevereReports', count: 2, atLeast: 5, from: 3, to: 4 });
    assert.equal(proposeGrade({ answers: seen(5, 5, 5, 5), openHotspots: 9 }).grade, 5);
  });

  it('lifts a calm town to 2 when two or more hotspots are open', () => {
    const p = proposeGrade({ answers: [nothing, nothing, ...seen(1)], openHotspots: 2 });
    assert.equal(p.grade, 2);
    assert.deepEqual(p.rule.at(-1), { code: 'raisedForHotspots', count: 2, from: 1, to: 2 });
  });

  it('leaves a calm town green with a single open hotspot', () => {
    assert.equal(proposeGrade({ answers: seen(1, 1), openHotspots: 1 }).grade, 1);
  });

  it('does not raise a grade of 2 or more for hotspots', () => {
    const p = proposeGrade({ answers: seen(2, 3), openHotspots: 4 });
    assert.equal(p.grade, 3);
    assert.ok(!p.rule.some((r) => r.code === 'raisedForHotspots'));
  });

  it('applies the hotspot rule after the severe-answer rule', () => {
    const p = proposeGrade({ answers: seen(1, 1, 1, 3, 3), openHotspots: 2 });
    assert.equal(p.grade, 2);
    assert.deepEqual(p.rule.map((r) => r.code), ['median', 'raisedForSevereReports']);
  });

  it('returns the spread of grades with minimum, maximum, median and counts', () => {
    const p = proposeGrade({ answers: [nothing, ...seen(4, 2, 2)], openHotspots: 0 });
    assert.deepEqual(p.spread, { n: 4, min: 1, max: 4, median: 2, counts: { 1: 1, 2: 2, 3: 0, 4: 1, 5: 0 } });
  });

  it('ignores last week\'s grade when there are answers', () => {
    assert.equal(proposeGrade({ answers: seen(1), openHotspots: 0, lastWeekFinalGrade: 4 }).grade, 1);
  });
});
