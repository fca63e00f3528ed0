import { normaliseUtterance } from '../spoken/normalise';
import { addDays, compareDates, isoDate, mondayOf, parseIsoDate, weekdayOf, type CivilDate } from './calendar';
import type { HeardDate } from './date-grammar';
import type { Heard } from './heard';
import type { WhenOptions } from './options';
import { fitsTense, resolveDate, resolveDates } from './resolve';
import type { DateAsk, TimeAsk } from './asks';
import { speakClock } from './speak';
import { applyDayPart, type DayPart, type HeardTime } from './time-grammar';

/**
 * The date part and the time part of an answer, each either settled, missing,
 * or a question to ask, taking into account what earlier turns left in the
 * objective's partial value. Keys of that partial value:
 *
 *   date     yyyy-mm-dd   a day already settled (datetime, waiting for the time)
 *   dates    [yyyy-mm-dd]  the days the caller was asked to choose from
 *   week     yyyy-mm-dd   the Monday of the week said ("next week": which day?)
 *   month    yyyy-mm      the month said ("in March": which day?)
 *   time     HH:MM        a time already settled (datetime, waiting for the day)
 *   clock    H:MM         a twelve-hour time waiting for "morning" or "afternoon"
 *   daypart  morning …    the part of the day said, waiting for the time
 *   birthday MM-DD       a date of birth's month and day, waiting for the year
 *   dayOrHour n          a number said alone to a day-and-time read-back, asked about: the day or the hour?
 *   hourOrMinutes HH:MM  a lone hour said to replace a time with minutes, asked about: on the hour, or with them?
 */
export type WhenPartial = {
  date?: string;
  dates?: string[];
  week?: string;
  month?: string;
  time?: string;
  clock?: string;
  daypart?: DayPart;
  /** A date of birth's month and day (MM-DD), said without its year: the year, next turn, completes it. */
  birthday?: string;
  /** The words of a date cut off before its end ("the twenty"): the rest, next turn, completes them. */
  said?: string;
  /** "No, 5" to a day-and-time read-back, asked about ("the 5th, or 5 o'clock?"): the answer may name the part. */
  dayOrHour?: number;
  /** "No, 5" to 4:30 pm, asked about ("5 o'clock, or 5:30?"): the hour with the minutes read back (17:30). */
  hourOrMinutes?: string;
};

export type DatePart =
  | { kind: 'date'; date: CivilDate }
  | { kind: 'missing' }
  /** `ambiguous`: the caller must choose (not a failed attempt of theirs to say a date). */
  | { kind: 'ask'; ambiguous: boolean; reason: string; ask: DateAsk; partial?: WhenPartial };

export type TimePart =
  /**
   * `midnight`: said as "midnight", which with a day is its end ("tonight at midnight") or must be asked about.
   * `overnight`: a small-hours time said with a night ("last night at 2 am", "Friday night at 1"): on the day after the one named.
   */
  | { kind: 'time'; hour: number; minute: number; midnight?: 'end' | 'ask'; overnight?: boolean }
  /** "in twenty minutes": minutes from the reference instant; "this time tomorrow": the reference's time on another day. */
  | { kind: 'relative'; minutes: number; sameTime?: boolean }
  | { kind: 'missing'; dayPart?: DayPart }
  | { kind: 'ask'; ambiguous: boolean; reason: string; ask: TimeAsk; partial?: WhenPartial };

export function readDatePart(heard: Heard, partial: WhenPartial | undefined, options: WhenOptions): DatePart {
  const dates = heard.dates;
  if (partial?.dates !== undefined) {
    const candidates = partial.dates.map(parseIsoDate).filter((d): d is CivilDate => d !== undefined);
    const choice = chooseDate(candidates, heard, options);
    if (choice !== undefined) return choice;
  }
  const only = dates.length === 1 ? dates[0] : undefined;
  if (partial?.week !== undefined && only !== undefined && isWeekdayOnly(only)) {
    // "next week" … "Tuesday"
    const monday = parseIsoDate(partial.week);
    if (monday !== undefined) return inTense(addDays(monday, ((only.weekday ?? 1) + 6) % 7), options);
  }
  if (partial?.month !== undefined) {
    // "in March" … "the 14th"
    const day = only !== undefined && isDayOnly(only) ? only.day : dates.length === 0 ? heard.bareNumber : undefined;
    const [year, month] = partial.month.split('-').map(Number);
    if (day !== undefined) {
      const resolved = resolveDate({ year, month, day, start: 0, end: 0 }, options);
      return fromResolution(resolved);
    }
  }
  const resolved = resolveDates(dates, options);
  if (resolved === undefined) {
    const settled = partial?.date !== undefined ? parseIsoDate(partial.date) : undefined;
    return settled !== undefined ? { kind: 'date', date: settled } : { kind: 'missing' };
  }
  return fromResolution(resolved);
}

function fromResolution(resolved: NonNullable<ReturnType<typeof resolveDates>>): DatePart {
  switch (resolved.kind) {
    case 'date':
      return { kind: 'date', date: resolved.date };
    case 'choice':
      return {
        kind: 'ask',
        ambiguous: true,
        reason: resolved.reason,
        ask: resolved.ask,
        partial: { dates: resolved.dates.map(isoDate) },
      };
    case 'vague':
      return { kind: 'ask', ambiguous: false, reason: resolved.reason, ask: resolved.ask, partial: resolved.partial };
    case 'invalid':
      return { kind: 'ask', ambiguous: false, reason: resolved.reason, ask: resolved.ask };
  }
}

function inTense(date: CivilDate, options: WhenOptions): DatePart {
  return fitsTense(date, options.tense, options.today)
    ? { kind: 'date', date }
    : fromResolution(resolveDate({ exact: date, start: 0, end: 0 }, options));
}

const isWeekdayOnly = (d: HeardDate): boolean =>
  d.weekday !== undefined && d.day === undefined && d.exact === undefined && d.named === undefined;
const isDayOnly = (d: HeardDate): boolean =>
  d.day !== undefined && d.month === undefined && d.weekday === undefined && d.exact === undefined;

/**
 * Which of the offered days the answer points at: one it names or fits
 * ("the 4th", "Friday the 27th", "next week", "tomorrow"), or "the first",
 * "the later one". Undefined when the answer says nothing about them; the
 * same question again when it fits more than one.
 */
function chooseDate(candidates: readonly CivilDate[], heard: Heard, options: WhenOptions): DatePart | undefined {
  if (candidates.length === 0) return undefined;
  const again: DatePart = {
    kind: 'ask',
    ambiguous: true,
    reason: 'the answer fits more than one of the days offered',
    ask: { type: 'which-offered', dates: [...candidates] },
    partial: { dates: candidates.map(isoDate) },
  };
  // "the first one", "the second one": a position, though "first" also reads as a day.
  const position = /\b(?:the )?(first|1st|second|2nd|last|other) one\b/.exec(normaliseUtterance(heard.text));
  if (position !== null) {
    return { kind: 'date', date: /^(first|1st)$/.test(position[1]) ? candidates[0] : candidates[candidates.length - 1] };
  }
  if (heard.dates.length > 0) {
    const fitting = candidates.filter((c) => heard.dates.some((h) => fits(c, h, options)));
    if (fitting.length === 1) return { kind: 'date', date: fitting[0] };
    if (fitting.length > 1) return again;
  }
  const words = normaliseUtterance(heard.text);
  if (/\b(first|1st|earlier|former|sooner|earliest|start|beginning|this one|coming one|this coming one)\b/.test(words))
    return { kind: 'date', date: candidates[0] };
  if (/\b(second|2nd|later|latter|last one|latest|week after|following one|other one|one after|end)\b/.test(words))
    return { kind: 'date', date: candidates[candidates.length - 1] };
  return undefined;
}

/** Whether an offered day fits what the answer said about it. */
function fits(candidate: CivilDate, h: HeardDate, options: WhenOptions): boolean {
  if (h.vague?.what === 'week') {
    const monday = addDays(mondayOf(options.today), 7 * h.vague.weeksFromNow);
    return compareDates(candidate, monday) >= 0 && compareDates(candidate, addDays(monday, 6)) <= 0;
  }
  if (h.vague !== undefined || h.invalid !== undefined) return false;
  if (h.exact !== undefined) return compareDates(candidate, h.exact) === 0;
  if (h.weekday !== undefined && weekdayOf(candidate) !== h.weekday) return false;
  if (h.weekdayRule !== undefined && h.weekdayRule !== 'bare' && h.day === undefined) {
    // "next Friday", "this Friday", "Friday next week": the day or days the words mean.
    const resolved = resolveDate(h, options);
    if (resolved.kind === 'date') return compareDates(resolved.date, candidate) === 0;
    if (resolved.kind === 'choice') return resolved.dates.some((d) => compareDates(d, candidate) === 0);
    return false;
  }
  if (h.day !== undefined && candidate.day !== h.day) return false;
  if (h.month !== undefined && candidate.month !== h.month) return false;
  if (h.year !== undefined && !h.twoDigitYear && candidate.year !== h.year) return false;
  if (h.named !== undefined) {
    const resolved = resolveDate(h, options);
    return resolved.kind === 'date' && compareDates(resolved.date, candidate) === 0;
  }
  return h.weekday !== undefined || h.day !== undefined || h.month !== undefined;
}

export function readTimePart(heard: Heard, partial: WhenPartial | undefined, options: WhenOptions): TimePart {
  void options;
  const clock = partial?.clock !== undefined ? parseClock(partial.clock) : undefined;
  if (clock !== undefined) {
    const answered = answerMeridiem(clock, heard);
    if (answered !== undefined) return answered.kind === 'time' ? atNight(answered, partial?.daypart === 'night') : answered;
  }
  const times = heard.times;
  if (partial?.daypart !== undefined && times.length === 1 && !times[0].decided && !times[0].conflict) {
    // "What time in the morning?" … "9"
    const t = { ...times[0] };
    applyDayPart(t, partial.daypart);
    if (!t.conflict) return atNight({ kind: 'time', hour: t.hour, minute: t.minute }, partial.daypart === 'night');
  }
  if (times.length === 0) {
    // "sometime in the afternoon", "late morning": the part of the day is worth keeping.
    if (heard.dayPart !== undefined && !heard.dayPartsInConflict && clock === undefined) return { kind: 'missing', dayPart: heard.dayPart };
    if (heard.vagueTime !== undefined) return vagueTime(heard.vagueTime);
    const settled = partial?.time !== undefined ? parseTime(partial.time) : undefined;
    if (settled !== undefined) return { kind: 'time', ...settled };
    if (clock !== undefined) return meridiemQuestion(clock.hour, clock.minute, 'am or pm not yet said');
    return { kind: 'missing', dayPart: heard.dayPart };
  }
  // "between 2 and 4", "after 3": a range, however many times it names.
  if (heard.vagueTime !== undefined) return vagueTime(heard.vagueTime);
  const distinct = uniqueTimes(times);
  if (distinct.length > 1) {
    return {
      kind: 'ask',
      ambiguous: true,
      reason: 'two different times in one answer',
      ask: {
        type: 'which-time',
        times: distinct.map((t) => ({ hour: t.hour, minute: t.minute, decided: t.decided, fromReference: t.fromReference })),
      },
    };
  }
  const t = distinct[0];
  if (t.fromReference !== undefined) return { kind: 'relative', minutes: t.fromReference, sameTime: t.sameTime };
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  if (t.conflict || heard.dayPartsInConflict) {
    const asked = meridiemQuestion(hour12, t.minute, 'the part of the day said does not fit the time', true);
    // "last night at 3": the night is kept, so "in the morning" is the small hours after it.
    return heard.dayPart === 'night' && asked.kind === 'ask' ? { ...asked, partial: { ...asked.partial, daypart: 'night' } } : asked;
  }
  if (!t.decided) return meridiemQuestion(hour12, t.minute, `${speakClock(hour12, t.minute)} could be morning or afternoon`);
  if (t.midnight) return { kind: 'time', hour: 0, minute: 0, midnight: heard.dayPart === 'night' ? 'end' : 'ask' };
  return atNight({ kind: 'time', hour: t.hour, minute: t.minute }, heard.dayPart === 'night' || partial?.daypart === 'night');
}

/** The hours before dawn of a night said by name belong to the next calendar day (as "tonight at midnight" is the day's end). */
function atNight(time: { kind: 'time'; hour: number; minute: number }, night: boolean): TimePart {
  return night && time.hour < 6 ? { ...time, overnight: true } : time;
}

function meridiemQuestion(hour12: number, minute: number, reason: string, conflict = false): TimePart {
  return {
    kind: 'ask',
    ambiguous: true,
    reason,
    ask: conflict ? { type: 'meridiem', hour12, minute, conflict } : { type: 'meridiem', hour12, minute },
    partial: { clock: `${hour12}:${String(minute).padStart(2, '0')}` },
  };
}

function vagueTime(reason: string): TimePart {
  return { kind: 'ask', ambiguous: false, reason, ask: { type: 'exact-time' } };
}

/** "the afternoon", "pm", "arvo", "morning", "the first one", or the time again with am/pm. */
function answerMeridiem(clock: { hour: number; minute: number }, heard: Heard): TimePart | undefined {
  const times = heard.times.filter((t) => t.fromReference === undefined);
  const sameClock = times.every((t) => (t.hour % 12 || 12) === clock.hour && t.minute === clock.minute);
  if (times.length > 0 && !sameClock) return undefined;
  const decided = times.find((t) => t.decided && !t.conflict);
  if (decided !== undefined) return { kind: 'time', hour: decided.hour, minute: decided.minute };
  if (heard.dayPart !== undefined && !heard.dayPartsInConflict) {
    const t: HeardTime = { hour: clock.hour, minute: clock.minute, decided: false, relativeMinutes: false, start: 0, end: 0 };
    applyDayPart(t, heard.dayPart);
    if (!t.conflict) return { kind: 'time', hour: t.hour, minute: t.minute };
  }
  const words = normaliseUtterance(heard.text);
  const first = /\b(first|1st|former|earlier|morning one)\b/.test(words);
  const second = /\b(second|2nd|latter|later|last one|other one)\b/.test(words);
  if (first !== second) {
    const hour = clock.hour % 12;
    return { kind: 'time', hour: first ? hour : hour + 12 === 24 ? 0 : hour + 12, minute: clock.minute };
  }
  return undefined;
}

function uniqueTimes(times: readonly HeardTime[]): HeardTime[] {
  const out: HeardTime[] = [];
  for (const t of times) {
    if (!out.some((o) => o.hour === t.hour && o.minute === t.minute && o.decided === t.decided && o.fromReference === t.fromReference))
      out.push(t);
  }
  return out;
}

function parseClock(text: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  return m === null ? undefined : { hour: Number(m[1]), minute: Number(m[2]) };
}

export function parseTime(text: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

export function formatTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
