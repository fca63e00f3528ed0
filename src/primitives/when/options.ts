import { InvalidParamsError } from '../types';
import { isValidDate, type CivilDate } from './calendar';
import { canonicalTimeZone, offsetMinutesAt, wallClockWithOffset } from './zone';

/**
 * The params the date, time and datetime primitives share, and what they
 * mean once read: the moment "today", "tomorrow" and "Friday" are counted
 * from, in the caller's time zone, and which way an incomplete date points.
 */
export type Tense = 'future' | 'past' | 'any';

export const WHEN_PARAMS = ['reference_time', 'timezone', 'tense'] as const;

export const DEFAULT_TIMEZONE = 'Australia/Sydney';

export interface WhenOptions {
  /** IANA name, canonical spelling. */
  timezone: string;
  /**
   * future: an incomplete date is the next one (a booking), and a complete one
   * must not be in the past; past: the last one (an incident, a date of birth),
   * and not in the future; any: the nearest, either way.
   */
  tense: Tense;
  /** The reference instant, ms since the epoch. */
  reference: number;
  /** The caller's UTC offset at the reference, in minutes (what chrono-node needs). */
  offsetMinutes: number;
  /** The caller's date at the reference. */
  today: CivilDate;
  /** Minutes since the caller's midnight at the reference. */
  minuteOfDay: number;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Reads reference_time, timezone and tense; throws InvalidParamsError naming the field. */
export function readWhenOptions(params: Readonly<Record<string, string>>, now: number): WhenOptions {
  const timezone = readTimezone(params.timezone);
  const reference = readReferenceTime(params.reference_time, now);
  const tense = readTense(params.tense);
  const offsetMinutes = offsetMinutesAt(timezone, reference);
  const wall = wallClockWithOffset(reference, offsetMinutes);
  return {
    timezone,
    tense,
    reference,
    offsetMinutes,
    today: { year: wall.year, month: wall.month, day: wall.day },
    minuteOfDay: wall.hour * 60 + wall.minute,
  };
}

function present(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function readTimezone(raw: string | undefined): string {
  const value = present(raw);
  if (value === undefined) return DEFAULT_TIMEZONE;
  const zone = canonicalTimeZone(value);
  if (zone === undefined) {
    throw new InvalidParamsError('params.timezone', `params.timezone must be an IANA time zone such as Australia/Sydney, got "${raw}"`);
  }
  return zone;
}

function readReferenceTime(raw: string | undefined, now: number): number {
  const value = present(raw);
  if (value === undefined) return now;
  const m = ISO_WITH_OFFSET.exec(value);
  const fail = (): never => {
    throw new InvalidParamsError(
      'params.reference_time',
      `params.reference_time must be an ISO 8601 date and time with a UTC offset, e.g. 2026-11-26T09:30:00+11:00, got "${raw}"`,
    );
  };
  if (m === null) return fail();
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Date.parse rolls 30 February over into March: check the fields ourselves.
  if (!isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || second > 59) return fail();
  // Date.parse wants the offset's colon ("+1100" is written "+11:00").
  const instant = Date.parse(m[7].length === 5 ? `${value.slice(0, -2)}:${value.slice(-2)}` : value);
  return Number.isFinite(instant) ? instant : fail();
}

function readTense(raw: string | undefined): Tense {
  const value = present(raw)?.toLowerCase();
  if (value === undefined) return 'future';
  if (value === 'future' || value === 'past' || value === 'any') return value;
  throw new InvalidParamsError('params.tense', `params.tense must be one of future, past, any, got "${raw}"`);
}
