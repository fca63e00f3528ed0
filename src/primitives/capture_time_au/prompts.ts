import type { Captured, CapturePrompts } from '../objective/capture-spec';
import { parseTime } from '../when/parts';
import type { WhenOptions } from '../when/options';
import type { TimeAsk } from '../when/asks';
import { askTime } from '../when/prompts';
import { speakTime } from '../when/speak';
import type { DayPart } from '../when/time-grammar';
import {
  afterNoFrame,
  confirmFrame,
  failedFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/** "3:30 pm", "midday". */
export function speakCapturedTime(captured: Captured): string {
  const time = parseTime(captured.value);
  return time === undefined ? captured.value : speakTime(time.hour, time.minute);
}

/**
 * Later attempts change strategy: an open question, then examples that say
 * the part of the day, then the hour with morning or afternoon.
 */
export const TIME_PROMPTS: CapturePrompts<WhenOptions> = {
  elicit(retryCount) {
    if (retryCount === 0) return 'What time would that be?';
    if (retryCount === 1) return "Sorry, I didn't catch the time. You can say something like 9:30 in the morning, or 3 in the afternoon.";
    return "Let's try the hour and whether it's morning or afternoon, like 10 in the morning.";
  },
  confirm(captured) {
    return confirmFrame(speakCapturedTime(captured));
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's the right time?");
    return afterNoFrame('Could you tell me the hour, and whether it is morning or afternoon?');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('What was the time?');
    return stillUnclearFrame('Could you say the hour, and morning or afternoon, like 10 in the morning?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakCapturedTime(captured));
  },
  failed() {
    return failedFrame('the time');
  },
  speak(captured) {
    return speakCapturedTime(captured);
  },
};

/** The question for a time that needs asking about (see when/asks.ts). */
export function askForTime(ask: TimeAsk): string {
  return askTime(ask);
}

/** "sometime in the afternoon": the part of the day is kept, the time asked for. */
export function askTimeInDayPart(dayPart: DayPart): string {
  return `Sure. What time in the ${dayPart === 'night' ? 'evening' : dayPart}?`;
}
