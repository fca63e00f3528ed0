import { editDate, repairDatePart, toReading as dateReading } from '../capture_date_au/read';
import { repairWords, splitInlineRepair } from '../when/part-repairs';
import { repairTimePart } from '../capture_time_au/read';
import type { Captured, Reading, ReadContext } from '../objective/capture-spec';
import { addDays, isoDate, parseIsoDate, type CivilDate } from '../when/calendar';
import { readDatePartFor } from '../when/birth';
import { readDayOrHour, readDayOrHourAnswer, type DayOrHour } from '../when/day-or-hour';
import { readHourOrMinutes, readLoneHour } from '../when/hour-or-minutes';
import { hear, type Heard } from '../when/heard';
import type { HeardTime } from '../when/time-grammar';
import type { WhenOptions } from '../when/options';
import { formatTime, parseTime, readTimePart, type DatePart, type TimePart, type WhenPartial } from '../when/parts';
import { formatOffset, wallClockAt, zonedInstant } from '../when/zone';
import { DATETIME_ASKS } from './prompts';

/**
 * A day and a time, both needed. When only one is heard the other is asked
 * for, and what was heard is kept in the partial value (see parts.ts) so the
 * next answer completes it: "next Tuesday" → "And what time on Tuesday the
 * 1st?" → "2 pm".
 */
export function readDatetime(utterance: string, context: ReadContext<WhenOptions, WhenPartial>): Reading<WhenPartial> {
  const inline = splitInlineRepair(utterance);
  if (inline !== undefined) {
    // "Friday the 14th of May at 2, not May, June": the day and time as first said, then the part repaired.
    const first = readDatetime(inline.head, context);
    const prevDate = first.kind === 'value' ? parseIsoDate(first.value.slice(0, 10)) : undefined;
    const prevTime = first.kind === 'value' ? parseTime(first.value.slice(11, 16)) : undefined;
    const edited = prevDate === undefined ? undefined : editDate(prevDate, inline.tail, context.options);
    if (edited !== undefined && prevTime !== undefined) return combine(edited, { kind: 'time', ...prevTime }, context.options);
  }
  const heard = hear(utterance, context.options, 'datetime');
  const options = context.options;
  const reading = combine(readDatePartFor(heard, context.partial, options), readTimePart(heard, context.partial, options), options);
  // The same question again with nothing new heard is a failed attempt, or a caller saying "umm" would be asked forever.
  if (reading.kind === 'partial' && context.partial !== undefined && samePartial(reading.partial, context.partial)) {
    return { kind: 'none', reason: 'nothing new heard', prompt: DATETIME_ASKS.again(reading.prompt) };
  }
  return reading;
}

function samePartial(a: WhenPartial, b: WhenPartial): boolean {
  // Both are small plain data; JSON compares them field by field, the dates list included.
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

export function combine(date: DatePart, time: TimePart, options: WhenOptions): Reading<WhenPartial> {
  if (time.kind === 'relative') {
    // "in twenty minutes": the caller's wall clock then, whatever day that is;
    // "this time tomorrow": the time of day now, on the day said.
    const wall = wallClockAt(options.timezone, options.reference + time.minutes * 60_000);
    if (time.sameTime && date.kind !== 'missing') {
      if (date.kind === 'ask')
        return {
          ...dateReading(date, options),
          ...(date.ambiguous || date.partial !== undefined
            ? { partial: { ...date.partial, time: formatTime(wall.hour, wall.minute) } }
            : {}),
        };
      return value(date.date, wall.hour, wall.minute, options);
    }
    return value({ year: wall.year, month: wall.month, day: wall.day }, wall.hour, wall.minute, options);
  }
  const kept = keepTime(time);
  if (date.kind === 'ask') {
    // The day needs settling first; the time heard waits in the partial value.
    const reading = dateReading(date, options);
    if (reading.kind === 'ambiguous') return { ...reading, partial: { ...reading.partial, ...kept } };
    if (reading.kind === 'partial') return { ...reading, partial: { ...reading.partial, ...kept } };
    return reading;
  }
  if (date.kind === 'missing') {
    if (time.kind === 'time') {
      return { kind: 'partial', partial: kept, prompt: DATETIME_ASKS.dayForTime(time.hour, time.minute) };
    }
    if (time.kind === 'ask' && time.ambiguous) return { kind: 'partial', partial: kept, prompt: DATETIME_ASKS.day() };
    if (time.kind === 'ask') return { kind: 'none', reason: time.reason, prompt: DATETIME_ASKS.time(time.ask) };
    return { kind: 'none', reason: 'no day or time heard' };
  }
  const day = { date: isoDate(date.date) };
  if (time.kind === 'time' && time.midnight === 'end') return value(addDays(date.date, 1), 0, 0, options);
  // "last night at 2 am", "tonight at 1": the small hours after the night named.
  if (time.kind === 'time' && time.overnight === true) return value(addDays(date.date, 1), time.hour, time.minute, options);
  if (time.kind === 'time' && time.midnight === 'ask') {
    // "Friday at midnight": most mean the night after Friday, some the one before. Asked.
    return {
      kind: 'ambiguous',
      reason: 'midnight with a day could be its start or its end',
      prompt: DATETIME_ASKS.midnight(date.date, options.today),
      partial: { dates: [isoDate(date.date), isoDate(addDays(date.date, 1))], time: '00:00' },
    };
  }
  if (time.kind === 'time') return value(date.date, time.hour, time.minute, options);
  const ahead = time.kind === 'ask' ? onlyReadingAhead(date.date, time, options) : undefined;
  if (ahead !== undefined) return value(date.date, ahead.hour, ahead.minute, options);
  if (time.kind === 'ask') {
    const prompt = DATETIME_ASKS.time(time.ask);
    if (time.ambiguous) return { kind: 'ambiguous', reason: time.reason, prompt, partial: { ...day, ...time.partial } };
    return { kind: 'none', reason: time.reason, prompt };
  }
  const prompt = DATETIME_ASKS.timeOnDay(date.date, options.today, time.dayPart);
  if (time.dayPart !== undefined) return { kind: 'partial', partial: { ...day, daypart: time.dayPart }, prompt };
  return { kind: 'partial', partial: day, prompt };
}

/**
 * "Today at half seven" said at 4 pm for an appointment: 7:30 am has passed, so only 7:30 pm can be
 * meant. Only when the objective looks forward (`options.forward`), the day is today, the am
 * reading is already past and the pm one still ahead; with both ahead (or both past) it is asked.
 */
function onlyReadingAhead(
  date: CivilDate,
  time: Extract<TimePart, { kind: 'ask' }>,
  options: WhenOptions,
): { hour: number; minute: number } | undefined {
  if (options.forward !== true || time.ask.type !== 'meridiem' || time.ask.conflict === true || !time.ambiguous) return undefined;
  if (date.year !== options.today.year || date.month !== options.today.month || date.day !== options.today.day) return undefined;
  const { hour12, minute } = time.ask;
  const am = (hour12 % 12) * 60 + minute;
  const pm = am + 12 * 60;
  return am < options.minuteOfDay && pm > options.minuteOfDay ? { hour: Math.floor(pm / 60), minute } : undefined;
}

/** What of a time to keep while the day is being settled. */
function keepTime(time: TimePart): WhenPartial {
  if (time.kind === 'time') return { time: formatTime(time.hour, time.minute) };
  if (time.kind === 'ask' && time.partial !== undefined) return { ...time.partial };
  if (time.kind === 'missing' && time.dayPart !== undefined) return { daypart: time.dayPart };
  return {};
}

/** The wall time in the caller's zone, with the offset in force on that day (not the reference's). */
function value(date: CivilDate, hour: number, minute: number, options: WhenOptions): Reading<WhenPartial> {
  const at = zonedInstant(options.timezone, date, hour, minute);
  const time = formatTime(hour, minute);
  if (at === undefined) {
    return {
      kind: 'none',
      reason: `${isoDate(date)}T${time} does not exist in ${options.timezone} (the clocks go forward)`,
      prompt: DATETIME_ASKS.skipped(hour, minute),
    };
  }
  const passed = at.instant < options.reference - 60_000;
  if (options.tense === 'future' && passed) {
    return { kind: 'none', reason: 'that time has already passed', prompt: DATETIME_ASKS.passed() };
  }
  if (options.tense === 'past' && at.instant > options.reference + 60_000) {
    return { kind: 'none', reason: 'that time is still to come', prompt: DATETIME_ASKS.toCome() };
  }
  return {
    kind: 'value',
    value: `${isoDate(date)}T${time}`,
    fields: { date: isoDate(date), time, timezone: options.timezone, offset: formatOffset(at.offsetMinutes) },
  };
}

/**
 * A correction of a day and time the caller did not confirm: "no, 4 pm" keeps
 * the day, "same time but Wednesday" keeps the time, "no, the 15th" keeps the
 * month. A number said alone is the day or the hour it can only be, and asked
 * about when it could be either (day-or-hour.ts). Undefined when nothing changes.
 */
export function repairDatetime(
  previous: Captured,
  utterance: string,
  context: ReadContext<WhenOptions, WhenPartial>,
): Reading<WhenPartial> | undefined {
  const prevDate = parseIsoDate(previous.value.slice(0, 10));
  const prevTime = parseTime(previous.value.slice(11, 16));
  // Days offered by the repair's own question are answered, not repaired.
  if (prevDate === undefined || prevTime === undefined || context.partial?.dates !== undefined) return undefined;
  const options = context.options;
  const words = repairWords(utterance);
  // The answer to "5 o'clock, or 5:30?": the hour on the hour, or with the minutes read back.
  const withMinutes = context.partial?.hourOrMinutes !== undefined ? parseTime(context.partial.hourOrMinutes) : undefined;
  const asked = context.partial?.dayOrHour;
  const chosen =
    withMinutes === undefined
      ? undefined
      : readHourOrMinutes(words, hear(utterance, options, 'datetime'), withMinutes, asked !== undefined);
  if (chosen?.kind === 'time') return combine({ kind: 'date', date: prevDate }, chosen, options);
  if (chosen?.kind === 'day' && asked !== undefined)
    return repairDayOrHour({ kind: 'day', day: asked }, previous, prevDate, prevTime, options);
  const picked = asked === undefined ? undefined : readDayOrHourAnswer(words);
  const hour12 = prevTime.hour % 12 === 0 ? 12 : prevTime.hour % 12;
  const number: DayOrHour | undefined =
    picked === 'day' && asked !== undefined
      ? { kind: 'day', day: asked }
      : picked === 'hour' && asked !== undefined
        ? { kind: 'hour', hour: asked }
        : (readDayOrHour(words, { day: prevDate.day, hour12 }) ?? hourAtAlone(words, prevTime));
  if (number !== undefined) return repairDayOrHour(number, previous, prevDate, prevTime, options);
  const heard = hear(utterance, options, 'datetime');
  const date = repairDatePart(prevDate, heard, options, utterance);
  const time = repairTimePart(prevTime, heard, options);
  if (date === undefined && time === undefined) return undefined;
  return combine(date ?? { kind: 'date', date: prevDate }, time ?? { kind: 'time', ...prevTime }, options);
}

/** On the twelve-hour clock, in the half of the day already read back ("no, 5" to 3 pm is 17). */
function hourPart(hour12: number, prevTime: { hour: number; minute: number }, options: WhenOptions): TimePart | undefined {
  const time: HeardTime = { hour: hour12, minute: 0, decided: false, relativeMinutes: false, start: 0, end: 0 };
  const heard: Heard = { dates: [], times: [time], dayPartsInConflict: false, text: '' };
  return repairTimePart(prevTime, heard, options);
}

function hourInHalf(hour12: number, prevTime: { hour: number; minute: number }, options: WhenOptions): number | undefined {
  const part = hourPart(hour12, prevTime, options);
  return part?.kind === 'time' ? part.hour : undefined;
}

/**
 * "No, at 5" to a time with minutes: the hour alone, as "no, 5" is, so that its minutes are asked
 * about. Without minutes to lose it is left to the time reader (and "at 5" is never the day).
 */
function hourAtAlone(words: string, prevTime: { hour: number; minute: number }): DayOrHour | undefined {
  const hour = prevTime.minute === 0 ? undefined : readLoneHour(words);
  return hour === undefined ? undefined : { kind: 'hour', hour };
}

/** The day or the hour replaced, the rest kept; a number that could be either is asked about. */
function repairDayOrHour(
  number: DayOrHour,
  previous: Captured,
  prevDate: CivilDate,
  prevTime: { hour: number; minute: number },
  options: WhenOptions,
): Reading<WhenPartial> {
  const keptTime: TimePart = { kind: 'time', ...prevTime };
  switch (number.kind) {
    case 'day': {
      const bare: Heard = { dates: [], times: [], dayPartsInConflict: false, bareNumber: number.day, text: '' };
      return combine(repairDatePart(prevDate, bare, options) ?? { kind: 'date', date: prevDate }, keptTime, options);
    }
    case 'hour': {
      // On the twelve-hour clock, in the half of the day already read back ("no, 5" to 3 pm is 5 pm).
      const onHour = hourPart(number.hour, prevTime, options) ?? keptTime;
      // "No, 5" to 4:30 pm: 5 o'clock, or 5:30? The minutes read back are neither kept nor dropped by guess.
      if (onHour.kind === 'time' && prevTime.minute !== 0 && onHour.hour !== prevTime.hour) {
        return {
          kind: 'ambiguous',
          reason: `${number.hour} said alone could be on the hour or keep the minutes`,
          prompt: DATETIME_ASKS.hourOrMinutes(number.hour, prevTime.minute),
          partial: { hourOrMinutes: formatTime(onHour.hour, prevTime.minute) },
        };
      }
      return combine({ kind: 'date', date: prevDate }, onHour, options);
    }
    case 'either': {
      // With minutes read back, the hour is offered both ways: "the 5th, 5 o'clock, or 5:30?"
      const asHour = prevTime.minute === 0 || number.number > 12 ? undefined : hourInHalf(number.number, prevTime, options);
      return {
        kind: 'ambiguous',
        reason: `${number.number} said alone could be the day or the hour`,
        prompt:
          asHour === undefined ? DATETIME_ASKS.dayOrHour(number.number) : DATETIME_ASKS.dayOrHourOrMinutes(number.number, prevTime.minute),
        partial:
          asHour === undefined
            ? { dayOrHour: number.number }
            : { dayOrHour: number.number, hourOrMinutes: formatTime(asHour, prevTime.minute) },
      };
    }
    case 'unclear':
      return { kind: 'ambiguous', reason: number.reason, prompt: DATETIME_ASKS.whichPart(previous) };
  }
}
