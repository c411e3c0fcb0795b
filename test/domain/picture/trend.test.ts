import assert from 'node:assert/strict';
import type { TownWeekSummary } from '../../../domain/picture/history';
import { gradeTrend } from '../../../domain/picture/trend';
import { W01, W48, W53 } from './fixture';

function summary(week: string, grades: Partial<TownWeekSummary>, townId = 'rimbo'): TownWeekSummary {
  return { municipalityId: 'norrtalje', week, townId, ...grades };
}

describe('gradeTrend', () => {
  it('gives eight weeks, oldest first, ending with this week', () => {
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W48, history: [], current: { proposedGrade: 2 } });
    assert.deepEqual(t.series.map((p) => p.week), [
      '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48',
    ]);
    assert.equal(t.series[7]?.label, 'v. 48');
  });

  it('uses the final grade, else the proposed one, and leaves gaps as null', () => {
    const history = [
      summary('2026-W46', { proposedGrade: 2, finalGrade: 3 }),
      summary('2026-W47', { proposedGrade: 2 }),
    ];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W48, history, current: { proposedGrade: 1, finalGrade: 2 } });
    assert.deepEqual(t.series.slice(4).map((p) => [p.grade, p.source]), [
      [null, null], [3, 'final'], [2, 'proposed'], [2, 'final'],
    ]);
  });

  it('ignores other towns and other municipalities', () => {
    const history = [
      summary('2026-W47', { finalGrade: 4 }, 'hallstavik'),
      { ...summary('2026-W47', { finalGrade: 5 }), municipalityId: 'other' },
    ];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W48, history, current: { proposedGrade: 1 } });
    assert.equal(t.series[6]?.grade, null);
    assert.equal(t.direction, 'unknown');
  });

  it('lets this week\'s grades win over a stored summary of this week', () => {
    const history = [summary('2026-W48', { finalGrade: 4 })];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W48, history, current: { proposedGrade: 1 } });
    assert.deepEqual(t.series[7], { week: '2026-W48', label: 'v. 48', grade: 1, source: 'proposed' });
  });

  it('crosses into ISO week 53 and on to week 1 of the next year', () => {
    const history = [summary('2026-W52', { finalGrade: 1 }), summary('2026-W53', { finalGrade: 2 })];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W01, history, current: { proposedGrade: 3 } });
    assert.deepEqual(t.series.map((p) => p.week), [
      '2026-W47', '2026-W48', '2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01',
    ]);
    assert.deepEqual(t.series.slice(5).map((p) => p.grade), [1, 2, 3]);
    assert.equal(t.direction, 'up');
  });

  it('compares week 53 with week 52', () => {
    const history = [summary('2026-W52', { finalGrade: 3 })];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W53, history, current: { finalGrade: 2 } });
    assert.equal(t.series[6]?.week, '2026-W52');
    assert.equal(t.direction, 'down');
  });

  it('says the same when the grade did not change', () => {
    const history = [summary('2026-W47', { proposedGrade: 2 })];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W48, history, current: { proposedGrade: 2 } });
    assert.equal(t.direction, 'same');
  });

  it('says unknown when this week has no grade', () => {
    const history = [summary('2026-W47', { finalGrade: 2 })];
    const t = gradeTrend({ municipalityId: 'norrtalje', townId: 'rimbo', week: W48, history, current: {} });
    assert.equal(t.direction, 'unknown');
    assert.equal(t.series[7]?.grade, null);
  });
});
