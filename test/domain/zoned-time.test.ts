import assert from 'node:assert/strict';
import { formatLocalDate, formatLocalTime, fromLocal, isValidTimeZone, readLocal, toLocal } from '../../domain/zoned-time';

const TZ = 'Europe/Stockholm';
const utc = (iso: string) => new Date(iso);

describe('zoned-time', () => {
  describe('toLocal', () => {
    it('reads a winter instant an hour ahead of UTC in Stockholm', () => {
      assert.deepEqual(toLocal(utc('2026-12-29T12:00:00Z'), TZ), { year: 2026, month: 12, day: 29, hour: 13, minute: 0, second: 0 });
    });

    it('reads a summer instant two hours ahead of UTC in Stockholm', () => {
      assert.deepEqual(toLocal(utc('2026-06-09T07:00:00Z'), TZ), { year: 2026, month: 6, day: 9, hour: 9, minute: 0, second: 0 });
    });

    it('reads midnight as hour 0, not 24', () => {
      assert.equal(toLocal(utc('2026-12-31T23:00:00Z'), TZ).hour, 0);
      assert.deepEqual(toLocal(utc('2026-12-31T23:00:00Z'), TZ), { year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    });

    it('jumps from 01:59 to 03:00 at 01:00Z on the last Sunday of March 2026', () => {
      assert.equal(formatLocalTime(utc('2026-03-29T00:59:00Z'), TZ), '01:59');
      assert.equal(formatLocalTime(utc('2026-03-29T01:00:00Z'), TZ), '03:00');
    });

    it('shows 02:30 twice on the last Sunday of October 2026', () => {
      assert.equal(formatLocalTime(utc('2026-10-25T00:30:00Z'), TZ), '02:30');
      assert.equal(formatLocalTime(utc('2026-10-25T01:30:00Z'), TZ), '02:30');
    });
  });

  describe('toLocal, read from a per-hour offset, equals Intl\'s own reading', () => {
    // Zones east and west, half- and quarter-hour offsets, a half-hour DST shift (Lord Howe),
    // zones that changed their standard offset, and LMT offsets with seconds (before 1900-ish).
    const ZONES = ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe',
      'Pacific/Chatham', 'America/St_Johns', 'Pacific/Apia', 'Europe/Moscow', 'Africa/Casablanca', 'America/Sao_Paulo', 'UTC'];
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;

    /** Instants where a zone's offset changes (at most one a day), found by daily steps and bisection to the second. */
    function transitions(zone: string, from: number, to: number): number[] {
      const offset = (t: number) => { const l = readLocal(new Date(t), zone); return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - t; };
      const found: number[] = [];
      for (let t = from, now = offset(t); t < to; t += DAY) {
        const next = offset(t + DAY);
        if (now === next) continue;
        now = next;
        let lo = t, hi = t + DAY;
        while (hi - lo > 1000) { const mid = lo + Math.floor((hi - lo) / 2000) * 1000; if (offset(mid) === offset(lo)) lo = mid; else hi = mid; }
        found.push(hi);
      }
      return found;
    }

    it('in the seconds and hours around every offset change from 2024 to 2027', function () {
      this.timeout(20_000);
      let checked = 0;
      for (const zone of ZONES) {
        for (const change of transitions(zone, Date.UTC(2024, 0, 1), Date.UTC(2028, 0, 1))) {
          for (const d of [-2 * HOUR, -HOUR, -61_000, -1000, -1, 0, 1, 999, 1000, 59_000, HOUR - 1000, HOUR, 2 * HOUR]) {
            const t = new Date(change + d);
            assert.deepEqual(toLocal(t, zone), readLocal(t, zone), `${zone} ${t.toISOString()}`);
            checked++;
          }
        }
      }
      assert.ok(checked > 300, `${checked} instants`);
    });

    it('at random instants from 1850 to 2200, in milliseconds', function () {
      this.timeout(20_000);
      let seed = 42;
      const random = () => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed / 2 ** 31; };
      const from = Date.UTC(1850, 0, 1), to = Date.UTC(2200, 0, 1);
      for (let i = 0; i < 20_000; i++) {
        const zone = ZONES[i % ZONES.length]!;
        const t = new Date(from + Math.floor(random() * (to - from)));
        assert.deepEqual(toLocal(t, zone), readLocal(t, zone), `${zone} ${t.toISOString()}`);
      }
    });

    it('throws for an unknown zone and an invalid date, as Intl does', () => {
      assert.throws(() => toLocal(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus'), RangeError);
      assert.throws(() => toLocal(new Date(Number.NaN), TZ), RangeError);
    });
  });

  describe('fromLocal', () => {
    it('puts Tuesday 09:00 in a winter week at 08:00Z', () => {
      assert.equal(fromLocal({ year: 2026, month: 11, day: 24, hour: 9, minute: 0 }, TZ).toISOString(), '2026-11-24T08:00:00.000Z');
    });

    it('puts Tuesday 09:00 in a summer week at 07:00Z', () => {
      assert.equal(fromLocal({ year: 2026, month: 6, day: 9, hour: 9, minute: 0 }, TZ).toISOString(), '2026-06-09T07:00:00.000Z');
    });

    it('uses winter time on the Tuesday before the spring change and summer time on the Tuesday after', () => {
      assert.equal(fromLocal({ year: 2026, month: 3, day: 24, hour: 9, minute: 0 }, TZ).toISOString(), '2026-03-24T08:00:00.000Z');
      assert.equal(fromLocal({ year: 2026, month: 3, day: 31, hour: 9, minute: 0 }, TZ).toISOString(), '2026-03-31T07:00:00.000Z');
    });

    it('uses summer time on the Tuesday before the autumn change and winter time on the Tuesday after', () => {
      assert.equal(fromLocal({ year: 2026, month: 10, day: 20, hour: 9, minute: 0 }, TZ).toISOString(), '2026-10-20T07:00:00.000Z');
      assert.equal(fromLocal({ year: 2026, month: 10, day: 27, hour: 9, minute: 0 }, TZ).toISOString(), '2026-10-27T08:00:00.000Z');
    });

    it('reads times either side of the spring gap on the change day with the right offset', () => {
      assert.equal(fromLocal({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, TZ).toISOString(), '2026-03-29T00:30:00.000Z');
      assert.equal(fromLocal({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, TZ).toISOString(), '2026-03-29T01:30:00.000Z');
    });

    it('maps 02:30 on the spring change day, which the clocks skip, to the instant an hour later (03:30 summer time)', () => {
      const instant = fromLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, TZ);
      assert.equal(instant.toISOString(), '2026-03-29T01:30:00.000Z');
      assert.equal(formatLocalTime(instant, TZ), '03:30');
    });

    it('takes the earlier instant for 02:30 in the repeated hour of the autumn change', () => {
      assert.equal(fromLocal({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, TZ).toISOString(), '2026-10-25T00:30:00.000Z');
    });

    it('reads times either side of the repeated autumn hour with the right offset', () => {
      assert.equal(fromLocal({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, TZ).toISOString(), '2026-10-24T23:30:00.000Z');
      assert.equal(fromLocal({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, TZ).toISOString(), '2026-10-25T02:30:00.000Z');
    });

    it('round-trips every quarter hour of 2026 except the second pass of the repeated autumn hour', () => {
      const start = Date.UTC(2026, 0, 1);
      const end = Date.UTC(2027, 0, 1);
      const secondPassStart = Date.UTC(2026, 9, 25, 1, 0);
      const secondPassEnd = Date.UTC(2026, 9, 25, 2, 0);
      let checked = 0;
      for (let t = start; t < end; t += 15 * 60_000) {
        const local = toLocal(new Date(t), TZ);
        const back = fromLocal(local, TZ).getTime();
        const expected = t >= secondPassStart && t < secondPassEnd ? t - 3_600_000 : t;
        if (back !== expected) assert.fail(`${new Date(t).toISOString()} came back as ${new Date(back).toISOString()}`);
        checked++;
      }
      assert.equal(checked, 365 * 96);
    });

    it('works in a zone west of UTC across its own change (New York, 8 March 2026)', () => {
      assert.equal(fromLocal({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, 'America/New_York').toISOString(), '2026-03-07T14:00:00.000Z');
      assert.equal(fromLocal({ year: 2026, month: 3, day: 9, hour: 9, minute: 0 }, 'America/New_York').toISOString(), '2026-03-09T13:00:00.000Z');
    });
  });

  describe('isValidTimeZone', () => {
    it('knows Europe/Stockholm and UTC', () => {
      assert.equal(isValidTimeZone('Europe/Stockholm'), true);
      assert.equal(isValidTimeZone('UTC'), true);
    });

    it('refuses a misspelt zone and an empty name', () => {
      assert.equal(isValidTimeZone('Europe/Stockolm'), false);
      assert.equal(isValidTimeZone('Mars/Olympus'), false);
      assert.equal(isValidTimeZone(''), false);
    });
  });

  describe('formatting', () => {
    it('formats the local time as zero-padded HH:MM', () => {
      assert.equal(formatLocalTime(utc('2026-01-05T08:05:00Z'), TZ), '09:05');
    });

    it('formats the local date, which may differ from the UTC date near midnight', () => {
      assert.equal(formatLocalDate(utc('2026-12-31T23:30:00Z'), TZ), '2027-01-01');
      assert.equal(formatLocalDate(utc('2026-02-03T12:00:00Z'), TZ), '2026-02-03');
    });
  });
});
