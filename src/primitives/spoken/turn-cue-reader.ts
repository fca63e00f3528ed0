import { normaliseUtterance, tokens } from './normalise';
import { scanAnswer } from './polarity';
import {
  ANSWER_MARKERS,
  HOLD_ALONE_PATTERNS,
  HOLD_PATTERNS,
  REFUSAL_PATTERNS,
  REPEAT_COMPLEMENT_WORDS,
  REPEAT_PATTERNS,
  INTENSIFIERS,
  SLOTS,
  SPELLINGS,
  TURN_NEUTRAL_WORDS,
  VALUE_DECLINE_PATTERNS,
} from './turn-cues';

/**
 * Reads the turn cues of turn-cues.ts: whether an utterance declines to give
 * the value, asks to wait (and what follows the request, if anything), or asks
 * to hear the last prompt again.
 *
 * A decline or a repeat request must be the whole utterance, give or take
 * fillers and politeness: "skip" inside a value ("skip at gmail dot com") or
 * "I don't have one… actually it's …" are not declines. A hold may start the
 * utterance and be followed by the value.
 */

/** A trie over words: each pattern expanded into its word sequences once, at load. */
interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

function node(): TrieNode {
  return { next: new Map(), end: false };
}

/** The word sequences a pattern stands for (see turn-cues.ts for the syntax). */
function expand(pattern: string): string[][] {
  const withSlots = pattern.replace(/\{(\w+)\}(\??)/g, (_, name: string, optional: string) => {
    const slot = SLOTS[name];
    if (slot === undefined) throw new Error(`turn-cues: unknown slot {${name}}`);
    return slot + optional;
  });
  let sequences: string[][] = [[]];
  for (const slot of withSlots.split(' ')) {
    const optional = slot.endsWith('?');
    const alternatives = (optional ? slot.slice(0, -1) : slot).split('|').map((a) => a.split('_'));
    const next: string[][] = optional ? [...sequences] : [];
    for (const sequence of sequences) for (const alternative of alternatives) next.push([...sequence, ...alternative]);
    sequences = next;
  }
  return sequences.filter((s) => s.length > 0);
}

function trieOf(patterns: readonly string[]): TrieNode {
  const root = node();
  for (const pattern of patterns) {
    for (const words of expand(pattern)) {
      let at = root;
      for (const word of words) {
        let child = at.next.get(word);
        if (child === undefined) {
          child = node();
          at.next.set(word, child);
        }
        at = child;
      }
      at.end = true;
    }
  }
  return root;
}

const REFUSALS = trieOf(REFUSAL_PATTERNS);
const DECLINES = trieOf([...REFUSAL_PATTERNS, ...VALUE_DECLINE_PATTERNS]);
const HOLDS = trieOf(HOLD_PATTERNS);
const HOLDS_ALONE = trieOf([...HOLD_PATTERNS, ...HOLD_ALONE_PATTERNS]);
const REPEATS = trieOf(REPEAT_PATTERNS);
/** Around a decline or a hold, "yeah" and "nah" answer nothing; around a request to repeat, "sorry, no" is a no. */
const NEUTRAL = trieOf([...TURN_NEUTRAL_WORDS, ...ANSWER_MARKERS]);
const POLITE = trieOf(TURN_NEUTRAL_WORDS);
const SKIPPED: ReadonlySet<string> = new Set(INTENSIFIERS);
const REPEAT_COMPLEMENTS: ReadonlySet<string> = new Set(REPEAT_COMPLEMENT_WORDS);

/** A hold's last word and the word after it that make it a time instead: "a minute | to five". */
const MINUTE_WORDS: ReadonlySet<string> = new Set(['minute', 'min']);
const AGAINST_THE_HOUR: ReadonlySet<string> = new Set(['past', 'after', 'to', 'till', 'til', 'before']);

/** Declines and repeat requests are short: a longer utterance is read as an answer. */
const MAX_CUE_WORDS = 24;

/** One past the last word of the longest phrase of `trie` starting at word i; i when none does. */
function longest(trie: TrieNode, words: readonly string[], i: number): number {
  let at: TrieNode | undefined = trie;
  let end = i;
  for (let k = i; k < words.length; k++) {
    at = at.next.get(words[k]);
    if (at === undefined) break;
    if (at.end) end = k + 1;
  }
  return end;
}

interface Cover {
  /** Phrases of the trie found. */
  phrases: number;
  /** One past the last word of the last phrase found. */
  lastPhraseEnd: number;
  /** One past the last word covered by phrases and neutral words. */
  end: number;
}

/** Covers words from the start with phrases of `trie` and `neutral` words, as far as they go. */
function cover(trie: TrieNode, words: readonly string[], neutral: TrieNode = NEUTRAL): Cover {
  const result: Cover = { phrases: 0, lastPhraseEnd: 0, end: 0 };
  let i = 0;
  while (i < words.length) {
    const phraseEnd = longest(trie, words, i);
    if (phraseEnd > i) {
      result.phrases++;
      result.lastPhraseEnd = phraseEnd;
      i = phraseEnd;
      continue;
    }
    const neutralEnd = longest(neutral, words, i);
    if (neutralEnd === i) break;
    i = neutralEnd;
  }
  result.end = i;
  return result;
}

interface Words {
  /** Normalised words, as the primitives read them. */
  raw: string[];
  /** The words in the spelling the patterns use, without intensifiers. */
  canonical: string[];
  /** The index in `raw` of each canonical word. */
  at: number[];
}

function wordsOf(text: string): Words {
  const raw = tokens(normaliseUtterance(text));
  const canonical: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const bare = raw[i].replace(/[.…?]+$/u, '');
    if (SKIPPED.has(bare)) continue;
    canonical.push(SPELLINGS[bare] ?? bare);
    at.push(i);
  }
  return { raw, canonical, at };
}

export type TurnCue =
  /** The caller declines to give the value. */
  | { kind: 'decline' }
  /**
   * The caller asks to wait. `rest` is what followed the request ("it's 0412 …"),
   * normalised; empty when nothing did.
   */
  | { kind: 'hold'; rest: string }
  /** The caller asks to hear the last prompt again. */
  | { kind: 'repeat' };

export interface TurnCueOptions {
  /**
   * Only refusals to answer are declines ("I'd rather not say", "skip it"): for
   * a yes/no question, "I don't have one" and "I'd rather not" are answers.
   */
  refusalsOnly?: boolean;
}

/** The turn cue an utterance is, or undefined when it is (or may be) an answer. */
export function readTurnCue(text: string, options: TurnCueOptions = {}): TurnCue | undefined {
  const { raw, canonical, at } = wordsOf(text);
  if (canonical.length === 0) return undefined;

  const hold = cover(canonical.length <= MAX_CUE_WORDS ? HOLDS_ALONE : HOLDS, canonical);
  if (hold.phrases > 0) {
    if (hold.end === canonical.length) return { kind: 'hold', rest: '' };
    // Only a prefix: the rest may be the value. Neutral words after the cue stay with it ("yeah it's …").
    const restStart = cover(HOLDS, canonical).lastPhraseEnd;
    // "a minute to five", "one minute past three": a time, its minute counted against the hour.
    if (restStart > 0 && MINUTE_WORDS.has(canonical[restStart - 1]) && AGAINST_THE_HOUR.has(canonical[restStart])) return undefined;
    if (restStart > 0) return { kind: 'hold', rest: raw.slice(at[restStart] ?? raw.length).join(' ') };
  }
  if (canonical.length > MAX_CUE_WORDS) return undefined;

  const decline = cover(options.refusalsOnly === true ? REFUSALS : DECLINES, canonical);
  if (decline.phrases > 0 && decline.end === canonical.length) return { kind: 'decline' };

  const repeat = cover(REPEATS, canonical, POLITE);
  if ((repeat.phrases > 0 && repeat.end === canonical.length) || isRepeatRequest(text)) return { kind: 'repeat' };
  return undefined;
}

/**
 * "sorry, say that again", "can you repeat that", "what was that": the yes/no
 * reader's own lexicon of requests to repeat, when nothing but such requests,
 * fillers and politeness is said.
 */
function isRepeatRequest(text: string): boolean {
  const { cues } = scanAnswer(text);
  let repeat = false;
  for (const cue of cues) {
    if (cue.kind === 'repeat') repeat = true;
    else if (cue.kind === 'other' && REPEAT_COMPLEMENTS.has(cue.text)) continue;
    else if (cue.kind !== 'neutral' && cue.kind !== 'please' && cue.kind !== 'correction') return false;
  }
  return repeat;
}
