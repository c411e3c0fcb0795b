import assert from 'node:assert/strict';
import type { Absence } from '../../domain/absence';
import type { WeekAnswers, WeeklyStore } from '../../domain/ports';
import { answerTtlSeconds, setAway, submitAnswer, type SubmitInput, type SubmitOutcome } from '../../domain/questionnaire';
import type { Report } from '../../domain/report';
import { W01_2027, W52, W53, municipality } from './municipality-fixture';

/** An in-memory WeeklyStore that also records the TTL of each write. */
class FakeWeeklyStore implements WeeklyStore {
  readonly reports = new Map<string, Report>();
  readonly absences = new Map<string, Absence>();
  readonly ttls: Array<number | undefined> = [];

  async getReport(municipalityId: string, week: string, townId: string, reporterId: string): Promise<Report | undefined> {
    return [...this.reports.values()].find((r) => r.municipalityId === municipalityId && r.week === week && r.townId === townId && r.reporterId === reporterId);
  }

  async saveReport(report: Report, ttlSeconds?: number): Promise<void> {
    this.reports.set(report.id, structuredClone(report));
    this.ttls.push(ttlSeconds);
  }

  async listWeek(municipalityId: string, week: string): Promise<WeekAnswers> {
    return {
      reports: [...this.reports.values()].filter((r) => r.municipalityId === municipalityId && r.week === week),
      absences: [...this.absences.values()].filter((a) => a.municipalityId === municipalityId && a.week === week),
    };
  }

  async setAbsence(absence: Absence, ttlSeconds?: number): Promise<void> {
    this.absences.set(absence.id, absence);
    this.ttls.push(ttlSeconds);
  }

  async removeAbsence(municipalityId: string, week: string, reporterId: string): Promise<void> {
    for (const [id, a] of this.absences) {
      if (a.municipalityId === municipalityId && a.week === week && a.reporterId === reporterId) this.absences.delete(id);
    }
  }
}

// Week 53 of 2026: Tuesday 29 December, deadline 13:00 local = 12:00Z.
const TUESDAY_10 = new Date('2026-12-29T09:00:00Z');
const TUESDAY_1259 = new Date('2026-12-29T11:59:00Z');
const TUESDAY_1300 = new Date('2026-12-29T12:00:00Z');
const TUESDAY_1430 = new Date('2026-12-29T13:30:00Z');

const observations = (over: Partial<SubmitInput> = {}): SubmitInput => ({
  reporterId: 'anna', week: W53, townId: 'rimbo', kind: 'observations',
  raw: { grade: '3', categories: 'vandalism', what: 'Klotter på skolan', areas: 'Skolan', when: 'night' },
  ...over,
});

function saved(outcome: SubmitOutcome): Report {
  if (outcome.kind !== 'saved') assert.fail(`expected saved, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

describe('questionnaire', () => {
  let store: FakeWeeklyStore;
  const m = municipality();
  beforeEach(() => { store = new FakeWeeklyStore(); });

  describe('submitAnswer', () => {
    it('stores a first answer as revision 1 with its derived id, organisation and validated answer', async () => {
      const report = saved(await submitAnswer(store, m, observations(), TUESDAY_10));
      assert.equal(report.id, 'report:2026-W53:rimbo:anna');
      assert.equal(report.week, '2026-W53');
      assert.equal(report.organisation, 'Fritidsgården');
      assert.equal(report.revision, 1);
      assert.equal(report.late, false);
      assert.equal(report.submittedAt, TUESDAY_10.toISOString());
      assert.equal(report.updatedAt, TUESDAY_10.toISOString());
      assert.deepEqual(report.answer.categories, ['vandalism']);
      assert.equal(report.answer.grade, 3);
      assert.deepEqual(store.reports.get(report.id), report);
    });

    it('revises the same answer on a second submit: revision 2, first submittedAt kept', async () => {
      await submitAnswer(store, m, observations(), TUESDAY_10);
      const second = saved(await submitAnswer(store, m, observations({ raw: { grade: '4' } }), TUESDAY_1259));
      assert.equal(store.reports.size, 1);
      assert.equal(second.id, 'report:2026-W53:rimbo:anna');
      assert.equal(second.revision, 2);
      assert.equal(second.submittedAt, TUESDAY_10.toISOString());
      assert.equal(second.updatedAt, TUESDAY_1259.toISOString());
      assert.equal(store.reports.get(second.id)!.answer.grade, 4);
    });

    it('keeps answers for the two towns of one reporter apart', async () => {
      await submitAnswer(store, m, observations(), TUESDAY_10);
      await submitAnswer(store, m, observations({ townId: 'norrtalje', kind: 'nothing', raw: {} }), TUESDAY_10);
      assert.deepEqual([...store.reports.keys()].sort(), ['report:2026-W53:norrtalje:anna', 'report:2026-W53:rimbo:anna']);
    });

    it('is not late at 12:59 and is late from 13:00 on Tuesday', async () => {
      assert.equal(saved(await submitAnswer(store, m, observations(), TUESDAY_1259)).late, false);
      assert.equal(saved(await submitAnswer(store, m, observations(), TUESDAY_1300)).late, true);
    });

    it('marks a revision after the deadline late even when the first answer was on time', async () => {
      await submitAnswer(store, m, observations(), TUESDAY_10);
      const late = saved(await submitAnswer(store, m, observations(), TUESDAY_1430));
      assert.equal(late.late, true);
      assert.equal(late.revision, 2);
    });

    it('refuses a card from a closed week, names the current week and stores nothing', async () => {
      const outcome = await submitAnswer(store, m, observations({ week: W52 }), TUESDAY_10);
      assert.equal(outcome.kind, 'closedWeek');
      assert.deepEqual(outcome.kind === 'closedWeek' && outcome.currentWeek, W53);
      assert.equal(store.reports.size, 0);
    });

    it('refuses a card from a future week and stores nothing', async () => {
      assert.deepEqual(await submitAnswer(store, m, observations({ week: W01_2027 }), TUESDAY_10), { kind: 'futureWeek' });
      assert.equal(store.reports.size, 0);
    });

    it('refuses someone who does not report for the town, and stores nothing', async () => {
      assert.deepEqual(await submitAnswer(store, m, observations({ reporterId: 'eva' }), TUESDAY_10), { kind: 'notReporterForTown' });
      assert.deepEqual(await submitAnswer(store, m, observations({ reporterId: 'stranger' }), TUESDAY_10), { kind: 'notReporterForTown' });
      assert.deepEqual(await submitAnswer(store, m, observations({ townId: 'atlantis' }), TUESDAY_10), { kind: 'notReporterForTown' });
      assert.equal(store.reports.size, 0);
    });

    it('refuses an invalid answer with its errors and stores nothing', async () => {
      const outcome = await submitAnswer(store, m, observations({ raw: { grade: '7', categories: 'arson' } }), TUESDAY_10);
      assert.equal(outcome.kind, 'invalid');
      assert.deepEqual(outcome.kind === 'invalid' && outcome.errors.map((e) => e.code), ['gradeOutOfRange', 'unknownCategory']);
      assert.equal(store.reports.size, 0);
    });

    it('stores "nothing to report" as grade 1 with empty fields, without checking the form', async () => {
      const report = saved(await submitAnswer(store, m, observations({ kind: 'nothing', raw: { grade: 'junk' } }), TUESDAY_10));
      assert.equal(report.kind, 'nothing');
      assert.deepEqual(report.answer, { grade: 1, categories: [], what: '', areas: [], place: '', when: [], measures: '' });
    });

    it('stores the answer with a TTL of retentionDays × 86400 seconds', async () => {
      await submitAnswer(store, municipality({ retentionDays: 30 }), observations(), TUESDAY_10);
      assert.deepEqual(store.ttls, [30 * 86_400]);
      assert.equal(answerTtlSeconds(municipality({ retentionDays: 365 })), 31_536_000);
    });
  });

  describe('setAway', () => {
    it('stores one absence for the current week, with the retention TTL, and returns the week', async () => {
      const week = await setAway(store, m, 'anna', TUESDAY_10, true);
      assert.deepEqual(week, W53);
      assert.deepEqual([...store.absences.values()], [
        { id: 'away:2026-W53:anna', municipalityId: 'norrtalje', week: '2026-W53', reporterId: 'anna', at: TUESDAY_10.toISOString() },
      ]);
      assert.deepEqual(store.ttls, [365 * 86_400]);
    });

    it('stores the same absence once when said twice', async () => {
      await setAway(store, m, 'anna', TUESDAY_10, true);
      await setAway(store, m, 'anna', TUESDAY_1430, true);
      assert.equal(store.absences.size, 1);
    });

    it('removes the absence when the reporter is back', async () => {
      await setAway(store, m, 'anna', TUESDAY_10, true);
      await setAway(store, m, 'bo', TUESDAY_10, true);
      await setAway(store, m, 'anna', TUESDAY_1430, false);
      assert.deepEqual([...store.absences.keys()], ['away:2026-W53:bo']);
    });

    it('uses the week on the municipality\'s clock: Sunday 23:30Z is already next week', async () => {
      const week = await setAway(store, m, 'anna', new Date('2027-01-03T23:30:00Z'), true);
      assert.deepEqual(week, W01_2027);
      assert.ok(store.absences.has('away:2027-W01:anna'));
    });
  });
});
