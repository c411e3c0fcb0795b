import assert from 'node:assert/strict';
import type { Absence } from '../../domain/absence';
import { answerRate, promptsDue, remindersDue } from '../../domain/answer-rate';
import { NOTHING_TO_REPORT, reportId, type Report } from '../../domain/report';
import { municipality } from './municipality-fixture';

const WEEK = '2026-W53';

function report(townId: string, reporterId: string): Report {
  return {
    id: reportId(WEEK, townId, reporterId), municipalityId: 'norrtalje', week: WEEK, townId, reporterId,
    organisation: 'x', kind: 'nothing', answer: NOTHING_TO_REPORT,
    submittedAt: '2026-12-29T08:00:00.000Z', updatedAt: '2026-12-29T08:00:00.000Z', late: false, revision: 1,
  };
}

function away(reporterId: string): Absence {
  return { id: `away:${WEEK}:${reporterId}`, municipalityId: 'norrtalje', week: WEEK, reporterId, at: '2026-12-28T08:00:00.000Z' };
}

const ids = (rs: Array<{ id: string }>) => rs.map((r) => r.id);

describe('answer-rate', () => {
  // Anna covers Rimbo and Norrtälje; Bo and Cia Rimbo; Dan Norrtälje; Eva Hallstavik.
  const m = municipality();

  describe('answerRate', () => {
    it('counts everyone as missing in a week with no answers', () => {
      const rates = answerRate(m, [], []);
      assert.deepEqual(rates.map((r) => [r.town.id, ids(r.missing), r.expected]), [
        ['rimbo', ['anna', 'bo', 'cia'], 3],
        ['norrtalje', ['anna', 'dan'], 2],
        ['hallstavik', ['eva'], 1],
      ]);
    });

    it('sorts reporters into answered, away and missing per town', () => {
      const rates = answerRate(m, [report('rimbo', 'bo'), report('norrtalje', 'dan')], [away('cia')]);
      const rimbo = rates.find((r) => r.town.id === 'rimbo')!;
      assert.deepEqual(ids(rimbo.answered), ['bo']);
      assert.deepEqual(ids(rimbo.away), ['cia']);
      assert.deepEqual(ids(rimbo.missing), ['anna']);
      assert.equal(rimbo.expected, 2);
      const norrtalje = rates.find((r) => r.town.id === 'norrtalje')!;
      assert.deepEqual([ids(norrtalje.answered), ids(norrtalje.away), ids(norrtalje.missing)], [['dan'], [], ['anna']]);
    });

    it('counts a reporter covering two towns separately in each town', () => {
      const rates = answerRate(m, [report('rimbo', 'anna')], []);
      assert.deepEqual(ids(rates[0]!.answered), ['anna']); // Rimbo
      assert.deepEqual(ids(rates[1]!.missing), ['anna', 'dan']); // Norrtälje: her Rimbo answer does not count here
    });

    it('counts a reporter who is away but answered for one town as answered there and away in the other', () => {
      const [rimbo, norrtalje] = answerRate(m, [report('rimbo', 'anna')], [away('anna')]);
      assert.deepEqual(ids(rimbo!.answered), ['anna']);
      assert.deepEqual(ids(rimbo!.away), []);
      assert.deepEqual(ids(norrtalje!.away), ['anna']);
      assert.deepEqual(ids(norrtalje!.missing), ['dan']);
      assert.equal(norrtalje!.expected, 1);
    });

    it('ignores an answer for a town the reporter does not cover', () => {
      const [, , hallstavik] = answerRate(m, [report('hallstavik', 'bo')], []);
      assert.deepEqual(ids(hallstavik!.answered), []);
      assert.deepEqual(ids(hallstavik!.missing), ['eva']);
    });
  });

  describe('promptsDue', () => {
    it('gives one questionnaire per reporter and town: six for the fixture', () => {
      const due = promptsDue(m);
      assert.equal(due.length, 6);
      assert.deepEqual(due.map((d) => `${d.reporter.id}/${d.town.id}`), [
        'anna/rimbo', 'anna/norrtalje', 'bo/rimbo', 'cia/rimbo', 'dan/norrtalje', 'eva/hallstavik',
      ]);
    });

    it('skips towns that do not exist', () => {
      const ghost = municipality({ reporters: [{ id: 'x', name: 'X', organisation: 'Y', towns: ['rimbo', 'atlantis'] }] });
      assert.deepEqual(promptsDue(ghost).map((d) => d.town.id), ['rimbo']);
    });
  });

  describe('remindersDue', () => {
    it('reminds only those who neither answered for the town nor are away', () => {
      const due = remindersDue(m, [report('rimbo', 'anna'), report('rimbo', 'bo')], [away('cia'), away('eva')]);
      assert.deepEqual(due.map((d) => `${d.reporter.id}/${d.town.id}`), ['anna/norrtalje', 'dan/norrtalje']);
    });

    it('reminds nobody who is away, in any of their towns', () => {
      const due = remindersDue(m, [], [away('anna')]);
      assert.ok(!due.some((d) => d.reporter.id === 'anna'));
      assert.equal(due.length, 4); // bo, cia, dan, eva
    });
  });
});
