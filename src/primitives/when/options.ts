import { declareParams, type ParamValues } from '../params/declaration';
import { readParams } from '../params/read-params';
import { InvalidParamsError } from '../types';
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

/**
 * What a date is for (param `kind` of the date and datetime primitives): a date of birth is past,
 * has a year, makes an age of 0 to 120 and is never said relatively ("tomorrow"); an appointment
 * is in the future; an event is past. Absent ("none"): only the tense applies.
 */
export type DateKind = 'date_of_birth' | 'appointment' | 'event';

/** The tense each kind means: it is the tense's default when the kind is given. */
export const KIND_TENSE: Readonly<Record<DateKind, Tense>> = { date_of_birth: 'past', appointment: 'future', event: 'past' };

/** The params of capture_date_au and capture_datetime_au: the shared ones, and what the date is for. */
export const DATE_PARAMS = declareParams({
  ...WHEN_PARAMS,
  kind: {
    type: 'enum',
    values: ['none', 'date_of_birth', 'appointment', 'event'],
    default: 'none',
    description:
      'What the date is for: date_of_birth (past, a year is required, an age of 0 to 120, no relative words like "tomorrow"), ' +
      'appointment (future) or event (past); it sets the default tense, and a tense given that contradicts it is refused. Default none.',
  },
});

export interface WhenOptions {
  /** What the date is for (param `kind`); undefined when not said. */
  kind?: DateKind;
  /** IANA name, canonical spelling. */
  timezone: string;
  /**
   * future: an incomplete date is the next one (a booking), and a complete one
   * must not be in the past; past: the last one (an incident, a date of birth),
   * and not in the future; any: the nearest, either way.
   */
  tense: Tense;
  /**
   * Whether the objective looks forward because something said so: `kind` appointment, or `tense`
   * future given in the params (the declared default alone does not count). A datetime today whose
   * am reading has already passed is then the pm one ("today at half seven" at 4 pm is 19:30).
   */
  forward?: true;
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

/** Reads the date and datetime params (the shared ones and `kind`); throws InvalidParamsError naming the field. */
export function readDateOptions(params: Readonly<Record<string, string>>, now: number): WhenOptions {
  return dateOptions(readParams(DATE_PARAMS, params, { objectiveType: 'a date primitive' }), now, params);
}

/**
 * The date and datetime primitives' options: the shared ones, with the kind's tense. `given` is
 * the params as the caller sent them: the declared default tense (future) must not count as a
 * tense given, or every date of birth would contradict it.
 */
export function dateOptions(
  values: ParamValues<typeof DATE_PARAMS>,
  now: number,
  given: Readonly<Record<string, string>> = {},
): WhenOptions {
  if (values.kind === 'none') return whenOptions(values, now, given);
  const kind = values.kind;
  const tense = KIND_TENSE[kind];
  const saidTense = Object.hasOwn(given, 'tense') && given.tense.trim() !== '';
  if (saidTense && values.tense !== tense) {
    throw new InvalidParamsError(
      'params.tense',
      `params.tense "${values.tense}" contradicts params.kind "${kind}", which means a ${tense} date; leave params.tense out or make it ${tense}`,
    );
  }
  const options = { ...whenOptions({ ...values, tense }, now), kind };
  return kind === 'appointment' ? { ...options, forward: true } : options;
}

/** What the params, once read, mean for the caller's today. `given`: the params as sent (see `forward`). */
export function whenOptions(
  values: ParamValues<typeof WHEN_PARAMS>,
  now: number,
  given: Readonly<Record<string, string>> = {},
): WhenOptions {
  const timezone = values.timezone;
  const reference = values.reference_time ?? now;
  const offsetMinutes = offsetMinutesAt(timezone, reference);
  const wall = wallClockWithOffset(reference, offsetMinutes);
  const saidFuture = Object.hasOwn(given, 'tense') && given.tense.trim() !== '' && values.tense === 'future';
  return {
    ...(saidFuture ? { forward: true as const } : {}),
    timezone,
    tense: values.tense,
    reference,
    offsetMinutes,
    today: { year: wall.year, month: wall.month, day: wall.day },
    minuteOfDay: wall.hour * 60 + wall.minute,
  };
}
