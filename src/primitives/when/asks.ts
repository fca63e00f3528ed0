import type { CivilDate } from './calendar';

/**
 * What the date-time engine needs to ask the caller, as data. The engine
 * decides what to ask; the prompts (prompts.ts here, and each date or time
 * primitive's own) decide how it is said.
 */
export type DateAsk =
  /** A day the calendar has not got, as said: "the 32nd", "the 30th of February". */
  | { type: 'no-such-day'; day: number; month?: number }
  /**
   * A day the calendar has not got, once placed: "the 29th of February in 2027". `dates`: the
   * month's last day and the next month's first, offered to the caller.
   */
  | { type: 'no-such-date'; day: number; month: number; year?: number; dates?: CivilDate[] }
  | { type: 'date-not-found' }
  | { type: 'no-date' }
  /** Two different days said in one answer. */
  | { type: 'which-said'; dates: CivilDate[] }
  /** One day said that fits several ("Friday" said on a Friday, "next Friday"). */
  | { type: 'which-fits'; dates: CivilDate[] }
  /** The caller's answer to a choice still fits more than one of the days offered. */
  | { type: 'which-offered'; dates: CivilDate[] }
  /** The date is in the past, the tense says future (or the other way). */
  | { type: 'passed'; date: CivilDate }
  | { type: 'to-come'; date: CivilDate }
  /** "Friday the 12th" when the 12th is a Thursday: the date, or the weekday nearest it. */
  | { type: 'wrong-weekday'; date: CivilDate; dates: CivilDate[] }
  /** A week, not a day ("next week"). */
  | { type: 'day-in-week'; weeksFromNow: number }
  /** A month, not a day ("in March"). */
  | { type: 'day-in-month'; month: number }
  /** A weekend: which of its days. */
  | { type: 'weekend-day'; dates: CivilDate[] }
  /** Something no day can be made of ("as soon as possible", "every Friday"). */
  | { type: 'exact-day' }
  /** A date of birth said without its year: the year (`again`: the answer to that had none). */
  | { type: 'birth-year'; month: number; day: number; again: boolean }
  /** A date of birth said relatively ("tomorrow", "next Friday"): the date itself. */
  | { type: 'birth-exact' }
  /** A date of birth that makes an age over 120. */
  | { type: 'birth-age'; date: CivilDate }
  /** A repair of part of a date that names a part the date has not got ("not March" when it is April). */
  | { type: 'which-part'; date: CivilDate }
  /** A date cut off before its end ("the twenty", "the fifth of"): the rest of it. */
  | { type: 'rest-of-date'; said: string };

/** A time as heard, enough to say it back. */
export interface SaidTime {
  hour: number;
  minute: number;
  /** Whether am or pm was settled. */
  decided: boolean;
  /** "in twenty minutes". */
  fromReference?: number;
}

export type TimeAsk =
  /** Two different times in one answer. */
  | { type: 'which-time'; times: SaidTime[] }
  /** A twelve-hour time without its morning or afternoon. */
  /** `conflict`: a part of the day was said that does not fit the time ("tonight at 9 am"). */
  | { type: 'meridiem'; hour12: number; minute: number; conflict?: true }
  /** A range or a vague time ("between 2 and 4", "after lunch"). */
  | { type: 'exact-time' }
  /** A time cut off before its end ("at half", "quarter to"): the rest of it. */
  | { type: 'rest-of-time'; said: string };
