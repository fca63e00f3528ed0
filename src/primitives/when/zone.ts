import type { CivilDate } from './calendar';

/**
 * The caller's time zone, read with Intl. The server runs in UTC, so "today"
 * must never come from the machine clock's local fields: it is the wall date
 * in the caller's zone at the reference instant (before 10 or 11 am in Sydney
 * the UTC date is still yesterday).
 *
 * chrono-node takes a zone only as an offset in minutes or an abbreviation;
 * given an IANA name it silently falls back to machine time. offsetMinutesAt
 * gives it the offset instead.
 */

export interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-AU', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in the zone at the instant: the UTC fields of the instant moved by the zone's offset. */
export function wallClockAt(timeZone: string, instant: number): WallClock {
  return wallClockWithOffset(instant, offsetMinutesAt(timeZone, instant));
}

/** The wall clock at the instant, given the zone's offset then (for callers that already have it). */
export function wallClockWithOffset(instant: number, offsetMinutes: number): WallClock {
  const d = new Date(instant + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Minutes east of UTC in the zone at the instant: +660 in Sydney in summer, +600 in winter, +570 in Darwin. */
export function offsetMinutesAt(timeZone: string, instant: number): number {
  // Offsets change only on a quarter hour (DST, Lord Howe's half hour, Nepal's 45 minutes), so one
  // reading per zone and quarter hour serves every instant in it; Intl costs several µs a call.
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const cached = zone.get(quarter);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
  if (zone.size >= 10_000) zone.clear();
  zone.set(quarter, offset);
  return offset;
}

const QUARTER_HOUR = 15 * 60_000;
/** A zone's offsets by quarter hour (zones are the canonical names Intl knows, so few). */
const offsets = new Map<string, Map<number, number>>();

/** "+11:00", "+09:30", "-03:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant of a wall time in the zone, and the offset in force then (a
 * booking in May is +10:00 in Sydney even when made in November at +11:00).
 * Undefined for a wall time that does not exist: the hour skipped when
 * daylight saving starts. In the repeated hour when it ends, the first
 * (daylight) reading is taken.
 */
export function zonedInstant(
  timeZone: string,
  date: CivilDate,
  hour: number,
  minute: number,
): { instant: number; offsetMinutes: number } | undefined {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Offsets either side of the wall time: try the larger first so the repeated hour reads as daylight time.
  const candidates = [offsetMinutesAt(timeZone, wallAsUtc - 86_400_000), offsetMinutesAt(timeZone, wallAsUtc + 86_400_000)].sort(
    (a, b) => b - a,
  );
  for (const offset of candidates) {
    const instant = wallAsUtc - offset * 60_000;
    const wall = wallClockAt(timeZone, instant);
    if (wall.year === date.year && wall.month === date.month && wall.day === date.day && wall.hour === hour && wall.minute === minute) {
      return { instant, offsetMinutes: offsetMinutesAt(timeZone, instant) };
    }
  }
  return undefined;
}
