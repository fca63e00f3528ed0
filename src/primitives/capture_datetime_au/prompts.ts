import type { Captured, CapturePrompts } from '../objective/capture-spec';
import { parseIsoDate } from '../when/calendar';
import { parseTime } from '../when/parts';
import type { WhenOptions } from '../when/options';
import { speakDate, speakTime } from '../when/speak';
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
};
