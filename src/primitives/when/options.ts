import { declareParams, type ParamValues } from '../params/declaration';
import { readParams } from '../params/read-params';
import type { CivilDate } from './calendar';
import { offsetMinutesAt, wallClockWithOffset } from './zone';

/**
 * The params the date, time and datetime primitives share, and what they
 * mean once read: the moment "today", "tomorrow" and "Friday" are counted
 * from, in the caller's time zone, and which way an incomplete date points.
 */
export type Tense = 'future' | 'past' | 'any';

export const DEFAULT_TIMEZONE = 'Australia/Sydney';

/** The params of capture_date_au, capture_time_au and capture_datetime_au. */
export const WHEN_PARAMS = declareParams({
  reference_time: {
    type: 'iso-time',
    description: 'What "today", "tomorrow" and "Friday" are relative to (ISO 8601 with an offset); default: the runtime clock.',
  },
  timezone: {
    type: 'iana-zone',
    default: DEFAULT_TIMEZONE,
    description: "The caller's IANA time zone: relative dates resolve in it, never in the server's.",
  },
  tense: {
    type: 'enum',
    values: ['future', 'past', 'any'],
    default: 'future',
    description: 'Whether an underspecified date is in the future (a booking), the past (a date of birth) or either.',
  },
});

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

/** Reads reference_time, timezone and tense from the wire; throws InvalidParamsError naming the field. */
export function readWhenOptions(params: Readonly<Record<string, string>>, now: number): WhenOptions {
  return whenOptions(readParams(WHEN_PARAMS, params, { objectiveType: 'a date or time primitive' }), now);
}

/** What the params, once read, mean for the caller's today. */
export function whenOptions(values: ParamValues<typeof WHEN_PARAMS>, now: number): WhenOptions {
  const timezone = values.timezone;
  const reference = values.reference_time ?? now;
  const offsetMinutes = offsetMinutesAt(timezone, reference);
  const wall = wallClockWithOffset(reference, offsetMinutes);
  return {
    timezone,
    tense: values.tense,
    reference,
    offsetMinutes,
    today: { year: wall.year, month: wall.month, day: wall.day },
    minuteOfDay: wall.hour * 60 + wall.minute,
  };
}
