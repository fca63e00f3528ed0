import type { Captured, CapturePrompts } from '../objective/capture-spec';
import { parseIsoDate } from '../when/calendar';
import { parseTime } from '../when/parts';
import type { WhenOptions } from '../when/options';
import type { TimeAsk } from '../when/asks';
import { askHourOrMinutes, askTime } from '../when/prompts';
import { speakClock, speakDate, speakDateNear, speakDay, speakOnDay, speakTime } from '../when/speak';
import type { CivilDate } from '../when/calendar';
import type { DayPart } from '../when/time-grammar';
import {
  afterNoFrame,
  confirmFrame,
  failedFrame,
  notCaughtFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/** "Friday the 27th of November 2026 at 3:30 pm". */
export function speakCapturedDatetime(captured: Captured): string {
  const date = parseIsoDate(captured.value.slice(0, 10));
  const time = parseTime(captured.value.slice(11, 16));
  if (date === undefined || time === undefined) return captured.value;
  return `${speakDate(date, true)} at ${speakTime(time.hour, time.minute)}`;
}

/**
 * Later attempts change strategy: the day and time together, then with an
 * example, then the day on its own (the time is asked for once the day is
 * settled: see the partial value in read.ts).
 */
export const DATETIME_PROMPTS: CapturePrompts<WhenOptions> = {
  elicit(retryCount, options) {
    if (retryCount === 0) return options?.tense === 'past' ? 'What day and time was it?' : 'What day and time would suit you?';
    if (retryCount === 1) return notCaughtFrame('You can say something like this Friday at 10 in the morning.');
    return "Let's take it one step at a time. What day would you like? For example, this Friday, or the 14th of March.";
  },
  confirm(captured) {
    return confirmFrame(speakCapturedDatetime(captured));
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame('What day and time would you like?');
    return afterNoFrame("Let's do the day first. What day would you like?");
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('What day and time was that?');
    return stillUnclearFrame('Could you tell me just the day first, like this Friday?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakCapturedDatetime(captured));
  },
  failed() {
    return failedFrame('the day and time');
  },
  speak(captured) {
    return speakCapturedDatetime(captured);
  },
};

/**
 * What a day-and-time reading asks. The reader says what it needs (data);
 * these say it.
 */
export const DATETIME_ASKS = {
  /** The same question again, nothing new heard. */
  again: (prompt: string): string => notCaughtFrame(prompt),
  /** A time heard, no day: "Sure, 3 pm. And what day would that be?" */
  dayForTime: (hour: number, minute: number): string => `Sure, ${speakTime(hour, minute)}. And what day would that be?`,
  /** A time to be settled, no day: the day first. */
  day: (): string => 'Sure. And what day would that be?',
  time: (ask: TimeAsk): string => askTime(ask),
  /** "Friday at midnight": the start of the day or its end. */
  midnight: (date: CivilDate, today: CivilDate): string =>
    `Just to check, is that midnight at the start of ${speakDateNear(date, today)}, or at the end of it?`,
  /** A day heard, and perhaps the part of it: the time. */
  timeOnDay(date: CivilDate, today: CivilDate, dayPart?: DayPart): string {
    const on = speakOnDay(date, today);
    if (dayPart === undefined) return `And what time ${on}?`;
    const part = dayPart === 'night' ? 'evening' : dayPart;
    if (on === 'today') return `And what time this ${part}?`;
    if (on === 'tomorrow') return `And what time tomorrow ${part}?`;
    return `And what time ${on}, in the ${part}?`;
  },
  /** A wall time skipped when the clocks go forward. */
  skipped: (hour: number, minute: number): string =>
    `Sorry, the clocks go forward that night, so ${speakTime(hour, minute)} doesn't exist. What time would you like?`,
  /** "No, 5" to the read-back, when 5 could be the day or the hour. */
  dayOrHour: (n: number): string => `Sorry, did you mean the ${speakDay(n)}, or ${n} o'clock?`,
  /** "No, 5" to the 9th at 4:30 pm: the day, or the hour on the hour, or with the minutes read back. */
  dayOrHourOrMinutes: (n: number, minute: number): string =>
    `Sorry, did you mean the ${speakDay(n)}, ${n} o'clock, or ${speakClock(n, minute)}?`,
  /** "No, 5" to 4:30 pm: the hour on the hour, or with the minutes read back. */
  hourOrMinutes: askHourOrMinutes,
  /** A repair ruling out a number the value has not got ("not 4, 5" to the 9th at 3 pm). */
  whichPart: (captured: Captured): string =>
    `Sorry, I'm not sure which part to change. I've got ${speakCapturedDatetime(captured)}. What's the right day and time?`,
  passed: (): string => 'Sorry, that time has already passed. What day and time would you like?',
  toCome: (): string => 'Sorry, that time is still to come. What day and time was it?',
};
