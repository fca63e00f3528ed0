import { normaliseUtterance, splitSelfCorrections } from '../spoken/normalise';
import { readDates, type HeardDate } from './date-grammar';
import type { WhenOptions } from './options';
import { applyDayPart, scanTimes, type DayPart, type HeardTime } from './time-grammar';
import { WEEKDAY_NAMES } from './calendar';
import { canonicalWords, MONTH_WORDS, type WordsHint } from './words';

/**
 * What a caller said about a date and a time in one utterance, before the
 * dates are resolved: the self-corrections applied ("Tuesday at 3, sorry,
 * 4" is Tuesday at 4; the last correction wins, and one that gives only part
 * of the value keeps the rest), values the caller negated dropped ("4, not
 * 3"), and what is left of several values kept for the caller to choose from.
 */
export interface Heard {
  /** The dates still standing; more than one that differ means the caller must choose. */
  dates: HeardDate[];
  times: HeardTime[];
  /** The part of the day said last, when only one was. */
  dayPart?: DayPart;
  /** More than one part of the day in the last segment that gave one ("morning or arvo"). */
  dayPartsInConflict: boolean;
  /** Why the time as said cannot be booked ("after 3", "sometime"), when no usable time was heard. */
  vagueTime?: string;
  /** A bare number left over in the last segment ("15" after "the 14th, sorry"). */
  bareNumber?: number;
  /** The canonical text of every segment, for answers that are matched as words. */
  text: string;
}

/** Anything chrono or our date rules could read: a figure, a day or month name, a relative word, a named day. */
const DATE_WORDS = new RegExp(
  `\\d|\\b(${[...WEEKDAY_NAMES, ...MONTH_WORDS, 'mon', 'wed', 'sat', 'sun', 'today', 'tomorrow', 'yesterday', 'tonight', 'overmorrow', 'week', 'weeks', 'weekend', 'fortnight', 'month', 'months', 'year', 'day', 'days', 'christmas', 'easter', 'anzac', 'boxing', 'cup', 'new', 'valentines', 'now'].join('|')})\\b`,
);

interface Segment {
  dates: HeardDate[];
  times: HeardTime[];
  dayParts: DayPart[];
  vagueTime?: string;
  bareNumber?: number;
  text: string;
}

/**
 * Corrections beyond splitSelfCorrections: "3 pm no 4 pm", "Tuesday, nah,
 * Wednesday", "make that Friday". Not "no later than", nor the assent idioms.
 */
const MORE_CORRECTIONS =
  /\b(?:no|nah|nope|make that|or rather)\b(?! (?:later|earlier|sooner|more|less|worries|dramas|problem|problems)\b)/g;

/** Every one of MORE_CORRECTIONS has one of these. */
const MAY_CORRECT_MORE = /no|nah|make that|or rather/;

export function hear(utterance: string, options: WhenOptions, hint: WordsHint): Heard {
  const segments: Segment[] = [];
  for (const part of splitSelfCorrections(normaliseUtterance(utterance))) {
    if (!MAY_CORRECT_MORE.test(part)) {
      segments.push(readSegment(part, options, hint));
      continue;
    }
    for (const piece of part.split(MORE_CORRECTIONS)) {
      const s = piece.trim();
      if (s.length > 0) segments.push(readSegment(s, options, hint));
    }
  }
  const heard: Heard = {
    dates: [],
    times: [],
    dayPartsInConflict: false,
    text: segments.length === 1 ? segments[0].text : segments.map((s) => s.text).join(' '),
  };
  for (const seg of segments) fold(heard, seg);
  return heard;
}

function readSegment(text: string, options: WhenOptions, hint: WordsHint): Segment {
  const canonical = canonicalWords(text, hint);
  const scan = scanTimes(canonical, hint);
  const times = mayNegate(canonical) ? scan.times.filter((t) => !negated(canonical, t.start)) : scan.times;
  // A time answer's dates do not matter, and most segments have no date words.
  let dates: HeardDate[] = [];
  if (hint !== 'time' && DATE_WORDS.test(scan.rest)) {
    const read = readDates(scan.rest, options);
    dates = mergeAdjacent(mayNegate(scan.rest) ? read.filter((d) => !negated(scan.rest, d.start)) : read, scan.rest);
  }
  const bareNumber = dates.length === 0 && times.length === 0 ? onlyNumber(scan.rest) : undefined;
  return { dates, times, dayParts: scan.dayParts, vagueTime: scan.vague, bareNumber, text: canonical };
}

const BARE_NUMBER = /(?<![\d/:.])\b\d{1,2}\b(?![\d/:.])/g;

/** The one number of one or two digits standing alone in the text, if there is exactly one. */
function onlyNumber(text: string): number | undefined {
  BARE_NUMBER.lastIndex = 0;
  const first = BARE_NUMBER.exec(text);
  if (first === null || BARE_NUMBER.exec(text) !== null) return undefined;
  return Number(first[0]);
}

const NEGATION = /\b(not|isnt|aint|instead of|rather than)(?: on| at| the)?$/;

/** Whether any word that rules a value out is in the text (when none is, nothing is negated). */
function mayNegate(text: string): boolean {
  return (
    text.includes('not') || text.includes('isnt') || text.includes('aint') || text.includes('instead of') || text.includes('rather than')
  );
}

/** "not Tuesday", "isn't 3": the caller is ruling a value out. */
function negated(text: string, start: number): boolean {
  return NEGATION.test(text.slice(0, start).trim());
}

/**
 * Words between two halves of one date: "Friday, that's the 27th", "the 8th
 * of Dec, that's a Tuesday", "the 14th, which I think is a Thursday", "it'll
 * be a Monday". A weekday said this way confirms the date (and, if it does
 * not match, is asked about).
 */
const JOINING_WORDS = new Set([
  'the',
  'on',
  'of',
  'thats',
  'that',
  'is',
  'which',
  'so',
  'yeah',
  'yep',
  'be',
  'would',
  'will',
  'a',
  'an',
  'its',
  'it',
  'thatll',
  'itll',
  'should',
  'falls',
  'i',
  'think',
  'reckon',
  'believe',
]);

/** Joins what belongs to one date: "tomorrow, Friday", "Friday … the 27th" said as one. */
function mergeAdjacent(dates: HeardDate[], text: string): HeardDate[] {
  if (dates.length < 2) return dates;
  const out: HeardDate[] = [];
  for (const d of dates) {
    const prev = out[out.length - 1];
    if (prev !== undefined && onlyJoiningWords(text, prev.end, d.start) && complementary(prev, d)) {
      out[out.length - 1] = joined(prev, d);
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Whether text[from, to) has only joining words (split at spaces and commas). */
function onlyJoiningWords(text: string, from: number, to: number): boolean {
  for (const w of text.slice(from, to).split(/[\s,]+/)) if (w.length > 0 && !JOINING_WORDS.has(w)) return false;
  return true;
}

/** Two halves of one date: what the first said stands, the second fills in the rest (`{ ...prev, ...d, ...prev's defined parts }`). */
function joined(prev: HeardDate, d: HeardDate): HeardDate {
  return {
    exact: prev.exact ?? d.exact,
    year: prev.year ?? d.year,
    twoDigitYear: prev.twoDigitYear ?? d.twoDigitYear,
    month: prev.month ?? d.month,
    monthOffset: prev.monthOffset ?? d.monthOffset,
    day: prev.day ?? d.day,
    weekday: prev.weekday ?? d.weekday,
    weekdayRule: prev.weekdayRule ?? d.weekdayRule,
    weeksAfter: prev.weeksAfter ?? d.weeksAfter,
    nthWeekday: prev.nthWeekday ?? d.nthWeekday,
    named: prev.named ?? d.named,
    vague: prev.vague ?? d.vague,
    invalid: prev.invalid ?? d.invalid,
    start: prev.start,
    end: d.end,
  };
}

/** A weekday with a day, a day with a month said apart: parts of one date. */
function complementary(a: HeardDate, b: HeardDate): boolean {
  const onlyWeekday = (d: HeardDate) =>
    d.weekday !== undefined && d.day === undefined && d.exact === undefined && d.named === undefined && d.vague === undefined;
  const hasDay = (d: HeardDate) => (d.day !== undefined || d.exact !== undefined || d.named !== undefined) && d.weekday === undefined;
  const onlyDay = (d: HeardDate) => d.day !== undefined && d.month === undefined && d.weekday === undefined && d.exact === undefined;
  const onlyMonth = (d: HeardDate) => d.vague?.what === 'month' && d.vague.month !== undefined;
  return (onlyWeekday(a) && hasDay(b)) || (hasDay(a) && onlyWeekday(b)) || (onlyDay(a) && onlyMonth(b)) || (onlyMonth(a) && onlyDay(b));
}

/** A month said alone and a day said alone are one date: { day, month }. */
export function monthDay(d: HeardDate): HeardDate {
  if (d.vague?.what === 'month' && d.vague.month !== undefined && d.day !== undefined) {
    return {
      day: d.day,
      month: d.vague.month,
      year: d.vague.year,
      weekday: d.weekday,
      weekdayRule: d.weekdayRule,
      start: d.start,
      end: d.end,
    };
  }
  return d;
}

function fold(heard: Heard, seg: Segment): void {
  if (seg.dates.length > 0) {
    const prev = heard.dates.length === 1 ? heard.dates[0] : undefined;
    heard.dates = seg.dates.length === 1 && prev !== undefined ? [correctDate(prev, seg.dates[0])] : seg.dates;
  }
  if (seg.times.length > 0) {
    const prev = heard.times.length === 1 ? heard.times[0] : undefined;
    heard.times = seg.times.length === 1 && prev !== undefined ? [correctTime(prev, seg.times[0])] : seg.times;
    heard.vagueTime = seg.vagueTime;
  } else if (seg.vagueTime !== undefined) {
    heard.vagueTime = seg.vagueTime;
  }
  if (seg.dayParts.length > 0) {
    heard.dayPart = seg.dayParts.length === 1 ? seg.dayParts[0] : undefined;
    heard.dayPartsInConflict = seg.dayParts.length > 1;
    // "at 9 in the morning, no, the evening": the part of the day changes the time already heard.
    if (seg.times.length === 0 && heard.dayPart !== undefined) {
      heard.times = heard.times.map((t) => {
        const again: HeardTime = { ...t, hour: t.hour % 12 === 0 ? 12 : t.hour % 12, decided: false, conflict: false };
        applyDayPart(again, heard.dayPart as DayPart);
        return again;
      });
    }
  }
  if (seg.bareNumber !== undefined && seg.dates.length === 0 && seg.times.length === 0) {
    // "the 14th, sorry, 15": a number alone after a day is the day.
    const prev = heard.dates.length === 1 ? heard.dates[0] : undefined;
    if (prev !== undefined && prev.day !== undefined && heard.times.length === 0 && seg.bareNumber >= 1 && seg.bareNumber <= 31) {
      heard.dates = [{ ...prev, day: seg.bareNumber, weekday: undefined, weekdayRule: undefined }];
    } else {
      heard.bareNumber = seg.bareNumber;
    }
  }
}

/** A correction that gives part of a date keeps the rest: "the 14th of March, sorry, the 15th". */
export function correctDate(prev: HeardDate, next: HeardDate): HeardDate {
  const onlyDay =
    next.day !== undefined &&
    next.month === undefined &&
    next.weekday === undefined &&
    next.exact === undefined &&
    next.monthOffset === undefined;
  if (onlyDay) {
    if (prev.month !== undefined) return { ...next, month: prev.month, year: prev.year, twoDigitYear: prev.twoDigitYear };
    if (prev.exact !== undefined) return { ...next, month: prev.exact.month, year: prev.exact.year };
    if (prev.monthOffset !== undefined) return { ...next, monthOffset: prev.monthOffset };
    if (prev.vague?.what === 'month') return monthDay({ ...prev, day: next.day });
    return next;
  }
  // "the 5th of March, sorry, April": a month alone keeps the day.
  if (next.vague?.what === 'month' && next.vague.month !== undefined && prev.day !== undefined) {
    return { day: prev.day, month: next.vague.month, year: next.vague.year, start: next.start, end: next.end };
  }
  return next;
}

/**
 * A correction that gives only an hour keeps what it does not say: "3 pm,
 * sorry, 4" is 4 pm; "half past three, no, four" is half past four.
 */
export function correctTime(prev: HeardTime, next: HeardTime): HeardTime {
  if (next.fromReference !== undefined || prev.fromReference !== undefined) return next;
  const out = { ...next };
  if (next.minute === 0 && !next.relativeMinutes && prev.relativeMinutes) {
    out.minute = prev.minute;
    out.relativeMinutes = true;
  }
  if (!next.decided && prev.decided && !prev.conflict) {
    const pm = prev.hour >= 12;
    out.hour = pm ? (next.hour % 12) + 12 : next.hour % 12;
    out.decided = true;
  }
  return out;
}
