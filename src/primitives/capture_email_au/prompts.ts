import type { CapturePrompts } from '../objective/capture-spec';
import { wordTable } from '../spoken/keys';
import type { AmbiguityAsk } from './extraction';
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
  speak(captured) {
    return speakEmail(captured.value, false);
  },
};

/** The part before the at, spelled: "j, a, n, e, dot, d, o, e". */
function speakLocal(local: string): string {
  return speakEmail(`${local}@x`, true).replace(/ at x$/, '');
}

/** The part before the at is heard: the domain is asked for. */
export function askDomainAfter(local: string): string {
  return `Thanks, ${speakLocal(local)}. And what comes after the at?`;
}

/** The question for addresses the caller's words left open (see extraction.ts). */
export function askWhichEmail(ask: AmbiguityAsk, candidates: readonly string[]): string {
  switch (ask.type) {
    case 'provider-domain': {
      const options = ask.domains.map((d) => speakEmail(`x@${d}`, false).replace(/^x at /, ''));
      return `Is that ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}?`;
    }
    case 'domain-ending':
      return `And what comes after ${ask.domain}? For example dot com, or dot com dot A U.`;
    case 'which-address': {
      const spoken = candidates.map((c) => speakEmail(c, false));
      return `I heard ${spoken.slice(0, -1).join(', ')} and ${spoken[spoken.length - 1]}. Which one should I use?`;
    }
    case 'which-part':
      return `Sorry, I'm not sure which part to change. I've got ${speakEmail(ask.address, false)}. What's the right email address?`;
    case 'which-spelling': {
      const spoken = candidates.map((c) => speakEmail(c, false));
      return `Is that ${spoken.slice(0, -1).join(', ')} or ${spoken[spoken.length - 1]}?`;
    }
  }
}

/** Cut off after a "dot": what was heard is said back and the rest asked for. */
export function askEndingAfterDot(local: string, domain: string): string {
  return `I've got ${speakEmail(`${local}@${domain}`, false)} dot… What comes after the dot?`;
}
