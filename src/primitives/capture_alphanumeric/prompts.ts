import type { Captured, CapturePrompts } from '../objective/capture-spec';
import { NATO_ALPHABET } from '../spoken/characters';

/** The NATO word of each letter: the first spelling the shared table lists ("alpha", not "alfa"). */
const NATO_WORDS = new Map<string, string>();
for (const [word, letter] of Object.entries(NATO_ALPHABET)) if (!NATO_WORDS.has(letter)) NATO_WORDS.set(letter, word);

/** "AB12" → "A for alpha, B for bravo, 1, 2": letters that sound alike (B, D, E, P) cannot be confused. */
export function spellCode(code: string): string {
  return [...code].map((c) => (/[A-Z]/.test(c) ? `${c} for ${NATO_WORDS.get(c.toLowerCase()) ?? c}` : c)).join(', ');
}

/** Why a code heard was not taken; the prompt says what the caller can do. */
export type CodeProblem =
  | { kind: 'length'; heard: number; expected: number }
  | { kind: 'pattern' }
  | { kind: 'short' }
  | { kind: 'conflict'; codes: readonly string[] };

export function problemPrompt(problem: CodeProblem): string {
  switch (problem.kind) {
    case 'length':
      return `Sorry, I got ${problem.heard} characters, but it should have ${problem.expected}. Could you spell it again, one letter or number at a time?`;
    case 'pattern':
      return "Sorry, that doesn't look like the reference I need. Could you read it out again, one letter or number at a time?";
    case 'short':
      return 'Sorry, I only caught part of that. Could you spell the whole reference, one letter or number at a time?';
    case 'conflict':
      return `Sorry, I heard ${problem.codes.map(spellCode).join(', and then ')}. Which one is it?`;
  }
}

export function askRest(start: string): string {
  return `Thanks, ${spellCode(start)}. And the rest?`;
}

export const ALPHANUMERIC_PROMPTS: CapturePrompts = {
  elicit(retryCount) {
    if (retryCount === 0) return "What's the reference? You can spell it out, letter by letter.";
    if (retryCount === 1) return "Sorry, I didn't catch that. Could you spell the reference, one letter or number at a time?";
    return 'Could you spell it using words for the letters, for example A for alpha, B for bravo?';
  },
  confirm(captured: Captured) {
    return `I've got ${spellCode(captured.value)}. Is that right?`;
  },
  repair() {
    return 'Sorry about that. Could you spell the reference again, one letter or number at a time?';
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return "Sorry, the line's a bit unclear. Could you spell the reference again, slowly?";
    return "Sorry, I'm still having trouble hearing. Could you spell it using words for the letters, for example A for alpha?";
  },
  unclearConfirmation(captured: Captured) {
    return `Sorry, is ${spellCode(captured.value)} right? Please say yes or no.`;
  },
  failed() {
    return "Sorry, I couldn't get that reference. Let me put you through to someone who can help.";
  },
  speak(captured) {
    return spellCode(captured.value);
  },
};
