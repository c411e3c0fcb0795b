import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repo-root';
import { ConfigError, loadMunicipality, parseMunicipality, type ConfigProblem } from '../../config/load-municipality';
import type { Municipality } from '../../domain/municipality';
import { DEFAULT_CATEGORIES, DEFAULT_RETENTION_DAYS, DEFAULT_SCALE, DEFAULT_SCHEDULE } from '../../domain/defaults';

function problemsOf(text: string, file = 'municipalities/broken.yaml'): ConfigProblem[] {
  try {
    parseMunicipality(text, file);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.problems;
  }
  return assert.fail('expected the configuration to be refused');
}

const MINIMAL = [
  'id: testkommun',
  'name: Testkommun',
  'tenantId: 00000000-0000-4000-8000-000000000000',
  'towns:',
  '  - { id: rimbo, name: Rimbo }',
  'coordinators:',
  '  - { id: c1, name: Karin, organisation: Trygg }',
  '',
].join('\n');

// Line numbers matter below: each bad thing sits on its own, known line.
const BROKEN = [
  'id: norrtalje', //                                                          1 (no tenantId anywhere)
  'name: Norrtälje kommun', //                                                 2
  'timeZone: Europe/Stockolm', //                                              3 unknown zone
  'schedule:', //                                                              4
  '  deadline: { day: tuesday, time: "25:00" }', //                           5 bad time
  'towns:', //                                                                 6
  '  - { id: rimbo, name: Rimbo }', //                                         7
  '  - { id: hallstavik, name: Hallstavik }', //                               8
  'coordinators:', //                                                          9
  '  - { id: c1, name: Karin, organisation: Trygg }', //                      10
  'reporters:', //                                                            11
  '  - { id: r1, name: Erik, organisation: Skola, towns: [rimbo] }', //       12
  '  - { id: r2, name: Maria, organisation: Fritid, towns: [rimbo, norrtalje] }', // 13 unknown town
  '  - { id: r1, name: Lars, organisation: Hem, towns: [hallstavik] }', //    14 duplicate id
  'retentionDay: 30', //                                                      15 unknown key (typo)
  '',
].join('\n');

describe('load-municipality', () => {
  describe('the shipped sample municipalities/norrtalje.yaml', () => {
    let m: Municipality;
    before(() => { m = loadMunicipality(join(repoRoot(), 'municipalities', 'norrtalje.yaml')); });

    it('loads Norrtälje with its three towns Rimbo, Norrtälje and Hallstavik', () => {
      assert.equal(m.id, 'norrtalje');
      assert.equal(m.timeZone, 'Europe/Stockholm');
      assert.deepEqual(m.towns.map((t) => t.name), ['Rimbo', 'Norrtälje', 'Hallstavik']);
    });

    it('has about 15 reporters per town, some covering several towns', () => {
      for (const town of m.towns) {
        const count = m.reporters.filter((r) => r.towns.includes(town.id)).length;
        assert.ok(count >= 12 && count <= 18, `${town.name} has ${count} reporters`);
      }
      assert.ok(m.reporters.some((r) => r.towns.length > 1));
    });

    it('has the Tuesday 13:00 deadline and Wednesday 15:00 meeting', () => {
      assert.deepEqual(m.schedule.deadline, { day: 'tuesday', time: '13:00' });
      assert.deepEqual(m.schedule.meeting, { day: 'wednesday', time: '15:00' });
    });

    it('gets the default categories and scale, which it does not override', () => {
      assert.deepEqual(m.categories, DEFAULT_CATEGORIES);
      assert.deepEqual(m.scale, DEFAULT_SCALE);
    });
  });

  describe('parseMunicipality', () => {
    it('fills defaults for everything a minimal file leaves out', () => {
      const m = parseMunicipality(MINIMAL);
      assert.equal(m.language, 'sv');
      assert.equal(m.timeZone, 'Europe/Stockholm');
      assert.deepEqual(m.schedule, DEFAULT_SCHEDULE);
      assert.deepEqual(m.categories, DEFAULT_CATEGORIES);
      assert.deepEqual(m.scale, DEFAULT_SCALE);
      assert.equal(m.retentionDays, DEFAULT_RETENTION_DAYS);
      assert.deepEqual(m.reporters, []);
      assert.deepEqual(m.towns, [{ id: 'rimbo', name: 'Rimbo', areas: [] }]);
    });

    it('merges a partial schedule over the default one', () => {
      const m = parseMunicipality(`${MINIMAL}schedule:\n  deadline: { day: monday, time: "16:00" }\n`);
      assert.deepEqual(m.schedule, { ...DEFAULT_SCHEDULE, deadline: { day: 'monday', time: '16:00' } });
    });

    it('reports every problem of a broken file at once, each on its 1-based line', () => {
      const found = problemsOf(BROKEN).map((p) => [p.line, p.path]).sort((a, b) => Number(a[0]) - Number(b[0]));
      assert.deepEqual(found, [
        [1, 'tenantId'], // missing: pointed at the top of the document
        [3, 'timeZone'],
        [5, 'schedule.deadline.time'],
        [13, 'reporters[1].towns[1]'],
        [14, 'reporters[2].id'],
        [15, 'retentionDay'],
      ]);
    });

    it('says what is wrong with each problem', () => {
      const byPath = new Map(problemsOf(BROKEN).map((p) => [p.path, p.message]));
      assert.match(byPath.get('timeZone')!, /unknown time zone "Europe\/Stockolm"/);
      assert.match(byPath.get('schedule.deadline.time')!, /HH:MM/);
      assert.match(byPath.get('reporters[1].towns[1]')!, /unknown town "norrtalje" \(towns: rimbo, hallstavik\)/);
      assert.match(byPath.get('reporters[2].id')!, /duplicate id "r1"/);
      assert.match(byPath.get('retentionDay')!, /unknown key "retentionDay"/);
      assert.ok(byPath.has('tenantId'));
    });

    it('names the file and the lines in the error message', () => {
      try {
        parseMunicipality(BROKEN, 'municipalities/broken.yaml');
        assert.fail('expected a ConfigError');
      } catch (err) {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.file, 'municipalities/broken.yaml');
        assert.match(err.message, /^municipalities\/broken\.yaml: 6 problem\(s\)/);
        for (const line of [1, 3, 5, 13, 14, 15]) {
          assert.match(err.message, new RegExp(`municipalities/broken\\.yaml:${line} `), `line ${line} missing from:\n${err.message}`);
        }
        assert.match(err.message, /municipalities\/broken\.yaml:5 schedule\.deadline\.time: /);
      }
    });

    it('points an unknown town in the sample\'s reporter list at its line', () => {
      const sample = readFileSync(join(repoRoot(), 'municipalities', 'norrtalje.yaml'), 'utf8').split('\n');
      const index = sample.findIndex((l) => l.includes('towns: [rimbo]'));
      assert.ok(index >= 0, 'the sample has a Rimbo-only reporter');
      sample[index] = sample[index]!.replace('towns: [rimbo]', 'towns: [rimbo, grisslehamn]');
      const problems = problemsOf(sample.join('\n'), 'municipalities/norrtalje.yaml');
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.line, index + 1);
      assert.match(problems[0]!.message, /unknown town "grisslehamn"/);
    });

    it('reports a YAML syntax error with its line and nothing else', () => {
      const problems = problemsOf('id: x\nname: y\nname: z\ntenantId: t\n');
      assert.deepEqual(problems.map((p) => [p.line, p.path]), [[3, '']]);
      assert.match(problems[0]!.message, /unique/i);
    });

    it('reports several YAML syntax errors, each with a line', () => {
      const problems = problemsOf('id: x\nid: y\ntowns:\n  - id: a\n   name: b\n');
      assert.ok(problems.length >= 2, JSON.stringify(problems));
      assert.ok(problems.every((p) => typeof p.line === 'number' && p.line >= 1), JSON.stringify(problems));
      assert.deepEqual(problems.map((p) => p.line).sort((a, b) => a! - b!), [2, 5]);
    });

    it('refuses a scale whose levels are out of order', () => {
      const scale = [2, 1, 3, 4, 5].map((level) => `  - { level: ${level}, colour: green, label: { sv: a, en: a }, description: { sv: b, en: b } }`);
      const problems = problemsOf(`${MINIMAL}scale:\n${scale.join('\n')}\n`);
      assert.deepEqual(problems.map((p) => [p.line, p.path]), [[9, 'scale[0].level'], [10, 'scale[1].level']]);
    });

    it('refuses duplicate town ids', () => {
      const problems = problemsOf(MINIMAL.replace('  - { id: rimbo, name: Rimbo }', '  - { id: rimbo, name: Rimbo }\n  - { id: rimbo, name: Rimbo igen }'));
      assert.deepEqual(problems.map((p) => [p.line, p.path]), [[6, 'towns[1].id']]);
    });
  });

  describe('loadMunicipality', () => {
    it('reports a file it cannot read as a ConfigError naming the file', () => {
      assert.throws(() => loadMunicipality('/nonexistent/kommun.yaml'), (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /^\/nonexistent\/kommun\.yaml: 1 problem/);
        assert.match(err.message, /cannot read the file/);
        return true;
      });
    });
  });
});
