/**
 * Wall-clock time in an IANA time zone, computed with the platform's Intl data, so that
 * "Tuesday 09:00 Europe/Stockholm" is right on both sides of a daylight-saving change.
 */

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows the zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone, as the platform's Intl data gives it (uncached). */
export function readLocal(instant: Date, timeZone: string): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!, month: parts.month!, day: parts.day!,
    hour: parts.hour!, minute: parts.minute!, second: parts.second!,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const l = readLocal(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * A zone's offset per UTC hour, for `toLocal`: `formatToParts` costs about 10 µs and a submit
 * reads four instants (measured ~3 % of its CPU apart from the store). An hour's offset is kept
 * when its first and last second agree; an hour holding a transition (no zone has two within
 * one hour) is read from Intl each time. Years 1900–9999 only, where Date.UTC and Intl agree.
 */
const HOUR_MS = 3_600_000;
const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_UNTIL = Date.UTC(9999, 11, 31);
const hourOffsets = new Map<string, number | null>();
const MAX_REMEMBERED_HOURS = 10_000;

function offsetInHour(ms: number, timeZone: string): number | null {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const first = offsetMs(new Date(hour * HOUR_MS), timeZone);
    const last = offsetMs(new Date((hour + 1) * HOUR_MS - 1000), timeZone);
    offset = first === last ? first : null;
    if (hourOffsets.size >= MAX_REMEMBERED_HOURS) hourOffsets.delete(hourOffsets.keys().next().value as string);
    hourOffsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock reading of an instant in a zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime & { second: number } {
  const ms = instant.getTime();
  const offset = ms >= FAST_FROM && ms < FAST_UNTIL ? offsetInHour(ms, timeZone) : null;
  if (offset === null) return readLocal(instant, timeZone);
  const l = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return {
    year: l.getUTCFullYear(), month: l.getUTCMonth() + 1, day: l.getUTCDate(),
    hour: l.getUTCHours(), minute: l.getUTCMinutes(), second: l.getUTCSeconds(),
  };
}

/**
 * The instant at which a zone's clocks show the given wall time. In the autumn's repeated hour
 * the earlier instant wins; a time skipped in spring maps to the instant one hour later.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The zone's offsets a day either side: equal except near a change. A candidate is right when
  // the zone's offset at that instant is the one used to reach it.
  const before = offsetMs(new Date(naive - 86_400_000), timeZone);
  const after = offsetMs(new Date(naive + 86_400_000), timeZone);
  const matches = [naive - before, naive - after].filter((t) => offsetMs(new Date(t), timeZone) === naive - t);
  return new Date(matches.length > 0 ? Math.min(...matches) : naive - before);
}

/** "HH:MM" in a zone, for messages. */
export function formatLocalTime(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" in a zone. */
export function formatLocalDate(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}
