import type { Captured, CapturePrompts } from '../objective/capture-spec';
import type { NameAsk, NameOptions, NameParts } from './extract';
import {
  afterNoFrame,
  missedFrame,
  notCaughtFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/** "Smith-Jones" → "S, M, I, T, H, hyphen, J, O, N, E, S": how a surname is read back letter by letter. */
export function spellOut(word: string): string {
  return [...word]
    .filter((c) => c !== ' ')
    .map((c) => (c === '-' ? 'hyphen' : c === "'" ? 'apostrophe' : c.toUpperCase()))
    .join(', ');
}

export function askPrompt(ask: NameAsk, parts: NameParts): string {
  if (ask === 'last') return parts.first !== undefined ? `Thanks, ${parts.first}. And what's your surname?` : "And what's your surname?";
  return parts.last !== undefined ? "Thanks. And what's your first name?" : "And what's your first name?";
}

/** An answer that gave nothing while a part of the name was asked for: the same question again. */
export function askAgain(ask: NameAsk, parts: NameParts): string {
  return missedFrame(askPrompt(ask, parts));
}

export const AMBIGUOUS_PROMPT = 'Sorry, I think I heard more than one name. Could you tell me just your own full name?';
export const WHICH_PERSON_PROMPT = 'Sorry, I heard two names there. Which name should I put it under? Could you say that full name again?';
export const SPELL_PROMPT = 'Sorry, I want to get the spelling right. Could you spell your name for me, letter by letter?';
export const NON_ANSWER_PROMPT = "No worries, it's just so we know who we're speaking with. Could I get your full name?";

export const NAME_PROMPTS: CapturePrompts<NameOptions> = {
  elicit(retryCount, options) {
    if (options?.requireLastName === false) return retryCount === 0 ? 'Can I get your name, please?' : notCaughtFrame("What's your name?");
    if (retryCount === 0) return 'Can I get your full name, please?';
    if (retryCount === 1) return notCaughtFrame("What's your first name and surname?");
    return 'Could you tell me your first name, and then spell your surname for me, letter by letter?';
  },
  confirm(captured: Captured, retryCount) {
    const last = captured.fields.last;
    if (retryCount === 0 || last === undefined) return `Thanks. I've got ${captured.value}. Is that right?`;
    return `I've got ${captured.value}, with the surname spelled ${spellOut(last)}. Is that right?`;
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's your full name?");
    return afterNoFrame('Could you spell your surname for me, letter by letter?');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('Could you say your full name again?');
    return stillUnclearFrame('Could you spell your surname for me, letter by letter?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(captured.value);
  },
  failed() {
    return "Sorry, I couldn't get your name. Let's keep going for now.";
  },
  speak(captured) {
    return captured.value;
  },
};
