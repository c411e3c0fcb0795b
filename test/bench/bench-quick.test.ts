import assert from 'node:assert/strict';
import { ROW_IDS, type BenchReport } from '../../bench/report';
import { runBench } from '../../bench/run-bench';
import { footnotes } from '../../bench/rows';
import { renderTable } from '../../bench/table';

/**
 * `npm run bench -- --quick` in-process, so CI exercises every section of the bench: the table
 * must have every row, and no card may be lost or sent twice, whatever the timings.
 */
describe('The bench in quick mode', function () {
  this.timeout(120_000);
  let report: BenchReport;

  before(async () => {
    report = await runBench({ quick: true });
  });

  it('prints one table with every row, each with a value', () => {
    assert.deepEqual(report.rows.map((r) => r.id), [...ROW_IDS]);
    for (const row of report.rows) assert.ok(row.value.length > 0 && !row.value.includes('NaN'), `${row.id}: "${row.value}"`);
    const table = renderTable(report, footnotes(report.figures));
    assert.equal(table.split('\n').filter((l) => l.startsWith('| ')).length, ROW_IDS.length + 1, 'header and one line per row');
  });

  it('marks every row with a target MET or MISSED', () => {
    for (const row of report.rows) assert.equal(row.status === 'info', row.target === '', `${row.id}: target "${row.target}", status ${row.status}`);
  });

  it('loses and duplicates no card, on Norrtälje\'s Tuesday, the fan-out or the footprint run', () => {
    const { norrtalje, fanout, footprint } = report.figures;
    for (const [name, run] of Object.entries({ norrtalje, fanout, footprint })) {
      assert.equal(run.lost, 0, `${name}: lost`);
      assert.equal(run.duplicated, 0, `${name}: duplicated`);
    }
    assert.equal(norrtalje.cards, 45, 'Norrtälje: one card per reporter and town');
  });

  it('answers every submit with a card and counts store round trips', () => {
    assert.equal(report.figures.submits.errors, 0);
    assert.ok(report.figures.submits.perSubmit.count.write >= 1, 'a submit writes its answer');
    assert.ok(report.figures.compile.perTown.count.query > 0);
    assert.ok(report.figures.week.weeklyRu > 0);
  });
});
