import type { Captured, Reading, ReadContext } from '../objective/capture-spec';
import { cutOffTime } from '../when/cut-off';
import { hear, correctTime, type Heard } from '../when/heard';
import type { WhenOptions } from '../when/options';
import { formatTime, parseTime, readTimePart, type TimePart, type WhenPartial } from '../when/parts';
import { applyDayPart, type HeardTime } from '../when/time-grammar';
import { wallClockAt } from '../when/zone';
import { readHourOrMinutes, readLoneHour } from '../when/hour-or-minutes';
import { repairWords } from '../when/part-repairs';
import { askHourOrMinutes } from '../when/prompts';
import { askForTime, askTimeInDayPart } from './prompts';
import { ruledOutToday } from './today';

/** The value and fields of a captured time. */
export function timeValue(hour: number, minute: number): { value: string; fields: Record<string, string> } {
  const value = formatTime(hour, minute);
  return { value, fields: { hour: value.slice(0, 2), minute: value.slice(3, 5) } };
}

export function readTime(utterance: string, context: ReadContext<WhenOptions, WhenPartial>): Reading<WhenPartial> {
  const said = context.partial?.said;
  if (said !== undefined) {
    // "Half past… what's the whole time?" — "three": the rest completes what was heard;
    // a whole time said again is taken as said. Only an answer with a number in it completes.
    const rest = hear(utterance, context.options, 'time');
    if (rest.times.length > 0 || rest.bareNumber !== undefined) {
      const whole = readHeardTime(`${said} ${utterance}`, { ...context, partial: undefined });
      const alone = readHeardTime(utterance, { ...context, partial: undefined });
      // "Half past… four thirty pm": a whole time on its own beats a joined reading that asks.
      if (whole.kind === 'value' || (whole.kind !== 'none' && alone.kind !== 'value')) return whole;
      return alone;
    }
    return readHeardTime(utterance, { ...context, partial: undefined });
  }
  return readHeardTime(utterance, context);
}

function readHeardTime(utterance: string, context: ReadContext<WhenOptions, WhenPartial>): Reading<WhenPartial> {
  const cut = cutOffTime(utterance);
  if (cut !== undefined) return { kind: 'partial', partial: { said: cut }, prompt: askForTime({ type: 'rest-of-time', said: cut }) };
  const heard = hear(utterance, context.options, 'time');
  const part = readTimePart(heard, context.partial, context.options);
  // "9 am this morning" said at 10:15 for a booking: a moment already passed.
  const ruledOut = part.kind === 'time' && part.midnight === undefined ? ruledOutToday(heard, part, context.options) : undefined;
  return ruledOut ?? toReading(part, context.options);
}

export function toReading(part: TimePart, options: WhenOptions): Reading<WhenPartial> {
  switch (part.kind) {
    case 'time':
      return { kind: 'value', ...timeValue(part.hour, part.minute) };
    case 'relative': {
      // "in twenty minutes": the caller's wall clock then.
      const wall = wallClockAt(options.timezone, options.reference + part.minutes * 60_000);
      return { kind: 'value', ...timeValue(wall.hour, wall.minute) };
    }
    case 'missing':
      if (part.dayPart !== undefined) {
        return { kind: 'partial', partial: { daypart: part.dayPart }, prompt: askTimeInDayPart(part.dayPart) };
      }
      return { kind: 'none', reason: 'no time heard' };
    case 'ask':
      if (part.ambiguous) return { kind: 'ambiguous', reason: part.reason, prompt: askForTime(part.ask), partial: part.partial };
      return { kind: 'none', reason: part.reason, prompt: askForTime(part.ask) };
  }
}

/**
 * A correction of a time the caller did not confirm: "no, 4" keeps the
 * afternoon, "no, half past" keeps the hour, "no, the morning" moves it to
 * the morning, a whole new time replaces it. Undefined when nothing changes.
 */
export function repairTime(
  previous: Captured,
  utterance: string,
  context: ReadContext<WhenOptions, WhenPartial>,
): Reading<WhenPartial> | undefined {
  const prev = parseTime(previous.value);
  if (prev === undefined) return undefined;
  const heard = hear(utterance, context.options, 'time');
  const words = repairWords(utterance);
  // The answer to "5 o'clock, or 5:30?": the hour on the hour, or with the minutes read back.
  const withMinutes = context.partial?.hourOrMinutes !== undefined ? parseTime(context.partial.hourOrMinutes) : undefined;
  const chosen = withMinutes === undefined ? undefined : readHourOrMinutes(words, heard, withMinutes, false);
  if (chosen?.kind === 'time') return toReading(chosen, context.options);
  const part = repairTimePart(prev, heard, context.options);
  // "No, 5" to 4:30 pm: 5 o'clock, or 5:30? A lone hour does not say what becomes of the minutes.
  const lone = prev.minute === 0 ? undefined : readLoneHour(words);
  if (lone !== undefined && part?.kind === 'time' && part.hour !== prev.hour && part.minute === 0) {
    return {
      kind: 'ambiguous',
      reason: `${lone} said alone could be on the hour or keep the minutes`,
      prompt: askHourOrMinutes(lone, prev.minute),
      partial: { hourOrMinutes: formatTime(part.hour, prev.minute) },
    };
  }
  return part === undefined ? undefined : toReading(part, context.options);
}

export function repairTimePart(prev: { hour: number; minute: number }, heard: Heard, options: WhenOptions): TimePart | undefined {
  const before: HeardTime = { hour: prev.hour, minute: prev.minute, decided: true, relativeMinutes: false, start: 0, end: 0 };
  // "same time, but Wednesday": the time already heard.
  heard = { ...heard, times: heard.times.filter((t) => !t.sameTime) };
  if (heard.times.length === 1) return readTimePart({ ...heard, times: [correctTime(before, heard.times[0])] }, undefined, options);
  if (heard.times.length > 1) return readTimePart(heard, undefined, options);
  const minutes = /\b(half|quarter|\d{1,2}(?: minutes)?) past\b(?! \d)/.exec(heard.text);
  if (minutes !== null) {
    // "no, half past": the minutes, on the hour already heard.
    const minute = minutes[1] === 'half' ? 30 : minutes[1] === 'quarter' ? 15 : Number.parseInt(minutes[1], 10);
    if (minute >= 1 && minute <= 30) return { kind: 'time', hour: prev.hour, minute };
  }
  if (heard.dayPart !== undefined && !heard.dayPartsInConflict) {
    // "no, in the morning": the same clock time in the other half of the day.
    const again: HeardTime = { ...before, hour: prev.hour % 12 === 0 ? 12 : prev.hour % 12, decided: false };
    applyDayPart(again, heard.dayPart);
    if (!again.conflict && again.hour !== prev.hour) return { kind: 'time', hour: again.hour, minute: again.minute };
  }
  return undefined;
}
