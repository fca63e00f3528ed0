import type { CapturePrompts } from '../objective/capture-spec';
import type { Position } from './digits';
import { groupBoundaries, nationalDigits } from './numbering';
import {
  afterNoFrame,
  confirmFrame,
  failedFrame,
  notCaughtFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

const DIGIT_NAMES = ['oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Digits read back in their groups, zero as "oh": "oh four nine one, five seven oh, one five six". */
export function speakDigits(digits: string): string {
  const bounds = groupBoundaries(digits);
  const groups: string[] = [];
  for (let i = 0; i + 1 < bounds.length && bounds[i] < digits.length; i++) {
    groups.push(digits.slice(bounds[i], bounds[i + 1]));
  }
  if (bounds[bounds.length - 1] < digits.length) groups.push(digits.slice(bounds[bounds.length - 1]));
  let spoken = '';
  for (const g of groups) {
    if (g.length === 0) continue;
    if (spoken.length > 0) spoken += ', ';
    for (let i = 0; i < g.length; i++) spoken += (i > 0 ? ' ' : '') + DIGIT_NAMES[Number(g[i])];
  }
  return spoken;
}

export function speakPhone(e164: string): string {
  return speakDigits(nationalDigits(e164));
}

const PLACE_NAMES: Readonly<Record<Position, string>> = {
  start: 'the start',
  middle: 'the middle',
  end: 'the end',
  area: 'the area code',
};

export function askWhichGroup(correction: string, options: readonly Position[]): string {
  const places = options.map((o) => PLACE_NAMES[o]);
  return `Sorry, does ${speakDigits(correction)} go at ${places.slice(0, -1).join(', ')} or ${places[places.length - 1]} of the number?`;
}

/** A correction at confirmation that disagrees with the number read back: the number is said again, and the right one asked for. */
export function askWhichDigits(e164: string): string {
  return `Sorry, I'm not sure which digits to change. I've got ${speakPhone(e164)}. What's the right number?`;
}

export function askWhich(e164s: readonly string[]): string {
  const spoken = e164s.map(speakPhone);
  return `I heard ${spoken.slice(0, -1).join(', ')} and ${spoken[spoken.length - 1]}. Which number should I use?`;
}

export function askOther(e164: string): string {
  return `I heard more than one number. Is ${speakPhone(e164)} the best one to reach you on?`;
}

export function askRest(digits: string): string {
  // Only the country code heard ("plus six one"): its 0 is what the rest continues from.
  if (digits === '0') return "I've got plus six one. What's the rest of the number?";
  return `I've got ${speakDigits(digits)}. What are the rest of the digits?`;
}

export function askArea(digits: string): string {
  return `Thanks. And what's the area code for ${speakDigits(digits.slice(0, 4))}, ${speakDigits(digits.slice(4))}? For example, oh two or oh three.`;
}

export const PROBLEM_PROMPTS = {
  emergency: "If this is an emergency, please hang up and call triple zero. Otherwise, what's the best number to reach you on?",
  premium: "Sorry, I can't take a 19 number. Could you give me a mobile or landline number instead?",
  foreign: 'Sorry, I can only take an Australian number. Could you give me an Australian mobile or landline?',
  'too-long':
    'Sorry, I think I heard too many digits. Could you say it again in groups, like oh four one two, three four five, six seven eight?',
  'no-trunk': 'Sorry, I think I missed the start. Could you say the whole number again, starting with the oh?',
  invalid:
    "Sorry, that doesn't sound like an Australian phone number. Could you say it again, in groups, like oh four one two, three four five, six seven eight?",
} as const;

export const PHONE_PROMPTS: CapturePrompts = {
  elicit(retryCount) {
    if (retryCount === 0) return "What's the best phone number to reach you on?";
    if (retryCount === 1) return notCaughtFrame('Could you say the number again, nice and slowly?');
    return 'Could you say it in groups, like oh four one two, three four five, six seven eight?';
  },
  confirm(captured) {
    return confirmFrame(speakPhone(captured.value));
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's the right number?");
    return afterNoFrame("Let's take it slowly: could you say it in groups, starting with the oh four or the area code?");
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('Could you say your phone number again?');
    return stillUnclearFrame('Could you say it in groups, like oh four one two, three four five, six seven eight?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakPhone(captured.value));
  },
  failed() {
    return failedFrame('your phone number');
  },
  speak(captured) {
    return speakPhone(captured.value);
  },
};
