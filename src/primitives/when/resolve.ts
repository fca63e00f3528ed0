import {
  addDays,
  addMonths,
  compareDates,
  dayNumber,
  daysInMonth,
  isoDate,
  isValidDate,
  mondayOf,
  NAMED_DAYS,
  nthWeekdayOf,
  sameDate,
  weekdayOf,
  WEEKDAY_NAMES,
  type CivilDate,
} from './calendar';
import type { HeardDate } from './date-grammar';
import { monthDay } from './heard';
import type { Tense, WhenOptions } from './options';
import type { DateAsk } from './asks';
import { weekName } from './prompts';
import { speakDay, speakMonth } from './speak';

/**
 * Turns a date as said into a date in the caller's calendar, counted from
 * their today (options.today, in their zone) and pointed by the tense:
 *
 *   "Friday"         future: the coming Friday; past: the last one; any: the nearer.
 *                    Said on a Friday it is not today (that would be "today"): a week
 *                    away (with tense any, which way is asked).
 *   "this Friday"    the nearest Friday in the tense's direction, today included.
 *   "next Friday"    the coming Friday when that is also next week's; said on a
 *                    Thursday, next week's (tomorrow would be "tomorrow"); said on a
 *                    Wednesday, the 2 days' or the 9 days' Friday: asked.
 *   "last Friday"    the mirror of "next Friday".
 *   "Friday week"    a week after the coming Friday ("a fortnight on Friday": two).
 *   "the 5th"        the next 5th (tense future), the last one (past), the nearer (any).
 *   "5 March"        the next 5 March, the last one, or the nearer.
 *   "5/3/85"         1985 when the tense is past, 2085 never.
 *
 * A complete date that contradicts the tense (a booking for last week) is
 * refused with a question to ask (an `ask`: the prompts word it); so are weekdays that contradict the date ("Friday
 * the 12th" when the 12th is a Thursday): the caller chooses.
 */
export type DateResolution =
  | { kind: 'date'; date: CivilDate }
  /** More than one date fits: the caller chooses. */
  | { kind: 'choice'; dates: CivilDate[]; reason: string; ask: DateAsk }
  /** A period, not a day; `partial` keeps it so that "Tuesday" can complete "next week". */
  | { kind: 'vague'; reason: string; ask: DateAsk; partial?: { week?: string; month?: string } }
  | { kind: 'invalid'; reason: string; ask: DateAsk };

export function resolveDate(heard: HeardDate, options: WhenOptions): DateResolution {
  const h = monthDay(heard);
  if (h.invalid !== undefined) {
    const { day, month } = h.invalid;
    const reason = `there is no ${speakDay(day)}${month === undefined ? '' : ` of ${speakMonth(month)}`}`;
    if (month !== undefined) {
      const year = h.year === undefined ? yearOfMonth(month, options) : h.twoDigitYear ? century(h.year % 100, options) : h.year;
      const offered = noSuchDate(day, month, year, options, reason);
      if (offered !== undefined) return offered;
    }
    return { kind: 'invalid', reason, ask: { type: 'no-such-day', day, month } };
  }
  if (h.vague !== undefined) return vague(h, options);

  let date: CivilDate | undefined;
  if (h.exact !== undefined) date = h.exact;
  else if (h.named !== undefined) date = nearest(options, (year) => NAMED_DAYS[h.named ?? '']?.(year));
  else if (h.nthWeekday !== undefined) {
    const { n, weekday, month, monthOffset } = h.nthWeekday;
    if (month !== undefined) date = nearest(options, (year) => nthWeekdayOf(year, month, weekday, n));
    else {
      const m = addMonths({ ...options.today, day: 1 }, monthOffset ?? 0);
      date = nthWeekdayOf(m.year, m.month, weekday, n);
    }
  } else if (h.day !== undefined && h.month !== undefined && h.year !== undefined) {
    const year = h.twoDigitYear ? century(h.year % 100, options) : h.year;
    if (!isValidDate(year, h.month, h.day)) {
      const reason = `there is no ${speakDay(h.day)} of ${speakMonth(h.month)} in ${year}`;
      return (
        noSuchDate(h.day, h.month, year, options, reason, true) ?? {
          kind: 'invalid',
          reason,
          ask: { type: 'no-such-date', day: h.day, month: h.month, year },
        }
      );
    }
    date = { year, month: h.month, day: h.day };
  } else if (h.day !== undefined && h.month !== undefined) {
    const [month, day] = [h.month, h.day];
    // The 29th of February is the coming (or the last) February's, as any day of it would be: in a
    // year without one it is asked about, never moved to a leap year (nor rolled over to March).
    const year = yearOfMonth(month, options);
    if (!isValidDate(year, month, day)) {
      const reason = `there is no ${speakDay(day)} of ${speakMonth(month)} in ${year}`;
      return noSuchDate(day, month, year, options, reason) ?? { kind: 'invalid', reason, ask: { type: 'no-such-date', day, month, year } };
    }
    date = nearest(options, (y) => (isValidDate(y, month, day) ? { year: y, month, day } : undefined));
  } else if (h.day !== undefined && h.monthOffset !== undefined) {
    const month = addMonths({ ...options.today, day: 1 }, h.monthOffset);
    if (h.day > daysInMonth(month.year, month.month)) {
      const reason = `there is no ${speakDay(h.day)} of ${speakMonth(month.month)}`;
      return (
        noSuchDate(h.day, month.month, month.year, options, reason) ?? {
          kind: 'invalid',
          reason,
          ask: { type: 'no-such-date', day: h.day, month: month.month },
        }
      );
    }
    date = { ...month, day: h.day };
  } else if (h.day !== undefined) {
    const day = h.day;
    // "The 31st" said in June is the next month that has one: June has no 31st to be meant.
    date = nearestMonth(options, (m) => (day <= daysInMonth(m.year, m.month) ? { ...m, day } : undefined));
  } else if (h.weekday !== undefined) {
    return checkTense(weekdayDates(h, options), options, h);
  }
  if (date === undefined) return { kind: 'invalid', reason: 'no such date', ask: { type: 'date-not-found' } };

  if (h.weekday !== undefined && weekdayOf(date) !== h.weekday) return contradiction(date, h.weekday);
  return checkTense([date], options, h);
}

/** Several dates in one answer: fine when they are the same day said twice, a choice otherwise. */
export function resolveDates(heard: readonly HeardDate[], options: WhenOptions): DateResolution | undefined {
  if (heard.length === 0) return undefined;
  // One date said: nothing to narrow it against (narrow gives it back as it is).
  if (heard.length === 1) return resolveDate(heard[0], options);
  const resolved = narrow(heard).map((h) => resolveDate(h, options));
  if (resolved.length === 1) return resolved[0];
  const dates = resolved.filter((r): r is Extract<DateResolution, { kind: 'date' }> => r.kind === 'date').map((r) => r.date);
  if (dates.length === resolved.length && dates.every((d) => sameDate(d, dates[0]))) return resolved[0];
  const distinct = unique(resolved.flatMap((r) => (r.kind === 'date' ? [r.date] : r.kind === 'choice' ? r.dates : [])));
  if (distinct.length < 2) return resolved.find((r) => r.kind !== 'date') ?? resolved[0];
  return {
    kind: 'choice',
    dates: distinct,
    reason: 'two different dates in one answer',
    ask: { type: 'which-said', dates: distinct },
  };
}

/**
 * A period said with a day in it is that day: "next week, say Tuesday",
 * "in March, on the 14th". A period said beside a day is dropped.
 */
function narrow(heard: readonly HeardDate[]): HeardDate[] {
  const weekdayOnly = (h: HeardDate) =>
    h.weekday !== undefined &&
    h.day === undefined &&
    h.exact === undefined &&
    h.named === undefined &&
    (h.weekdayRule ?? 'bare') === 'bare';
  const dayOnly = (h: HeardDate) => h.day !== undefined && h.month === undefined && h.exact === undefined && h.monthOffset === undefined;
  const week = heard.find((h) => h.vague?.what === 'week');
  const month = heard.find((h) => h.vague?.what === 'month' && h.vague.month !== undefined);
  let out = heard.map((h) => {
    if (week?.vague?.what === 'week' && weekdayOnly(h)) {
      const n = week.vague.weeksFromNow;
      return { ...h, weekdayRule: n > 0 ? ('next-week' as const) : n === 0 ? ('this-week' as const) : ('last-week' as const) };
    }
    if (month?.vague?.what === 'month' && dayOnly(h)) return { ...h, month: month.vague.month, year: month.vague.year };
    return h;
  });
  if (out.some((h) => h.vague === undefined && h.invalid === undefined))
    out = out.filter((h) => h.vague === undefined || h.vague.what === 'weekend');
  return out;
}

function weekdayDates(h: HeardDate, options: WhenOptions): CivilDate[] {
  const today = options.today;
  const w = h.weekday ?? 0;
  const w0 = weekdayOf(today);
  const ahead = (w - w0 + 7) % 7;
  const back = (w0 - w + 7) % 7;
  const inWeek = (monday: CivilDate) => addDays(monday, (w + 6) % 7);
  const thisMonday = mondayOf(today);
  const weeks = h.weeksAfter ?? 0;
  switch (h.weekdayRule ?? 'bare') {
    case 'coming':
      // "Tuesday week" said on a Tuesday: a week today, or a week after next Tuesday.
      if (ahead === 0 && weeks > 0) return [addDays(today, 7 * weeks), addDays(today, 7 * (weeks + 1))];
      return [addDays(today, (ahead === 0 ? 7 : ahead) + 7 * weeks)];
    case 'gone':
      return [addDays(today, -(back === 0 ? 7 : back))];
    case 'next-week':
      return [inWeek(addDays(thisMonday, 7))];
    case 'this-week':
      return [inWeek(thisMonday)];
    case 'last-week':
      return [inWeek(addDays(thisMonday, -7))];
    case 'next':
      // Nobody says "next Friday" for tomorrow: then it is next week's.
      if (ahead === 1) return [inWeek(addDays(thisMonday, 7))];
      return unique([addDays(today, ahead === 0 ? 7 : ahead), inWeek(addDays(thisMonday, 7))]);
    case 'last':
      // Nor "last Wednesday" for yesterday.
      if (back === 1) return [inWeek(addDays(thisMonday, -7))];
      return unique([addDays(today, -(back === 0 ? 7 : back)), inWeek(addDays(thisMonday, -7))]);
    case 'this':
      if (options.tense === 'past') return [addDays(today, -back)];
      if (options.tense === 'future') return [addDays(today, ahead)];
      return [ahead <= 3 ? addDays(today, ahead) : addDays(today, -back)];
    case 'bare':
      // "Thursday" said on a Thursday: today, or a week away? Speakers differ, so it is asked
      // (today or next week's; with tense past today or last week's; with any, all three).
      if (ahead === 0) {
        if (options.tense === 'future') return [today, addDays(today, 7)];
        if (options.tense === 'past') return [addDays(today, -7), today];
        return [addDays(today, -7), today, addDays(today, 7)];
      }
      if (options.tense === 'future') return [addDays(today, ahead)];
      if (options.tense === 'past') return [addDays(today, -back)];
      return [ahead <= 3 ? addDays(today, ahead) : addDays(today, -back)];
  }
}

/** One date left after the tense: a value; several: a choice; none: the tense refuses them. */
function checkTense(dates: CivilDate[], options: WhenOptions, h: HeardDate): DateResolution {
  const allowed = dates.filter((d) => fitsTense(d, options.tense, options.today));
  if (allowed.length === 1) return { kind: 'date', date: allowed[0] };
  if (allowed.length > 1) {
    const weekday = h.weekday !== undefined && h.day === undefined ? WEEKDAY_NAMES[h.weekday] : undefined;
    return {
      kind: 'choice',
      dates: allowed,
      reason: weekday !== undefined ? `"${weekday}" could be more than one day` : 'more than one date fits',
      ask: { type: 'which-fits', dates: allowed },
    };
  }
  const date = dates[0];
  if (options.tense === 'future') return { kind: 'invalid', reason: `${isoDate(date)} has already passed`, ask: { type: 'passed', date } };
  return { kind: 'invalid', reason: `${isoDate(date)} is still to come`, ask: { type: 'to-come', date } };
}

export function fitsTense(date: CivilDate, tense: Tense, today: CivilDate): boolean {
  if (tense === 'future') return compareDates(date, today) >= 0;
  if (tense === 'past') return compareDates(date, today) <= 0;
  return true;
}

/** "Friday the 12th" when the 12th is a Thursday: the 12th, or the Friday nearest it. */
function contradiction(date: CivilDate, weekday: number): DateResolution {
  const shift = ((weekday - weekdayOf(date) + 10) % 7) - 3; // -3 … +3
  const other = addDays(date, shift);
  const dates = [date, other].sort(compareDates);
  return {
    kind: 'choice',
    dates,
    reason: `${isoDate(date)} is a ${WEEKDAY_NAMES[weekdayOf(date)]}, not a ${WEEKDAY_NAMES[weekday]}`,
    ask: { type: 'wrong-weekday', date, dates },
  };
}

function vague(h: HeardDate, options: WhenOptions): DateResolution {
  const v = h.vague;
  const today = options.today;
  if (v === undefined) return { kind: 'invalid', reason: 'no date heard', ask: { type: 'no-date' } };
  switch (v.what) {
    case 'week': {
      const monday = addDays(mondayOf(today), 7 * v.weeksFromNow);
      const which = weekName(v.weeksFromNow);
      return {
        kind: 'vague',
        reason: `"${which}" is not a day`,
        ask: { type: 'day-in-week', weeksFromNow: v.weeksFromNow },
        partial: { week: isoDate(monday) },
      };
    }
    case 'month': {
      let first: CivilDate;
      if (v.monthsFromNow !== undefined) first = addMonths({ ...today, day: 1 }, v.monthsFromNow);
      else if (v.year !== undefined) first = { year: v.year, month: v.month ?? 1, day: 1 };
      else {
        const month = v.month ?? today.month;
        first = nearest(
          options,
          (year) => ({ year, month, day: 1 }),
          1,
          (d) => ({ ...d, day: daysInMonth(d.year, d.month) }),
        ) ?? { year: today.year, month, day: 1 };
      }
      const name = speakMonth(first.month);
      return {
        kind: 'vague',
        reason: `"${name}" is not a day`,
        ask: { type: 'day-in-month', month: first.month },
        partial: { month: isoDate(first).slice(0, 7) },
      };
    }
    case 'weekend': {
      const saturday = weekdayDates(
        { ...h, weekday: 6, weekdayRule: v.rule },
        { ...options, tense: options.tense === 'any' ? 'future' : options.tense },
      )[0];
      const dates = [saturday, addDays(saturday, 1)].filter((d) => fitsTense(d, options.tense, today));
      if (dates.length === 1) return { kind: 'date', date: dates[0] };
      return {
        kind: 'choice',
        dates,
        reason: 'a weekend is two days',
        ask: { type: 'weekend-day', dates },
      };
    }
    case 'other':
      return { kind: 'vague', reason: v.reason, ask: { type: 'exact-day' } };
  }
}

/**
 * The date a yearless day falls on, pointed by the tense: the first on or
 * after today (future), the last on or before it (past), the nearer (any).
 * `span` is how many years either side to look (the 29th of February needs eight).
 */
function nearest(
  options: WhenOptions,
  inYear: (year: number) => CivilDate | undefined,
  span = 1,
  lastDayOf: (d: CivilDate) => CivilDate = (d) => d,
): CivilDate | undefined {
  const candidates: CivilDate[] = [];
  for (let year = options.today.year - span; year <= options.today.year + span; year++) {
    const d = inYear(year);
    if (d !== undefined) candidates.push(d);
  }
  return pick(candidates, options, lastDayOf);
}

/** Like nearest, month by month: "the 31st" is the next month that has one. */
function nearestMonth(options: WhenOptions, inMonth: (m: { year: number; month: number }) => CivilDate | undefined): CivilDate | undefined {
  const candidates: CivilDate[] = [];
  for (let i = -13; i <= 13; i++) {
    const m = addMonths({ ...options.today, day: 1 }, i);
    const d = inMonth(m);
    if (d !== undefined) candidates.push(d);
  }
  return pick(candidates, options);
}

function pick(candidates: CivilDate[], options: WhenOptions, lastDayOf: (d: CivilDate) => CivilDate = (d) => d): CivilDate | undefined {
  const today = options.today;
  if (options.tense === 'future') return candidates.find((d) => compareDates(lastDayOf(d), today) >= 0);
  if (options.tense === 'past') return [...candidates].reverse().find((d) => compareDates(d, today) <= 0);
  let best: CivilDate | undefined;
  for (const d of candidates) {
    if (best === undefined || Math.abs(dayNumber(d) - dayNumber(today)) < Math.abs(dayNumber(best) - dayNumber(today))) best = d;
  }
  return best;
}

/**
 * A day its month has not got ("the 31st of April", "the 29th of February 2027"): never rolled
 * over. The caller is offered the month's last day and the next month's first, when both fit
 * the tense (`always`: even when not, for a date given whole, so the year said is kept);
 * undefined when they do not, and the date is refused with a question instead.
 */
function noSuchDate(
  day: number,
  month: number,
  year: number,
  options: WhenOptions,
  reason: string,
  always = false,
): DateResolution | undefined {
  if (day > 31 || day <= daysInMonth(year, month)) return undefined;
  const last = { year, month, day: daysInMonth(year, month) };
  const dates = [last, addDays(last, 1)];
  if (!always && !dates.every((d) => fitsTense(d, options.tense, options.today))) return undefined;
  return { kind: 'choice', dates, reason, ask: { type: 'no-such-date', day, month, year, dates } };
}

/** The year of the month a yearless day of it points to: the coming one (future), the last one (past), the nearer (any). */
function yearOfMonth(month: number, options: WhenOptions): number {
  const first = nearest(
    options,
    (year) => ({ year, month, day: 1 }),
    1,
    (d) => ({ ...d, day: daysInMonth(d.year, d.month) }),
  );
  return first?.year ?? options.today.year;
}

/** A two-digit year: 2000s unless that is in the future of a past date, then 1900s. */
function century(yy: number, options: WhenOptions): number {
  const recent = 2000 + yy;
  const older = 1900 + yy;
  if (options.tense === 'future') return recent;
  if (options.tense === 'past') return recent <= options.today.year ? recent : older;
  return Math.abs(recent - options.today.year) <= Math.abs(older - options.today.year) ? recent : older;
}

function unique(dates: CivilDate[]): CivilDate[] {
  const seen = new Map<number, CivilDate>();
  for (const d of dates) seen.set(dayNumber(d), d);
  return [...seen.values()].sort(compareDates);
}
