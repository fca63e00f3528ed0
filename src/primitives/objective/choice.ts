import { normaliseUtterance, tokens } from '../spoken/normalise';
import { FIRST_WORDS, LEAD_INS, NEITHER_ANSWERS, SECOND_WORDS, TAIL_WORDS } from './choice-words';

/**
 * Reads the answer to "Was that X or Y?" for what it says by position: "the first one",
 * "the second", "the latter", or "neither". Anything else (a repeat of one of the values, a
 * fresh value) is for the primitive to read, so it is `other` here.
 */
export type ChoiceAnswer = { kind: 'pick'; index: 0 | 1 } | { kind: 'neither' } | { kind: 'other' };

const FIRST = new Set(FIRST_WORDS);
const SECOND = new Set(SECOND_WORDS);
const LEAD = new Set(LEAD_INS);
const TAIL = new Set(TAIL_WORDS);
const NEITHER = new Set(NEITHER_ANSWERS);

export function readChoice(utterance: string): ChoiceAnswer {
  const text = normaliseUtterance(utterance);
  if (NEITHER.has(text)) return { kind: 'neither' };
  const words = tokens(text);
  let start = 0;
  while (start < words.length && LEAD.has(words[start]) && !isPick(words, start)) start++;
  let end = words.length;
  while (end > start + 1 && TAIL.has(words[end - 1])) end--;
  // Exactly one picking word, with only lead-ins before it and tail words after it.
  if (end - start !== 1) return { kind: 'other' };
  const word = words[start];
  if (FIRST.has(word)) return { kind: 'pick', index: 0 };
  if (SECOND.has(word)) return { kind: 'pick', index: 1 };
  return { kind: 'other' };
}

/** Whether the word at `at` is the picking word: one of them, followed by nothing but tail words. */
function isPick(words: readonly string[], at: number): boolean {
  const word = words[at];
  if (!FIRST.has(word) && !SECOND.has(word)) return false;
  return words.slice(at + 1).every((w) => TAIL.has(w));
}
