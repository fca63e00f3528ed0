import { applyLetterHint, type AppliedHint, type DescribedLetters } from '../spoken/letter-hints';
import { isSingleLetter, LETTER_NAMES } from '../spoken/characters';
import { readSpelledRun } from './spelling';

/**
 * Spelling described rather than spelled: "Steven with a P H" (Stephen),
 * "Caitlin with a Y" (Caitlyn), "Kelly with an I E" (Kellie), "Philip with two
 * L's" (Phillip), "Phillip with one L", "Anne with an E", "Sara without an H",
 * "Jo, no E". Each says which letters the written name has or lacks; the
 * name said is changed by the smallest sound-alike respelling that makes it
 * so. A description the name already meets confirms it; one that fits no
 * respelling, or more than one equally, leaves the name uncertain (the
 * caller is asked to spell it).
 */
export interface Modifier extends DescribedLetters {
  /** Index after the modifier. */
  end: number;
}

/** Letter names safe after "with a"/"without an": "with a why", "without an aitch". */
const NAMED_LETTERS: ReadonlySet<string> = new Set([
  'aitch',
  'haitch',
  'why',
  'zed',
  'kay',
  'jay',
  'ell',
  'el',
  'em',
  'en',
  'ess',
  'ee',
  'ef',
  'eff',
  'vee',
  'pee',
  'dee',
  'gee',
  'tee',
  'ex',
  'cee',
]);
const ONE_WORDS: ReadonlySet<string> = new Set(['one', 'single', '1']);
const TWO_WORDS: ReadonlySet<string> = new Set(['two', 'double', '2']);
/** "with an E on the end", "with a Y at the end". */
const PLACE_TAILS: ReadonlyArray<readonly string[]> = [
  ['on', 'the', 'end'],
  ['at', 'the', 'end'],
  ['on', 'the', 'end', 'of', 'it'],
];

/** One letter at words[i]: "y", "l's", "ls", or a letter name ("aitch"). */
function letterAt(words: readonly string[], i: number, plural: boolean): string | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (isSingleLetter(w)) return w;
  if (plural && /^[a-z]'?s$/.test(w)) return w[0];
  if (NAMED_LETTERS.has(w)) return LETTER_NAMES[w];
  return undefined;
}

function skipTail(words: readonly string[], end: number): number {
  for (const tail of PLACE_TAILS) if (tail.every((t, k) => words[end + k] === t)) return end + tail.length;
  return end;
}

/** The letters described at words[i] (after "with", "without", "no"): "a p h", "an i e", "two l's", "one l". */
function describedLetters(words: readonly string[], i: number): { count?: 'one' | 'two'; letters: string; end: number } | undefined {
  let j = i;
  if (ONE_WORDS.has(words[j] ?? '') || (words[j] === 'a' && words[j + 1] === 'single')) {
    j += words[j] === 'a' ? 2 : 1;
    const letter = letterAt(words, j, false);
    return letter === undefined ? undefined : { count: 'one', letters: letter, end: j + 1 };
  }
  if (TWO_WORDS.has(words[j] ?? '')) {
    const letter = letterAt(words, j + 1, true);
    return letter === undefined ? undefined : { count: 'two', letters: letter, end: j + 2 };
  }
  const article = words[j] === 'a' || words[j] === 'an';
  if (article) {
    // "with a P H": the article, then a spelling; "with an A" is one letter, a.
    const run = readSpelledRun(words, j + 1);
    if (run !== undefined && /^[a-z]+$/.test(run.letters) && run.letters.length <= 3) return { letters: run.letters, end: run.end };
    const letter = letterAt(words, j + 1, false);
    if (letter !== undefined) return { letters: letter, end: j + 2 };
    if (words[j] === 'an' || words[j] === 'a') return undefined;
  }
  const run = readSpelledRun(words, j);
  if (run !== undefined && /^[a-z]+$/.test(run.letters) && run.letters.length <= 3) return { letters: run.letters, end: run.end };
  // "with no E", "without H"
  const letter = letterAt(words, j, false);
  return letter === undefined ? undefined : { letters: letter, end: j + 1 };
}

/** A spelling description starting at words[i], if there is one. */
export function readModifier(words: readonly string[], i: number): Modifier | undefined {
  const w = words[i];
  if (w === 'with' || w === 'without') {
    let j = i + 1;
    // "with no E", "with just the one L"
    let negated = w === 'without';
    if (w === 'with' && words[j] === 'no') {
      negated = true;
      j++;
    }
    if (words[j] === 'just' || words[j] === 'only') j++;
    if (words[j] === 'the' && ONE_WORDS.has(words[j + 1] ?? '')) j++;
    // "without the h": the letter named with "the".
    else if (words[j] === 'the' && letterAt(words, j + 1, false) !== undefined) j++;
    const described = describedLetters(words, j);
    if (described === undefined) return undefined;
    const end = skipTail(words, described.end);
    if (described.count === 'two') return negated ? undefined : { kind: 'double', letters: described.letters, end };
    if (described.count === 'one') return negated ? undefined : { kind: 'single', letters: described.letters, end };
    return { kind: negated ? 'without' : 'with', letters: described.letters, end };
  }
  // "Jo, no E", "Sara no H": "no" and one letter, then nothing more of the name.
  if (w === 'no') {
    const letter = letterAt(words, i + 1, false);
    const after = words[i + 2];
    if (letter !== undefined && (after === undefined || !isSingleLetter(after))) return { kind: 'without', letters: letter, end: i + 2 };
  }
  return undefined;
}

/** The result of applying a description: the name respelled, unchanged, or uncertain (spoken/letter-hints.ts). */
export type Applied = AppliedHint;

export function applyModifier(text: string, modifier: Modifier): Applied {
  return applyLetterHint(text, modifier);
}
