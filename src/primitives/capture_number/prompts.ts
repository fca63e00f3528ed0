import type { Captured, CapturePrompts } from '../objective/capture-spec';
import { speakNumber } from './speak';
import type { NumberAsk } from './extract';
import {
  afterNoFrame,
  confirmFrame,
  failedFrame,
  notCaughtFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/** A captured number as it is read back: "two hundred and fifty", "twenty dollars". */
export function speakCaptured(captured: Captured): string {
  const spoken = speakNumber(captured.value);
  const unit = captured.fields.unit;
  if (unit === 'percent') return `${spoken} percent`;
  if (unit === 'dollars') return `${spoken} ${captured.value === '1' ? 'dollar' : 'dollars'}`;
  if (unit === 'cents') return `${spoken} ${captured.value === '1' ? 'cent' : 'cents'}`;
  return spoken;
}

function list(values: readonly string[]): string {
  const spoken = values.map(speakNumber);
  return spoken.length === 1 ? spoken[0] : `${spoken.slice(0, -1).join(', ')} or ${spoken[spoken.length - 1]}`;
}

/** The clarifying question for an answer that was not one exact number. */
export function askFor(ask: NumberAsk): string {
  switch (ask.type) {
    case 'which':
      return `Sorry, was that ${list(ask.candidates)}? I just need the one number.`;
    case 'approximate':
      return `Is that exactly ${speakNumber(ask.value)}, or do you have a more exact number?`;
    case 'exact':
      return 'Could you give me an exact number? Your best guess is fine.';
    case 'rest':
      // Said back as a number ("four hundred and"), not as the words heard around it.
      return `I caught ${speakNumber(ask.said)} ${ask.words.split(' ').pop() ?? ''}, but not the rest. What's the whole number?`;
  }
}

/** A fraction with no exact decimal ("a third"): asked for as a decimal. */
export const DECIMAL_PROMPT = 'Could you give me that as a decimal, for example nought point five?';

export const NUMBER_PROMPTS: CapturePrompts = {
  elicit(retryCount) {
    if (retryCount === 0) return "What's the number?";
    if (retryCount === 1) return notCaughtFrame('Could you say the number again?');
    return 'Could you say just the number on its own, for example two hundred and fifty?';
  },
  confirm(captured) {
    return confirmFrame(speakCaptured(captured));
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's the right number?");
    return afterNoFrame('Could you say just the number on its own, digit by digit if that is easier?');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('Could you say the number again?');
    return stillUnclearFrame('Could you say just the number, digit by digit?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakCaptured(captured));
  },
  failed() {
    return failedFrame('that number');
  },
  speak(captured) {
    return speakCaptured(captured);
  },
};
