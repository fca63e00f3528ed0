import type { CapturePrompts } from '../objective/capture-spec';
import { wordTable } from '../spoken/keys';
import {
  afterNoFrame,
  confirmFrame,
  failedFrame,
  notCaughtFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/** How an email address is said aloud: "jane dot doe at gmail dot com dot A U". */
export function speakEmail(email: string, spellLocal: boolean): string {
  const [local, domain] = email.split('@');
  const localSpoken = spellLocal
    ? [...local].map((c) => SYMBOLS[c] ?? c).join(', ')
    : /[._+\-\s]/.test(local)
      ? local
          .replace(/[._+-]/g, (c) => ` ${SYMBOLS[c]} `)
          .replace(/\s+/g, ' ')
          .trim()
      : local; // no symbol and no space: nothing to say differently
  const domainSpoken = domain
    .split('.')
    .map((label) => (label === 'au' ? 'A U' : label))
    .join(' dot ');
  return `${localSpoken} at ${domainSpoken}`;
}

const SYMBOLS: Readonly<Record<string, string>> = wordTable({ '.': 'dot', _: 'underscore', '-': 'dash', '+': 'plus' });

export const EMAIL_PROMPTS: CapturePrompts = {
  elicit(retryCount) {
    if (retryCount === 0) return "What's your email address?";
    if (retryCount === 1) return notCaughtFrame('Could you say your email address again, nice and slowly?');
    return "Let's do it in two parts. Could you spell the part before the at, letter by letter?";
  },
  confirm(captured, retryCount) {
    return confirmFrame(speakEmail(captured.value, retryCount > 0));
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's the right email address?");
    return afterNoFrame('Could you spell the part before the at for me, letter by letter?');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('Could you say your email address again?');
    return stillUnclearFrame('Could you spell the part before the at, letter by letter?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakEmail(captured.value, false));
  },
  failed() {
    return failedFrame('your email address');
  },
};
