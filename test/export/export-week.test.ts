import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { absenceId } from '../../domain/absence';
import type { MeetingStore, WeeklyStore } from '../../domain/ports';
import { exportWeek } from '../../export/export-week';
import { norrtalje, NOW, WEEK, weekInput } from './fixture';

/** Just the reads `compileWeek` makes, from the fixture's records. */
function stores() {
  const m = norrtalje();
  const input = weekInput(m);
  const weekly: Pick<WeeklyStore, 'listWeek'> = {
    listWeek: async (_id, week) => ({
      reports: [...input.reports, ...(input.previousReports ?? [])].filter((r) => r.week === week),
      absences: week === '2026-W49'
      ? input.absentReporterIds.map((reporterId) => ({ id: absenceId(week, reporterId), municipalityId: m.id, week, reporterId, at: NOW.toISOString() }))
      : [],
    }),
  };
  const meeting: Partial<MeetingStore> = {
    listDecisions: async () => input.decisions,
    listHotspots: async () => input.hotspots,
    listActions: async () => input.actions,
    getWeekState: async () => undefined,
    listSummaries: async () => input.history,
  };
  return { m, stores: { weekly: weekly as WeeklyStore, meeting: meeting as MeetingStore } };
}

describe('export: exportWeek', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'lagesbild-export-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the page, the answers and the decisions of the week', async () => {
    const { m, stores: s } = stores();
    const files = await exportWeek({ stores: s, municipality: m, week: WEEK, outDir: join(dir, 'out'), now: NOW });
    assert.deepEqual(files.map((f) => f.kind), ['html', 'answers', 'decisions']);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), [
      'lagesbild-norrtalje-2026-W49-beslut.csv', 'lagesbild-norrtalje-2026-W49.csv', 'lagesbild-norrtalje-2026-W49.html',
    ]);
    const html = readFileSync(join(dir, 'out', 'lagesbild-norrtalje-2026-W49.html'), 'utf8');
    assert.match(html, /Kioskägarens/);
    const csv = readFileSync(join(dir, 'out', 'lagesbild-norrtalje-2026-W49.csv'), 'utf8');
    assert.equal(csv.split('\r\n').length - 2, 10, 'ten answers of week 49, not last week\'s');
  });

  it('the external version has no answers file and no reporters\' texts', async () => {
    const { m, stores: s } = stores();
    const files = await exportWeek({ stores: s, municipality: m, week: WEEK, outDir: dir, external: true, now: NOW });
    assert.deepEqual(readdirSync(dir).sort(), ['lagesbild-norrtalje-2026-W49-extern-beslut.csv', 'lagesbild-norrtalje-2026-W49-extern.html']);
    assert.deepEqual(files.map((f) => f.kind), ['html', 'decisions']);
    const html = readFileSync(join(dir, 'lagesbild-norrtalje-2026-W49-extern.html'), 'utf8');
    assert.doesNotMatch(html, /Kioskägarens|Erik Persson/);
  });
});
