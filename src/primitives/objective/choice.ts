import { normaliseUtterance, tokens } from '../spoken/normalise';
import { ECHO_LEAD_INS, FIRST_WORDS, LEAD_INS, NEITHER_ANSWERS, SECOND_WORDS, TAIL_WORDS } from './choice-words';

/**
 * Reads the answer to "Was that X or Y?": by position ("the first one", "the second", "the
 * latter"), by repeating words only one of the two was heard as ("the thirtieth" for "the
 * thirteenth of April" or "the thirtieth of April"), or "neither". Anything else (a fresh
 * value) is for the primitive to read, so it is `other` here.
 */
export type ChoiceAnswer = { kind: 'pick'; index: 0 | 1 } | { kind: 'neither' } | { kind: 'other' };

const FIRST = new Set(FIRST_WORDS);
const SECOND = new Set(SECOND_WORDS);
const LEAD = new Set(LEAD_INS);
const TAIL = new Set(TAIL_WORDS);
const NEITHER = new Set(NEITHER_ANSWERS);

const ECHO_LEAD = new Set(ECHO_LEAD_INS);

/** `said`: the words each offered value was heard as, in the order offered. */
export function readChoice(utterance: string, said: readonly [string, string] = ['', '']): ChoiceAnswer {
  const text = normaliseUtterance(utterance);
  if (NEITHER.has(text)) return { kind: 'neither' };
  const byPosition = readPosition(text);
  if (byPosition.kind !== 'other') return byPosition;
  return readEcho(text, said);
}

function readPosition(text: string): ChoiceAnswer {
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

/** The answer repeats words of exactly one of the two hypotheses (lead-ins such as "it was" aside). */
function readEcho(text: string, said: readonly [string, string]): ChoiceAnswer {
  const words = tokens(text);
  let start = 0;
  while (start < words.length && ECHO_LEAD.has(words[start])) start++;
  const echo = words.slice(start);
  if (echo.length === 0) return { kind: 'other' };
  const inFirst = containsRun(tokens(normaliseUtterance(said[0])), echo);
  const inSecond = containsRun(tokens(normaliseUtterance(said[1])), echo);
  if (inFirst === inSecond) return { kind: 'other' };
  return { kind: 'pick', index: inFirst ? 0 : 1 };
}

/** Whether `run` occurs in `words` as consecutive words. */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    if (run.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}
