import type { Captured, CapturePrompts } from '../objective/capture-spec';
import { parseIsoDate } from '../when/calendar';
import type { WhenOptions } from '../when/options';
import type { DateAsk } from '../when/asks';
import { askDate } from '../when/prompts';
import { speakDate } from '../when/speak';
import {
  afterNoFrame,
  confirmFrame,
  failedFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/** "Friday the 27th of November 2026": the year is always read back, a date of birth needs it. */
export function speakCapturedDate(captured: Captured): string {
  const date = parseIsoDate(captured.value);
  return date === undefined ? captured.value : speakDate(date, true);
}

/**
 * Later attempts change strategy: first an open question, then examples of
 * what can be said, then just the day and the month.
 */
export const DATE_PROMPTS: CapturePrompts<WhenOptions> = {
  elicit(retryCount, options) {
    if (options?.kind === 'date_of_birth') {
      if (retryCount === 0) return "What's the date of birth?";
      return "Sorry, I didn't catch that. Please say the day, the month and the year, like the 14th of March 1985.";
    }
    // A date in the past (an incident, a date of birth) is asked about in the past.
    if (retryCount === 0) return options?.tense === 'past' ? 'What was the date?' : 'What date would that be?';
    if (retryCount === 1) return "Sorry, I didn't catch the date. You can say something like this Friday, or the 14th of March.";
    return "Let's try just the day and the month, like the 14th of March.";
  },
  confirm(captured) {
    return confirmFrame(speakCapturedDate(captured));
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's the right date?");
    return afterNoFrame('Could you tell me just the day and the month, like the 14th of March?');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('What was the date?');
    return stillUnclearFrame('Could you say just the day and the month, like the 14th of March?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakCapturedDate(captured));
  },
  failed() {
    return failedFrame('the date');
  },
  speak(captured) {
    return speakCapturedDate(captured);
  },
};

/** The question for a date that needs asking about (see when/asks.ts). */
export function askForDate(ask: DateAsk, options: WhenOptions): string {
  return askDate(ask, options.today);
}
