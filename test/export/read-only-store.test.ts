import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStoreForReading } from '../../export/read-only-store';
import { weeklyPartition } from '../../store/containers';
import { norrtalje, weekReports } from './fixture';

describe('export: read-only store', function () {
  this.timeout(60_000);
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-ro-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads what the bot saved and never writes the data file', async () => {
    const m = norrtalje();
    const config = { database: 'lagesbild', dataDir };
    // The data file as the embedded store saves it: documents by container, without system fields.
    // (Written by hand: a local store with a data folder can flush once more after close.)
    const file = join(dataDir, 'lagesbild.json');
    const weekly = weekReports(m).map((r) => ({ ...r, type: 'report', partition: weeklyPartition(r.municipalityId, r.week) }));
    writeFileSync(file, JSON.stringify({ weekly, registry: [], meeting: [], operations: [], audit: [] }));
    const before = { text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs };

    const stores = await openStoreForReading(config);
    const { reports } = await stores.weekly.listWeek(m.id, '2026-W49');
    assert.equal(reports.length, weekReports(m).length);
    // A write into the copy (which an export never makes) stays in memory too.
    await stores.weekly.saveReport({ ...weekReports(m)[0]!, id: 'report:2026-W49:rimbo:someone', reporterId: 'someone' });
    await stores.meeting.listActions(m.id);
    await stores.close();
    await new Promise((resolve) => setTimeout(resolve, 400));

    assert.equal(readFileSync(file, 'utf8'), before.text);
    assert.equal(statSync(file).mtimeMs, before.mtime);
  });

  it('works on a data folder the bot has not written yet', async () => {
    const stores = await openStoreForReading({ database: 'lagesbild', dataDir: join(dataDir, 'none') });
    assert.deepEqual((await stores.weekly.listWeek('norrtalje', '2026-W49')).reports, []);
    assert.match(stores.description, /does not exist yet/);
    await stores.close();
  });
});
