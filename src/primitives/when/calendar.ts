/**
 * Civil (wall-calendar) dates: a year, month and day with no time zone. All
 * date arithmetic of the date and time primitives happens here, on day
 * numbers, so that it never depends on the machine's time zone.
 */
import { wordTable } from '../spoken/keys';

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const DAY_MS = 86_400_000;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Days since 1970-01-01 (the proleptic Gregorian calendar), as
 * Date.UTC(year, month - 1, day) / DAY_MS gives for whole numbers, without a
 * Date: Date.UTC reads years 0–99 as 1900–1999, and lets months run over into
 * the next year; days are counted from the 1st.
 */
export function dayNumber(date: CivilDate): number {
  if (!Number.isInteger(date.year) || !Number.isInteger(date.month) || !Number.isInteger(date.day)) {
    return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
  }
  const m0 = date.month - 1;
  let year = (date.year >= 0 && date.year <= 99 ? date.year + 1900 : date.year) + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  // Days from civil (Howard Hinnant): years counted from March, so the leap day comes last.
  if (month <= 2) year--;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468 + date.day - 1;
}

/** The date of a day number, as new Date(n * DAY_MS)'s UTC fields give it, without a Date (civil from days, Howard Hinnant). */
export function fromDayNumber(n: number): CivilDate {
  if (!Number.isInteger(n) || Math.abs(n) > 100_000_000) {
    const d = new Date(n * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Negative when a is before b. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function sameDate(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CivilDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** The Monday of the (Monday-to-Sunday) week holding the date: how Australians count weeks. */
export function mondayOf(date: CivilDate): CivilDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** Adds calendar months, clamping the day ("a month from the 31st of January" is the 28th/29th of February). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * A value starting yyyy-mm-dd with the year and the day hidden: what
 * `value.replace(/^\d{4}-(\d{2})-\d{2}/, '****-$1-**')` gives (the month
 * alone identifies no one).
 */
export function maskIsoDate(value: string): string {
  const digit = (i: number): boolean => value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57;
  const shaped = value.length >= 10 && value[4] === '-' && value[7] === '-' && [0, 1, 2, 3, 5, 6, 8, 9].every(digit);
  return shaped ? `****-${value.slice(5, 7)}-**${value.slice(10)}` : value;
}

export function parseIsoDate(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/** Easter Sunday (Anonymous Gregorian algorithm): Good Friday and Easter Monday are public holidays everywhere in Australia. */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The n-th (1-based) given weekday of a month: Melbourne Cup Day is the first Tuesday in November. */
export function nthWeekdayOf(year: number, month: number, weekday: number, n: number): CivilDate | undefined {
  if (n < 0) {
    // the last one
    const last = { year, month, day: daysInMonth(year, month) };
    return { year, month, day: last.day - ((weekdayOf(last) - weekday + 7) % 7) };
  }
  const first = { year, month, day: 1 };
  const day = 1 + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
  return day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

/**
 * Days Australian callers name instead of a date. Each gives the date in a
 * given year; the resolver picks the year from the tense.
 */
export const NAMED_DAYS: Readonly<Record<string, (year: number) => CivilDate>> = wordTable({
  'new-years-day': (year) => ({ year, month: 1, day: 1 }),
  'australia-day': (year) => ({ year, month: 1, day: 26 }),
  'valentines-day': (year) => ({ year, month: 2, day: 14 }),
  'good-friday': (year) => addDays(easterSunday(year), -2),
  'easter-saturday': (year) => addDays(easterSunday(year), -1),
  'easter-sunday': (year) => easterSunday(year),
  'easter-monday': (year) => addDays(easterSunday(year), 1),
  'anzac-day': (year) => ({ year, month: 4, day: 25 }),
  'melbourne-cup-day': (year) => nthWeekdayOf(year, 11, 2, 1) as CivilDate,
  'christmas-eve': (year) => ({ year, month: 12, day: 24 }),
  'christmas-day': (year) => ({ year, month: 12, day: 25 }),
  'boxing-day': (year) => ({ year, month: 12, day: 26 }),
  'new-years-eve': (year) => ({ year, month: 12, day: 31 }),
});
