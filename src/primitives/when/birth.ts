import { compareDates, daysInMonth, isoDate, type CivilDate } from './calendar';
import type { HeardDate } from './date-grammar';
import type { Heard } from './heard';
import type { WhenOptions } from './options';
import { readDatePart, type DatePart, type WhenPartial } from './parts';
import { resolveDate } from './resolve';

/**
 * A date read for what it is (param `kind`). A date of birth is the caller's own kind of date:
 *
 *   - a year is required: "the 14th of March" keeps the day and the month and asks for the year,
 *     which the next answer gives ("1985", "eighty five", or the whole date again);
 *   - it is in the past, and makes an age of 0 to 120;
 *   - it is never said relatively: "tomorrow", "next week", "Friday", "Christmas" are asked about.
 *
 * Appointments and events need nothing beyond the tense their kind sets (options.ts).
 */
export function readDatePartFor(heard: Heard, partial: WhenPartial | undefined, options: WhenOptions): DatePart {
  if (options.kind !== 'date_of_birth') return readDatePart(heard, partial, options);
  return ofAge(birthDatePart(heard, partial, options), options);
}

/** The oldest age a date of birth may make. */
export const MAX_AGE = 120;

function birthDatePart(heard: Heard, partial: WhenPartial | undefined, options: WhenOptions): DatePart {
  if (partial?.dates !== undefined) {
    // "The 28th of February, or the 1st of March 1985?" — "the first of March": one of the days offered.
    const chosen = readDatePart(heard, { dates: partial.dates }, options);
    if (chosen.kind === 'date' || (chosen.kind === 'ask' && chosen.ask.type === 'which-offered')) return chosen;
  }
  const waiting = partial?.birthday !== undefined ? monthDayOf(partial.birthday) : undefined;
  const whole = heard.dates.find((d) => d.year !== undefined || d.exact !== undefined);
  if (waiting !== undefined && whole === undefined) {
    // "The 14th of March … and the year?" — "1985".
    const year = saidYear(heard, options);
    if (year !== undefined) return placed(resolveDate({ ...waiting, year, start: 0, end: 0 }, options));
    if (heard.dates.length === 0) return yearAsk(waiting, false);
  }
  if (heard.dates.some(relative)) {
    return { kind: 'ask', ambiguous: false, reason: 'a date of birth is not said relatively', ask: { type: 'birth-exact' } };
  }
  const only = heard.dates.length === 1 ? heard.dates[0] : undefined;
  if (only !== undefined && only.year === undefined && only.day !== undefined && only.month !== undefined) {
    // A day and a month that exist in some year (the 29th of February does): the year is asked for.
    if (only.day <= daysInMonth(2024, only.month)) return yearAsk({ month: only.month, day: only.day }, true);
  }
  if (partial === undefined && only !== undefined && only.year === undefined && only.month === undefined && only.day !== undefined) {
    // "The 14th" alone is no date of birth (the last 14th would be a baby's): the whole date is asked for.
    return { kind: 'ask', ambiguous: false, reason: 'a date of birth needs its month and year', ask: { type: 'birth-exact' } };
  }
  return readDatePart(heard, partial?.birthday !== undefined ? undefined : partial, options);
}

/** Said relative to today, or a day of the year that is not a birth date: "tomorrow", "Friday", "Christmas", "next month". */
function relative(d: HeardDate): boolean {
  if (d.invalid !== undefined) return false;
  if (d.vague !== undefined) return !(d.vague.what === 'month' && d.vague.monthsFromNow === undefined);
  return (
    d.exact !== undefined ||
    d.weekdayRule !== undefined ||
    d.named !== undefined ||
    d.monthOffset !== undefined ||
    d.nthWeekday !== undefined ||
    (d.weekday !== undefined && d.day === undefined)
  );
}

function yearAsk(monthDay: { month: number; day: number }, first: boolean): DatePart {
  return {
    kind: 'ask',
    ambiguous: false,
    reason: 'a date of birth needs its year',
    ask: { type: 'birth-year', ...monthDay, again: !first },
    // The first time it is part of the date (not a failed attempt); asked again, the answer had no year in it.
    partial: first ? { birthday: `${String(monthDay.month).padStart(2, '0')}-${String(monthDay.day).padStart(2, '0')}` } : undefined,
  };
}

function placed(resolved: ReturnType<typeof resolveDate>): DatePart {
  switch (resolved.kind) {
    case 'date':
      return { kind: 'date', date: resolved.date };
    case 'choice':
      return { kind: 'ask', ambiguous: true, reason: resolved.reason, ask: resolved.ask, partial: { dates: resolved.dates.map(isoDate) } };
    default:
      return { kind: 'ask', ambiguous: false, reason: resolved.reason, ask: resolved.ask };
  }
}

/** A date of birth more than 120 years ago is asked about (the year was misheard, or is wrong). */
function ofAge(part: DatePart, options: WhenOptions): DatePart {
  if (part.kind !== 'date') return part;
  const oldest: CivilDate = { ...options.today, year: options.today.year - MAX_AGE };
  if (compareDates(part.date, oldest) >= 0) return part;
  return {
    kind: 'ask',
    ambiguous: false,
    reason: `a date of birth makes an age of 0 to ${MAX_AGE}`,
    ask: { type: 'birth-age', date: part.date },
  };
}

/** "1985", "nineteen eighty five", "eighty five", "born in 85": the year, its century from the tense (past). */
export function saidYear(heard: Heard, options: WhenOptions): number | undefined {
  const four = heard.text.match(/(?<![\d/:.])(?:1[89]|20)\d\d(?![\d/:.])/g);
  if (four !== null && four.length === 1) return Number(four[0]);
  if (four === null && heard.bareNumber !== undefined && heard.bareNumber < 100) {
    const yy = heard.bareNumber;
    return 2000 + yy <= options.today.year ? 2000 + yy : 1900 + yy;
  }
  return undefined;
}

function monthDayOf(text: string): { month: number; day: number } | undefined {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  return m === null ? undefined : { month: Number(m[1]), day: Number(m[2]) };
}
