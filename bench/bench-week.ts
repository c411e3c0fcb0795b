import type { IsoWeek } from '../domain/iso-week';

/**
 * The week every section plays: ISO week 49 of 2026, Tuesday 1 December. Stockholm is UTC+1
 * then, so 09:00 local is 08:00Z. The domain clock is fixed at these instants; rate limits and
 * timings use real time.
 */
export const BENCH_WEEK: IsoWeek = { year: 2026, week: 49 };
export const BENCH_WEEK_KEY = '2026-W49';
export const TUESDAY_0900 = '2026-12-01T08:00:00Z';
export const TUESDAY_1000 = '2026-12-01T09:00:00Z';
export const TUESDAY_1100 = '2026-12-01T10:00:00Z';
export const TUESDAY_1230 = '2026-12-01T11:30:00Z';
export const WEDNESDAY_1430 = '2026-12-02T13:30:00Z';
export const THURSDAY_1000 = '2026-12-03T09:00:00Z';
export const THURSDAY_1005 = '2026-12-03T09:05:00Z';
