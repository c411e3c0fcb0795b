import assert from 'node:assert/strict';
import {
  addWeeks, compareWeeks, dateOfWeekday, instantInWeek, isoWeekOf, isoWeekOfDate, parseWeekKey,
  sameWeek, weekKey, weekLabel, weeksInYear, type IsoWeek,
} from '../../domain/iso-week';

const TZ = 'Europe/Stockholm';
const wk = (year: number, week: number): IsoWeek => ({ year, week });

describe('iso-week', () => {
  describe('isoWeekOfDate', () => {
    it('puts 31 December 2026 in week 53', () => {
      assert.deepEqual(isoWeekOfDate(2026, 12, 31), wk(2026, 53));
    });

    it('puts Monday 28 December 2026 to Sunday 3 January 2027 all in 2026-W53', () => {
      for (const [y, m, d] of [[2026, 12, 28], [2026, 12, 29], [2027, 1, 1], [2027, 1, 3]] as const) {
        assert.deepEqual(isoWeekOfDate(y, m, d), wk(2026, 53), `${y}-${m}-${d}`);
      }
    });

    it('puts Monday 4 January 2027 in 2027-W01', () => {
      assert.deepEqual(isoWeekOfDate(2027, 1, 4), wk(2027, 1));
    });

    it('puts 1 January 2021 in 2020-W53', () => {
      assert.deepEqual(isoWeekOfDate(2021, 1, 1), wk(2020, 53));
      assert.deepEqual(isoWeekOfDate(2021, 1, 3), wk(2020, 53));
      assert.deepEqual(isoWeekOfDate(2021, 1, 4), wk(2021, 1));
    });

    it('puts Monday 29 December 2025 in 2026-W01, since 2025 has only 52 weeks', () => {
      assert.deepEqual(isoWeekOfDate(2025, 12, 28), wk(2025, 52));
      assert.deepEqual(isoWeekOfDate(2025, 12, 29), wk(2026, 1));
    });

    it('puts 1 January 2026, a Thursday, in week 1 of 2026', () => {
      assert.deepEqual(isoWeekOfDate(2026, 1, 1), wk(2026, 1));
    });

    it('puts 24 November 2026 in week 48', () => {
      assert.deepEqual(isoWeekOfDate(2026, 11, 24), wk(2026, 48));
    });

    it('puts Friday, Saturday and Sunday in the same week as the Monday before them', () => {
      for (const day of [23, 24, 25, 26, 27, 28, 29]) assert.deepEqual(isoWeekOfDate(2026, 11, day), wk(2026, 48), `2026-11-${day}`);
      assert.deepEqual(isoWeekOfDate(2026, 11, 30), wk(2026, 49));
    });

    it('agrees with the "ordinal of the week\'s Thursday" rule for every day of 2000 to 2040', () => {
      for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2041, 0, 1); t += 86_400_000) {
        const d = new Date(t);
        const thursday = new Date(t + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
        const ordinal = (thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000; // 0-based
        const expected = wk(thursday.getUTCFullYear(), 1 + Math.floor(ordinal / 7));
        const actual = isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        if (actual.year !== expected.year || actual.week !== expected.week) {
          assert.fail(`${d.toISOString().slice(0, 10)}: ${weekKey(actual)}, expected ${weekKey(expected)}`);
        }
      }
    });
  });

  describe('weeksInYear', () => {
    it('gives 53 weeks to years that start on a Thursday or are leap years starting on a Wednesday', () => {
      assert.equal(weeksInYear(2026), 53); // starts on Thursday
      assert.equal(weeksInYear(2015), 53); // starts on Thursday
      assert.equal(weeksInYear(2020), 53); // leap year starting on Wednesday
      assert.equal(weeksInYear(2032), 53); // leap year starting on Thursday
    });

    it('gives 52 weeks to other years', () => {
      for (const y of [2021, 2022, 2023, 2024, 2025, 2027, 2028]) assert.equal(weeksInYear(y), 52, String(y));
    });
  });

  describe('dateOfWeekday', () => {
    it('finds the Monday and Sunday of 2026-W53 on either side of new year', () => {
      assert.deepEqual(dateOfWeekday(wk(2026, 53), 'monday'), { year: 2026, month: 12, day: 28 });
      assert.deepEqual(dateOfWeekday(wk(2026, 53), 'sunday'), { year: 2027, month: 1, day: 3 });
    });

    it('finds Friday 1 January 2021 in 2020-W53', () => {
      assert.deepEqual(dateOfWeekday(wk(2020, 53), 'friday'), { year: 2021, month: 1, day: 1 });
    });

    it('finds Monday 4 January 2027 as the start of 2027-W01 and Monday 29 December 2025 as the start of 2026-W01', () => {
      assert.deepEqual(dateOfWeekday(wk(2027, 1), 'monday'), { year: 2027, month: 1, day: 4 });
      assert.deepEqual(dateOfWeekday(wk(2026, 1), 'monday'), { year: 2025, month: 12, day: 29 });
    });

    it('agrees with isoWeekOfDate for every day of 2020 to 2028', () => {
      const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
      for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
        const d = new Date(t);
        const week = isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        const weekday = days[(d.getUTCDay() + 6) % 7]!;
        assert.deepEqual(dateOfWeekday(week, weekday), { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      }
    });
  });

  describe('instantInWeek', () => {
    it('puts Tuesday 09:00 local in a winter week at 08:00Z and in a summer week at 07:00Z', () => {
      assert.equal(instantInWeek(wk(2026, 48), 'tuesday', '09:00', TZ).toISOString(), '2026-11-24T08:00:00.000Z');
      assert.equal(instantInWeek(wk(2026, 24), 'tuesday', '09:00', TZ).toISOString(), '2026-06-09T07:00:00.000Z');
    });

    it('switches offset between the week of the last Sunday of March and the week after', () => {
      assert.equal(instantInWeek(wk(2026, 13), 'tuesday', '09:00', TZ).toISOString(), '2026-03-24T08:00:00.000Z');
      assert.equal(instantInWeek(wk(2026, 14), 'tuesday', '09:00', TZ).toISOString(), '2026-03-31T07:00:00.000Z');
    });

    it('switches offset between the week of the last Sunday of October and the week after', () => {
      assert.equal(instantInWeek(wk(2026, 43), 'tuesday', '09:00', TZ).toISOString(), '2026-10-20T07:00:00.000Z');
      assert.equal(instantInWeek(wk(2026, 44), 'tuesday', '09:00', TZ).toISOString(), '2026-10-27T08:00:00.000Z');
    });

    it('gives the same instant on every call, each caller its own Date, and keys on the zone', () => {
      const first = instantInWeek(wk(2026, 49), 'tuesday', '13:00', TZ);
      first.setTime(0);
      assert.equal(instantInWeek(wk(2026, 49), 'tuesday', '13:00', TZ).toISOString(), '2026-12-01T12:00:00.000Z');
      assert.equal(instantInWeek(wk(2026, 49), 'tuesday', '13:00', 'Europe/London').toISOString(), '2026-12-01T13:00:00.000Z');
      assert.equal(instantInWeek(wk(2026, 49), 'tuesday', '13:30', TZ).toISOString(), '2026-12-01T12:30:00.000Z');
    });

    it('puts Tuesday 13:00 of 2026-W53 at 12:00Z on 29 December', () => {
      assert.equal(instantInWeek(wk(2026, 53), 'tuesday', '13:00', TZ).toISOString(), '2026-12-29T12:00:00.000Z');
    });

    it('takes the earlier instant for Sunday 02:30 in the week of the autumn change', () => {
      assert.equal(instantInWeek(wk(2026, 43), 'sunday', '02:30', TZ).toISOString(), '2026-10-25T00:30:00.000Z');
    });
  });

  describe('isoWeekOf', () => {
    it("counts Sunday 23:30Z in winter as Monday in Stockholm, so the next week", () => {
      const instant = new Date('2026-11-29T23:30:00Z'); // Sunday in UTC, Monday 00:30 in Stockholm
      assert.deepEqual(isoWeekOfDate(2026, 11, 29), wk(2026, 48));
      assert.deepEqual(isoWeekOf(instant, TZ), wk(2026, 49));
      assert.deepEqual(isoWeekOf(instant, 'UTC'), wk(2026, 48));
    });

    it('counts Sunday 22:30Z in summer as Monday in Stockholm but 21:59Z as still Sunday', () => {
      assert.deepEqual(isoWeekOf(new Date('2026-06-14T22:30:00Z'), TZ), wk(2026, 25));
      assert.deepEqual(isoWeekOf(new Date('2026-06-14T21:59:00Z'), TZ), wk(2026, 24));
    });

    it('moves from 2026-W53 to 2027-W01 at local midnight on Sunday 3 January 2027', () => {
      assert.deepEqual(isoWeekOf(new Date('2027-01-03T22:59:59Z'), TZ), wk(2026, 53));
      assert.deepEqual(isoWeekOf(new Date('2027-01-03T23:00:00Z'), TZ), wk(2027, 1));
    });

    it('keeps New Year\'s Eve night in 2026-W53 after local midnight', () => {
      assert.deepEqual(isoWeekOf(new Date('2026-12-31T23:30:00Z'), TZ), wk(2026, 53));
    });
  });

  describe('addWeeks', () => {
    it('goes from 2026-W52 to W53 and then to 2027-W01', () => {
      assert.deepEqual(addWeeks(wk(2026, 52), 1), wk(2026, 53));
      assert.deepEqual(addWeeks(wk(2026, 52), 2), wk(2027, 1));
    });

    it('goes back from 2027-W01 to 2026-W53', () => {
      assert.deepEqual(addWeeks(wk(2027, 1), -1), wk(2026, 53));
    });

    it('goes from 2025-W52 straight to 2026-W01, since 2025 has no week 53', () => {
      assert.deepEqual(addWeeks(wk(2025, 52), 1), wk(2026, 1));
      assert.deepEqual(addWeeks(wk(2026, 1), -1), wk(2025, 52));
    });

    it('adds a whole 53-week year and many weeks across several years', () => {
      assert.deepEqual(addWeeks(wk(2026, 1), 53), wk(2027, 1));
      assert.deepEqual(addWeeks(wk(2020, 53), 1), wk(2021, 1));
      assert.deepEqual(addWeeks(wk(2024, 10), 52 + 52 + 53), wk(2027, 10));
    });

    it('leaves the week alone when adding zero', () => {
      assert.deepEqual(addWeeks(wk(2026, 53), 0), wk(2026, 53));
    });
  });

  describe('weekKey and parseWeekKey', () => {
    it('writes the key with a zero-padded week', () => {
      assert.equal(weekKey(wk(2026, 5)), '2026-W05');
      assert.equal(weekKey(wk(2026, 53)), '2026-W53');
    });

    it('writes keys that sort in time order across a year boundary', () => {
      const weeks = [wk(2027, 1), wk(2026, 9), wk(2026, 53), wk(2026, 10)];
      const byKey = [...weeks].sort((a, b) => weekKey(a).localeCompare(weekKey(b)));
      const byTime = [...weeks].sort(compareWeeks);
      assert.deepEqual(byKey, byTime);
      assert.deepEqual(byTime, [wk(2026, 9), wk(2026, 10), wk(2026, 53), wk(2027, 1)]);
    });

    it('parses a key back to its week', () => {
      assert.deepEqual(parseWeekKey('2026-W53'), wk(2026, 53));
      assert.deepEqual(parseWeekKey('2027-W01'), wk(2027, 1));
    });

    it('rejects 2025-W53 since 2025 has 52 weeks', () => {
      assert.equal(parseWeekKey('2025-W53'), undefined);
      assert.deepEqual(parseWeekKey('2025-W52'), wk(2025, 52));
    });

    it('rejects week 0, week 54 and badly written keys', () => {
      for (const bad of ['2026-W00', '2026-W54', '2026-W5', '2026W05', '2026-w05', ' 2026-W05', '2026-W05 ', '26-W05', '']) {
        assert.equal(parseWeekKey(bad), undefined, JSON.stringify(bad));
      }
    });
  });

  describe('labels and comparisons', () => {
    it('labels a week "v. 48"', () => {
      assert.equal(weekLabel(wk(2026, 48)), 'v. 48');
      assert.equal(weekLabel(wk(2027, 1)), 'v. 1');
    });

    it('compares by year before week', () => {
      assert.ok(compareWeeks(wk(2026, 53), wk(2027, 1)) < 0);
      assert.ok(compareWeeks(wk(2027, 1), wk(2026, 53)) > 0);
      assert.equal(compareWeeks(wk(2026, 10), wk(2026, 10)), 0);
    });

    it('treats the same week number in different years as different weeks', () => {
      assert.equal(sameWeek(wk(2026, 1), wk(2026, 1)), true);
      assert.equal(sameWeek(wk(2026, 1), wk(2027, 1)), false);
    });
  });
});
