import assert from 'node:assert/strict';
import { addWeeks, weekKey, type IsoWeek } from '../../../domain/iso-week';
import { compilePicture, summarizeForHistory, type CompileInput, type TownPicture } from '../../../domain/picture/compile';
import type { Action, Hotspot } from '../../../domain/picture/meeting';
import { municipality, report, W01, W48, W53 } from './fixture';

function input(over: Partial<CompileInput> = {}): CompileInput {
  return {
    municipality: municipality(),
    week: W48,
    reports: [],
    absentReporterIds: [],
    history: [],
    decisions: [],
    hotspots: [],
    actions: [],
    now: new Date('2026-11-25T13:00:00Z'),
    ...over,
  };
}

function town(input: CompileInput, townId: string): TownPicture {
  const t = compilePicture(input).towns.find((x) => x.townId === townId);
  assert.ok(t, `no town ${townId}`);
  return t;
}

function hotspot(id: string, openedWeek: string, closedWeek?: string): Hotspot {
  return {
    id, municipalityId: 'norrtalje', townId: 'rimbo', place: `Plats ${id}`, reason: 'Oro', openedWeek,
    openedBy: 'police', openedAt: '2026-01-01T00:00:00.000Z', ...(closedWeek ? { closedWeek, closedBy: 'police', closedAt: '2026-01-01T00:00:00.000Z' } : {}),
  };
}

function action(id: string, createdWeek: IsoWeek, over: Partial<Action> = {}): Action {
  return {
    id, municipalityId: 'norrtalje', townId: 'rimbo', what: `Åtgärd ${id}`, ownerId: 'police', createdBy: 'coord',
    createdAt: '2026-01-01T00:00:00.000Z', createdWeek: weekKey(createdWeek), due: '2030-01-01', status: 'open',
    history: [], ...over,
  };
}

const weekReports = [
  report('rimbo', 'anna', { answer: { grade: 3, categories: ['gatherings', 'vandalism'], areas: ['Centrum'], place: 'centrum, Parkeringen' } }),
  report('rimbo', 'bo', { kind: 'nothing', late: true }),
  report('norrtalje', 'anna', { answer: { grade: 2, categories: ['drugs'], place: 'Torget' } }),
];

describe('compilePicture', () => {
  it('heads the picture with the week label and the meeting date', () => {
    const p = compilePicture(input());
    assert.equal(p.week, '2026-W48');
    assert.equal(p.weekLabel, 'v. 48');
    assert.equal(p.meetingDate, '2026-11-25');
    assert.equal(p.compiledAt, '2026-11-25T13:00:00.000Z');
    assert.deepEqual(p.towns.map((t) => t.name), ['Rimbo', 'Norrtälje', 'Hallstavik']);
  });

  it('sorts each town\'s reporters into answered, nothing to report, missing and away', () => {
    const t = town(input({ reports: weekReports, absentReporterIds: ['cia'] }), 'rimbo');
    assert.deepEqual(t.answers, {
      answered: [{ reporterId: 'anna', name: 'Anna Ek', organisation: 'org-anna', late: false }],
      nothingToReport: [{ reporterId: 'bo', name: 'Bo Berg', organisation: 'org-bo', late: true }],
      missing: [],
      away: [{ reporterId: 'cia', name: 'Cia Dahl', organisation: 'Skolan' }],
    });
  });

  it('counts a reporter who said they are away but answered anyway as answered', () => {
    const t = town(input({ reports: weekReports, absentReporterIds: ['anna'] }), 'norrtalje');
    assert.deepEqual(t.answers.answered.map((r) => r.reporterId), ['anna']);
    assert.deepEqual(t.answers.away, []);
    assert.deepEqual(t.answers.missing.map((r) => r.reporterId), ['dan']);
  });

  it('counts answers against expected reporters, leaving out those away', () => {
    const p = compilePicture(input({ reports: weekReports, absentReporterIds: ['cia'] }));
    assert.deepEqual(p.overview.towns.map((t) => [t.townId, t.answered, t.expected]), [
      ['rimbo', 2, 2], ['norrtalje', 1, 2], ['hallstavik', 0, 1],
    ]);
    assert.deepEqual(p.overview.answerRate, { answered: 3, expected: 5 });
  });

  it('keeps the answer of a reporter no longer configured, named by organisation', () => {
    const t = town(input({ reports: [report('hallstavik', 'gone', { organisation: 'Gamla bolaget' })] }), 'hallstavik');
    assert.deepEqual(t.answers.answered, [{ reporterId: 'gone', name: 'Gamla bolaget', organisation: 'Gamla bolaget', late: false }]);
  });

  it('ignores answers of other weeks, towns and municipalities', () => {
    const reports = [
      report('rimbo', 'anna', { week: addWeeks(W48, -1) }),
      { ...report('rimbo', 'bo'), municipalityId: 'other' },
      report('hallstavik', 'cia'),
    ];
    const t = town(input({ reports }), 'rimbo');
    assert.equal(t.proposal.spread.n, 0);
    assert.deepEqual(t.answers.missing.map((r) => r.reporterId), ['anna', 'bo', 'cia']);
  });

  it('proposes a grade and shows the meeting\'s final grade, situation and colour', () => {
    const p = compilePicture(input({
      reports: weekReports,
      decisions: [{ municipalityId: 'norrtalje', week: '2026-W48', townId: 'rimbo', finalGrade: 4, situation: 'Oro i centrum' }],
    }));
    const rimbo = p.towns[0]!;
    assert.equal(rimbo.proposal.grade, 3);
    assert.equal(rimbo.finalGrade, 4);
    assert.equal(rimbo.situation, 'Oro i centrum');
    assert.deepEqual(p.overview.towns[0], { townId: 'rimbo', name: 'Rimbo', grade: 4, colour: '#C62828', answered: 2, expected: 3 });
    assert.deepEqual(p.overview.towns[1], { townId: 'norrtalje', name: 'Norrtälje', grade: 2, colour: '#F9A825', answered: 1, expected: 2 });
    assert.equal(p.towns[1]!.situation, '');
  });

  it('compiles a week with no answers, falling back to last week\'s final grades', () => {
    const history = [{ municipalityId: 'norrtalje', week: '2026-W47', townId: 'hallstavik', proposedGrade: 1 as const, finalGrade: 2 as const }];
    const p = compilePicture(input({ history }));
    const [rimbo, , hallstavik] = p.towns;
    assert.equal(rimbo?.proposal.grade, undefined);
    assert.deepEqual(rimbo?.proposal.rule, [{ code: 'noAnswers', fallback: undefined }]);
    assert.equal(hallstavik?.proposal.grade, 2);
    assert.equal(hallstavik?.lastWeekFinalGrade, 2);
    assert.deepEqual(p.overview.towns[0], { townId: 'rimbo', name: 'Rimbo', answered: 0, expected: 3 });
    assert.deepEqual(p.overview.answerRate, { answered: 0, expected: 6 });
    assert.deepEqual(rimbo?.observations, []);
    assert.deepEqual(rimbo?.places, []);
  });

  it('compiles a week in which every reporter is away', () => {
    const p = compilePicture(input({ absentReporterIds: ['anna', 'bo', 'cia', 'dan', 'eva'] }));
    for (const t of p.towns) {
      assert.deepEqual(t.answers.missing, []);
      assert.ok(t.answers.away.length > 0);
    }
    assert.deepEqual(p.overview.answerRate, { answered: 0, expected: 0 });
  });

  it('compiles a municipality with a single town', () => {
    const m = municipality();
    m.towns = m.towns.filter((t) => t.id === 'hallstavik');
    const p = compilePicture(input({ municipality: m, reports: [...weekReports, report('hallstavik', 'eva', { answer: { grade: 1 } })] }));
    assert.deepEqual(p.towns.map((t) => t.townId), ['hallstavik']);
    assert.deepEqual(p.overview.answerRate, { answered: 1, expected: 1 });
  });

  it('counts categories this week and last week in the configured order, leaving out zeros', () => {
    const previousReports = [
      report('rimbo', 'cia', { week: addWeeks(W48, -1), answer: { categories: ['fire', 'vandalism'] } }),
      report('rimbo', 'bo', { week: addWeeks(W48, -1), answer: { categories: ['vandalism'] } }),
    ];
    const t = town(input({ reports: weekReports, previousReports }), 'rimbo');
    assert.deepEqual(t.categoryCounts, [
      { categoryId: 'vandalism', thisWeek: 1, lastWeek: 2 },
      { categoryId: 'fire', thisWeek: 0, lastWeek: 1 },
      { categoryId: 'gatherings', thisWeek: 1, lastWeek: 0 },
    ]);
  });

  it('leaves last week\'s category counts unknown when last week\'s answers are not given', () => {
    const t = town(input({ reports: weekReports }), 'rimbo');
    assert.deepEqual(t.categoryCounts.map((c) => c.lastWeek), [null, null]);
  });

  it('compares week 1 of 2027 with week 53 of 2026', () => {
    const reports = [report('rimbo', 'anna', { week: W01, answer: { categories: ['fire'] } })];
    const previousReports = [report('rimbo', 'anna', { week: W53, answer: { categories: ['fire', 'traffic'] } })];
    const history = [{ municipalityId: 'norrtalje', week: '2026-W53', townId: 'rimbo', finalGrade: 3 as const }];
    const p = compilePicture(input({ week: W01, reports, previousReports, history, now: new Date('2027-01-06T13:00:00Z') }));
    const rimbo = p.towns[0]!;
    assert.equal(p.weekLabel, 'v. 1');
    assert.equal(p.meetingDate, '2027-01-06');
    assert.equal(rimbo.lastWeekFinalGrade, 3);
    assert.deepEqual(rimbo.categoryCounts, [
      { categoryId: 'fire', thisWeek: 1, lastWeek: 1 },
      { categoryId: 'traffic', thisWeek: 0, lastWeek: 1 },
    ]);
    assert.deepEqual(rimbo.trend.series.slice(-2).map((x) => [x.week, x.grade]), [['2026-W53', 3], ['2027-W01', 2]]);
    assert.equal(rimbo.trend.direction, 'down');
  });

  it('compiles ISO week 53 with its meeting on 30 December', () => {
    const p = compilePicture(input({ week: W53, now: new Date('2026-12-30T13:00:00Z') }));
    assert.equal(p.week, '2026-W53');
    assert.equal(p.weekLabel, 'v. 53');
    assert.equal(p.meetingDate, '2026-12-30');
  });

  it('lists observations with text or categories, most severe first, without empty ones', () => {
    const reports = [
      report('rimbo', 'anna', { answer: { grade: 2, what: 'Klotter', categories: ['vandalism'] }, submittedAt: '2026-11-24T08:00:00Z' }),
      report('rimbo', 'bo', { answer: { grade: 4, what: 'Bråk', areas: ['Skolan'], when: ['evening'], measures: 'Fler vuxna' } }),
      report('rimbo', 'cia', { answer: { grade: 2, what: '  ' } }),
    ];
    const t = town(input({ reports }), 'rimbo');
    assert.deepEqual(t.observations.map((o) => o.reporterId), ['bo', 'anna']);
    assert.deepEqual(t.observations[0], {
      reporterId: 'bo', organisation: 'org-bo', what: 'Bråk', areas: ['Skolan'], place: '', when: ['evening'],
      measures: 'Fler vuxna', grade: 4, categories: [],
    });
  });

  it('merges places regardless of case, most mentioned first, counting each answer once', () => {
    const reports = [
      report('rimbo', 'anna', { answer: { areas: ['Centrum'], place: 'centrum, Parkeringen' } }),
      report('rimbo', 'bo', { answer: { place: 'CENTRUM;  parkeringen' } }),
      report('rimbo', 'cia', { answer: { areas: ['Skolan'], place: 'Badet' } }),
    ];
    assert.deepEqual(town(input({ reports }), 'rimbo').places, [
      { place: 'Centrum', count: 2, configured: true },
      { place: 'Parkeringen', count: 2, configured: false },
      { place: 'Badet', count: 1, configured: false },
      { place: 'Skolan', count: 1, configured: true },
    ]);
  });

  it('shows hotspots open in the week, oldest first, and not closed ones', () => {
    const hotspots = [
      hotspot('old', '2026-W40'),
      hotspot('new', '2026-W48'),
      hotspot('closedBefore', '2026-W40', '2026-W47'),
      hotspot('closedThisWeek', '2026-W44', '2026-W48'),
      hotspot('closedLater', '2026-W45', '2026-W50'),
      hotspot('future', '2026-W49'),
      { ...hotspot('elsewhere', '2026-W40'), townId: 'hallstavik' },
    ];
    const t = town(input({ hotspots }), 'rimbo');
    assert.deepEqual(t.openHotspots.map((h) => h.id), ['old', 'closedLater', 'new']);
    assert.deepEqual(t.openHotspots[0], { id: 'old', place: 'Plats old', reason: 'Oro', sinceWeek: '2026-W40', sinceLabel: 'v. 40' });
  });

  it('lets two open hotspots lift the proposal of a calm town', () => {
    const hotspots = [hotspot('a', '2026-W40'), hotspot('b', '2026-W41')];
    const t = town(input({ hotspots, reports: [report('rimbo', 'bo', { kind: 'nothing' })] }), 'rimbo');
    assert.equal(t.proposal.grade, 2);
  });

  it('follows up earlier actions and lists this week\'s as new, leaving out cancelled ones', () => {
    const actions = [
      action('earlier', addWeeks(W48, -2)),
      action('thisWeek', W48, { due: '2026-12-02' }),
      action('cancelled', addWeeks(W48, -1), { status: 'cancelled' }),
      action('cancelledNew', W48, { status: 'cancelled' }),
      action('elsewhere', addWeeks(W48, -1), { townId: 'norrtalje' }),
      action('later', addWeeks(W48, 1)),
    ];
    const t = town(input({ actions }), 'rimbo');
    assert.deepEqual(t.followUp.map((a) => a.id), ['earlier']);
    assert.deepEqual(t.newActions, [{
      id: 'thisWeek', what: 'Åtgärd thisWeek', ownerId: 'police', ownerName: 'Per Polis', ownerOrganisation: 'Polisen',
      due: '2026-12-02', status: 'open', overdue: false,
    }]);
  });

  it('shows a done action once more and then leaves it out', () => {
    const done = action('done', addWeeks(W48, -3), { status: 'done', doneWeek: '2026-W47', lastComment: 'Klart' });
    const at48 = town(input({ actions: [done] }), 'rimbo');
    assert.deepEqual(at48.followUp.map((a) => [a.id, a.status, a.lastComment]), [['done', 'done', 'Klart']]);
    assert.deepEqual(town(input({ week: addWeeks(W48, 1), actions: [done] }), 'rimbo').followUp, []);
  });

  it('shows an action done in week 53 in week 1 and leaves it out in week 2', () => {
    const done = action('done', W48, { status: 'done', doneWeek: '2026-W53' });
    assert.equal(town(input({ week: W53, actions: [done] }), 'rimbo').followUp.length, 1);
    assert.equal(town(input({ week: W01, actions: [done] }), 'rimbo').followUp.length, 1);
    assert.equal(town(input({ week: addWeeks(W01, 1), actions: [done] }), 'rimbo').followUp.length, 0);
  });

  it('flags an action overdue from midnight in the municipality\'s time zone, unless done', () => {
    const actions = [action('a', addWeeks(W48, -1), { due: '2026-11-25' }), action('b', addWeeks(W48, -1), { due: '2026-11-24', status: 'done', doneWeek: '2026-W48' })];
    const before = town(input({ actions, now: new Date('2026-11-25T22:59:00Z') }), 'rimbo');
    const after = town(input({ actions, now: new Date('2026-11-25T23:00:00Z') }), 'rimbo');
    assert.deepEqual(before.followUp.map((a) => [a.id, a.overdue]), [['b', false], ['a', false]]);
    assert.deepEqual(after.followUp.map((a) => [a.id, a.overdue]), [['b', false], ['a', true]]);
  });

  it('leaves out the owner\'s name when the owner is not known', () => {
    const t = town(input({ actions: [action('a', W48, { ownerId: 'stranger' })] }), 'rimbo');
    assert.equal(t.newActions[0]?.ownerName, undefined);
    assert.equal(t.newActions[0]?.ownerId, 'stranger');
  });

  it('is finalized only when this week\'s state says so', () => {
    const state = { municipalityId: 'norrtalje', week: '2026-W48', finalizedAt: '2026-11-25T15:45:00Z', finalizedBy: 'coord' };
    assert.equal(compilePicture(input()).finalized, false);
    assert.equal(compilePicture(input({ weekState: state })).finalized, true);
    assert.equal(compilePicture(input({ weekState: { ...state, week: '2026-W47' } })).finalized, false);
  });

  it('draws the trend from earlier weeks and this week\'s grade', () => {
    const history = [{ municipalityId: 'norrtalje', week: '2026-W47', townId: 'rimbo', finalGrade: 1 as const }];
    const t = town(input({ reports: weekReports, history }), 'rimbo');
    assert.equal(t.trend.series.length, 8);
    assert.equal(t.trend.direction, 'up');
  });
});

describe('summarizeForHistory', () => {
  it('keeps each town\'s proposed and final grade for the trend', () => {
    const p = compilePicture(input({
      reports: weekReports,
      decisions: [{ municipalityId: 'norrtalje', week: '2026-W48', townId: 'rimbo', finalGrade: 2, situation: '' }],
    }));
    assert.deepEqual(summarizeForHistory(p), [
      { municipalityId: 'norrtalje', week: '2026-W48', townId: 'rimbo', proposedGrade: 3, finalGrade: 2 },
      { municipalityId: 'norrtalje', week: '2026-W48', townId: 'norrtalje', proposedGrade: 2 },
      { municipalityId: 'norrtalje', week: '2026-W48', townId: 'hallstavik' },
    ]);
  });
});
