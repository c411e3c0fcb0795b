import assert from 'node:assert/strict';
import { cardWeekState, currentWeek, roundTimes } from '../../domain/round';
import { W01_2027, W52, W53, municipality } from './municipality-fixture';

const iso = (d: Date) => d.toISOString();

describe('round', () => {
  describe('roundTimes', () => {
    it('places the default schedule of a winter week (2026-W48) on Tuesday and Wednesday at UTC+1', () => {
      const t = roundTimes(municipality(), { year: 2026, week: 48 });
      assert.equal(iso(t.promptsAt), '2026-11-24T08:00:00.000Z'); // Tuesday 09:00
      assert.equal(iso(t.deadline), '2026-11-24T12:00:00.000Z'); // Tuesday 13:00
      assert.deepEqual(t.reminders.map(iso), ['2026-11-24T10:00:00.000Z', '2026-11-24T11:30:00.000Z']); // 11:00, 12:30
      assert.equal(iso(t.pictureAt), '2026-11-25T13:30:00.000Z'); // Wednesday 14:30
      assert.equal(iso(t.meetingAt), '2026-11-25T14:00:00.000Z'); // Wednesday 15:00
    });

    it('places the same schedule an hour earlier in UTC in a summer week (2026-W24)', () => {
      const t = roundTimes(municipality(), { year: 2026, week: 24 });
      assert.equal(iso(t.promptsAt), '2026-06-09T07:00:00.000Z');
      assert.equal(iso(t.deadline), '2026-06-09T11:00:00.000Z');
      assert.equal(iso(t.meetingAt), '2026-06-10T13:00:00.000Z');
    });

    it('puts the deadline of week 53 on Tuesday 29 December 2026', () => {
      assert.equal(iso(roundTimes(municipality(), W53).deadline), '2026-12-29T12:00:00.000Z');
    });

    it('sorts reminders by time whatever order the configuration lists them in', () => {
      const base = municipality();
      const m = municipality({ schedule: { ...base.schedule, reminders: ['12:30', '08:15', '11:00'] } });
      assert.deepEqual(roundTimes(m, { year: 2026, week: 48 }).reminders.map(iso),
        ['2026-11-24T07:15:00.000Z', '2026-11-24T10:00:00.000Z', '2026-11-24T11:30:00.000Z']);
    });

    it('follows another schedule and zone from the configuration', () => {
      const m = municipality({
        timeZone: 'Europe/Helsinki',
        schedule: {
          prompts: { day: 'monday', time: '08:00' },
          deadline: { day: 'thursday', time: '16:00' },
          reminders: ['12:00'],
          picture: { day: 'friday', time: '09:00' },
          meeting: { day: 'friday', time: '10:00' },
        },
      });
      const t = roundTimes(m, { year: 2026, week: 48 });
      assert.equal(iso(t.promptsAt), '2026-11-23T06:00:00.000Z'); // Helsinki is UTC+2 in winter
      assert.equal(iso(t.deadline), '2026-11-26T14:00:00.000Z');
      assert.deepEqual(t.reminders.map(iso), ['2026-11-26T10:00:00.000Z']); // on the deadline's day
      assert.equal(iso(t.meetingAt), '2026-11-27T08:00:00.000Z');
    });
  });

  describe('currentWeek', () => {
    it('reads the week on the municipality\'s clock, so Sunday 23:30Z in winter is next week', () => {
      assert.deepEqual(currentWeek(municipality(), new Date('2027-01-03T23:30:00Z')), W01_2027);
      assert.deepEqual(currentWeek(municipality(), new Date('2027-01-03T22:30:00Z')), W53);
    });
  });

  describe('cardWeekState', () => {
    const m = municipality();

    it('is open on Tuesday 12:59 in week 53', () => {
      assert.equal(cardWeekState(m, W53, new Date('2026-12-29T11:59:00Z')), 'open');
    });

    it('is late from Tuesday 13:00 in week 53', () => {
      assert.equal(cardWeekState(m, W53, new Date('2026-12-29T12:00:00Z')), 'late');
    });

    it('is open on the Monday of the week, before prompts go out', () => {
      assert.equal(cardWeekState(m, W53, new Date('2026-12-27T23:00:00Z')), 'open'); // Monday 00:00 local
    });

    it('stays late until the last minute of Sunday, local time', () => {
      assert.equal(cardWeekState(m, W53, new Date('2027-01-03T22:59:00Z')), 'late'); // Sunday 23:59 local
    });

    it('is closed for week 53 from Monday 00:00 local of the next week', () => {
      assert.equal(cardWeekState(m, W53, new Date('2027-01-03T23:00:00Z')), 'closed');
    });

    it('is closed for a card from week 52 during week 53', () => {
      assert.equal(cardWeekState(m, W52, new Date('2026-12-29T09:00:00Z')), 'closed');
    });

    it('is future for a card from 2027-W01 during 2026-W53', () => {
      assert.equal(cardWeekState(m, W01_2027, new Date('2026-12-29T09:00:00Z')), 'future');
    });

    it('uses the summer deadline in a summer week: 12:59 local is open, 13:00 local is late', () => {
      const june = { year: 2026, week: 24 };
      assert.equal(cardWeekState(m, june, new Date('2026-06-09T10:59:00Z')), 'open');
      assert.equal(cardWeekState(m, june, new Date('2026-06-09T11:00:00Z')), 'late');
    });
  });
});
