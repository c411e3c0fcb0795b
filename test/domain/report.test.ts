import assert from 'node:assert/strict';
import { MAX_TEXT_LENGTH } from '../../domain/defaults';
import { reportId, validateAnswer, type AnswerError } from '../../domain/report';
import { W53, municipality, town } from './municipality-fixture';

const m = municipality();
const rimbo = town(m, 'rimbo'); // areas: Centrum, Skolan

function errors(raw: Record<string, unknown>): AnswerError[] {
  const r = validateAnswer(m, rimbo, raw);
  if (r.ok) assert.fail(`expected the answer to be refused, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

function value(raw: Record<string, unknown>) {
  const r = validateAnswer(m, rimbo, raw);
  if (!r.ok) assert.fail(`expected the answer to be taken, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

describe('report', () => {
  describe('validateAnswer', () => {
    it('takes a full answer as the card sends it, with multi-select values as "a,b" and trimmed texts', () => {
      assert.deepEqual(value({
        grade: '3',
        categories: 'vandalism,littering',
        what: '  Klotter på busskuret  ',
        areas: 'Centrum,Skolan',
        place: ' vid kiosken ',
        when: 'evening,night',
        measures: 'Mer belysning',
      }), {
        grade: 3,
        categories: ['vandalism', 'littering'],
        what: 'Klotter på busskuret',
        areas: ['Centrum', 'Skolan'],
        place: 'vid kiosken',
        when: ['evening', 'night'],
        measures: 'Mer belysning',
      });
    });

    it('takes multi-select values sent as arrays, and a grade sent as a number', () => {
      const v = value({ grade: 4, categories: ['fire', ' drugs '], areas: ['Skolan'], when: ['day'] });
      assert.equal(v.grade, 4);
      assert.deepEqual(v.categories, ['fire', 'drugs']);
      assert.deepEqual(v.areas, ['Skolan']);
      assert.deepEqual(v.when, ['day']);
    });

    it('drops empty items and repeated choices', () => {
      const v = value({ grade: '2', categories: 'fire, ,fire,', when: 'night,night', areas: 'Centrum,Centrum' });
      assert.deepEqual(v.categories, ['fire']);
      assert.deepEqual(v.when, ['night']);
      assert.deepEqual(v.areas, ['Centrum']);
    });

    it('reports a missing grade when it is absent, null, empty or blank', () => {
      for (const grade of [undefined, null, '', '   ']) {
        assert.deepEqual(errors({ grade }), [{ code: 'gradeMissing' }], JSON.stringify(grade));
      }
    });

    it('reports a grade out of range for "7", "0", "abc" and "3.5"', () => {
      for (const grade of ['7', '0', 'abc', '3.5', '33']) {
        assert.deepEqual(errors({ grade }), [{ code: 'gradeOutOfRange', value: grade }], grade);
      }
    });

    it('cuts the echoed bad grade to 20 characters', () => {
      assert.deepEqual(errors({ grade: 'x'.repeat(100) }), [{ code: 'gradeOutOfRange', value: 'x'.repeat(20) }]);
    });

    it('reports each unknown category and keeps the known ones quiet', () => {
      assert.deepEqual(errors({ grade: '2', categories: 'vandalism,arson,Fire' }), [
        { code: 'unknownCategory', value: 'arson' },
        { code: 'unknownCategory', value: 'Fire' },
      ]);
    });

    it('reports an unknown time of day', () => {
      assert.deepEqual(errors({ grade: '2', when: 'day,morning' }), [{ code: 'unknownTimeOfDay', value: 'morning' }]);
    });

    it(`takes ${MAX_TEXT_LENGTH} characters in a text field and refuses one more`, () => {
      assert.equal(value({ grade: '1', what: 'a'.repeat(MAX_TEXT_LENGTH) }).what.length, MAX_TEXT_LENGTH);
      assert.deepEqual(errors({ grade: '1', what: 'a'.repeat(MAX_TEXT_LENGTH + 1) }), [
        { code: 'textTooLong', field: 'what', max: MAX_TEXT_LENGTH },
      ]);
    });

    it('measures the length after trimming', () => {
      assert.equal(value({ grade: '1', measures: `  ${'a'.repeat(MAX_TEXT_LENGTH)}  ` }).measures.length, MAX_TEXT_LENGTH);
    });

    it('reports personal data in a text field with what was found', () => {
      assert.deepEqual(errors({ grade: '2', what: 'Ring mig på 070-123 45 67' }), [
        { code: 'personalData', field: 'what', findings: [{ kind: 'phoneNumber', match: '070-123 45 67' }] },
      ]);
    });

    it('checks the place field, including areas moved into it, for personal data', () => {
      assert.deepEqual(errors({ grade: '2', areas: 'Centrum,811218-9876' }), [
        { code: 'personalData', field: 'place', findings: [{ kind: 'personalNumber', match: '811218-9876' }] },
      ]);
    });

    it('moves areas that are not on the town\'s list into the free-text place', () => {
      const v = value({ grade: '2', areas: 'Centrum,Gamla kyrkan,Torget', place: 'vid kiosken' });
      assert.deepEqual(v.areas, ['Centrum']);
      assert.equal(v.place, 'vid kiosken, Gamla kyrkan, Torget'); // Torget is Norrtälje's, not Rimbo's
    });

    it('uses the moved areas as the place when the place field is empty', () => {
      assert.equal(value({ grade: '2', areas: ['Gamla kyrkan'] }).place, 'Gamla kyrkan');
    });

    it('reports every problem at once', () => {
      const codes = errors({
        grade: '9',
        categories: 'arson',
        when: 'morning',
        what: 'Bil ABC 123 stod där',
        measures: 'x'.repeat(MAX_TEXT_LENGTH + 1),
      }).map((e) => e.code);
      assert.deepEqual(codes, ['gradeOutOfRange', 'unknownCategory', 'unknownTimeOfDay', 'personalData', 'textTooLong']);
    });

    it('reports a text that is too long without also scanning it for personal data', () => {
      const errs = errors({ grade: '1', what: `070-123 45 67 ${'a'.repeat(MAX_TEXT_LENGTH)}` });
      assert.deepEqual(errs, [{ code: 'textTooLong', field: 'what', max: MAX_TEXT_LENGTH }]);
    });

    it('treats non-text values of the text fields as empty', () => {
      const v = value({ grade: '1', what: 42, place: { a: 1 }, measures: ['x'] });
      assert.equal(v.what, '');
      assert.equal(v.place, '');
      assert.equal(v.measures, '');
    });

    it('knows only the municipality\'s own categories', () => {
      const own = municipality({ categories: [{ id: 'snow', label: { sv: 'Snö', en: 'Snow' } }] });
      assert.equal(validateAnswer(own, town(own, 'rimbo'), { grade: '1', categories: 'snow' }).ok, true);
      assert.equal(validateAnswer(own, town(own, 'rimbo'), { grade: '1', categories: 'vandalism' }).ok, false);
    });
  });

  describe('reportId', () => {
    it('derives the id from week, town and reporter', () => {
      assert.equal(reportId(W53, 'rimbo', 'anna'), 'report:2026-W53:rimbo:anna');
    });

    it('gives the same id for a week and its key', () => {
      assert.equal(reportId('2026-W53', 'rimbo', 'anna'), reportId(W53, 'rimbo', 'anna'));
    });

    it('gives different ids when week, town or reporter differ', () => {
      const ids = new Set([
        reportId(W53, 'rimbo', 'anna'),
        reportId({ year: 2027, week: 1 }, 'rimbo', 'anna'),
        reportId(W53, 'norrtalje', 'anna'),
        reportId(W53, 'rimbo', 'bo'),
      ]);
      assert.equal(ids.size, 4);
    });
  });
});
