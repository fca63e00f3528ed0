import { LETTER_NAMES, NATO_ALPHABET, isLetterName, isNatoWord, isSingleLetter } from '../spoken/characters';

/**
 * Spelled names: "S M I T H", "L E I G H", "double L", "S for Sierra", "M as
 * in Mike", NATO words, "apostrophe" and "hyphen" between letters, "capital
 * D". A run needs at least two letters: a lone letter is an initial.
 */
export interface SpelledRun {
  /** Lowercase letters, with ' and - where they were said; capitals kept where "capital" was said. */
  letters: string;
  end: number;
}

const APOSTROPHE_WORDS = new Set(['apostrophe', "'"]);
const HYPHEN_WORDS = new Set(['hyphen', 'dash', 'hyphenated']);
const CASE_WORDS = new Set(['capital', 'uppercase', 'upper', 'big', 'small', 'lowercase', 'lower']);
/** Informal spelling words callers use besides NATO: "s for sugar", "m for mary". */
const CARRIERS = new Set(['for', 'like']);

/** The letter a word stands for inside a spelled run, if any. */
function letterOf(words: readonly string[], i: number): string | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (isSingleLetter(w)) return w;
  if (isLetterName(w) && (isSingleLetter(words[i - 1] ?? '') || isSingleLetter(words[i + 1] ?? ''))) return LETTER_NAMES[w];
  return undefined;
}

/** Length of a "for Sierra" / "as in Mike" / "like sugar" carrier after a letter at i, else 0. */
function carrierLength(words: readonly string[], i: number, letter: string): number {
  const a = words[i + 1];
  const b = words[i + 2];
  const c = words[i + 3];
  if (a !== undefined && CARRIERS.has(a) && b !== undefined && b.length > 1 && b[0] === letter) return 2;
  if (a === 'as' && b === 'in' && c !== undefined && c.length > 1 && c[0] === letter) return 3;
  return 0;
}

function isNato(w: string | undefined): boolean {
  return w !== undefined && isNatoWord(w);
}

/** Reads a spelled run starting at i, or undefined when fewer than two letters are spelled there. */
export function readSpelledRun(words: readonly string[], i: number): SpelledRun | undefined {
  let letters = '';
  let count = 0;
  let j = i;
  let upper = false;
  while (j < words.length) {
    const w = words[j];
    if (CASE_WORDS.has(w) && (letterOf(words, j + 1) !== undefined || isNato(words[j + 1]))) {
      upper = w === 'capital' || w === 'uppercase' || w === 'upper' || w === 'big';
      j++;
      continue;
    }
    if (count > 0 && (APOSTROPHE_WORDS.has(w) || HYPHEN_WORDS.has(w)) && (letterOf(words, j + 1) !== undefined || isNato(words[j + 1]))) {
      letters += APOSTROPHE_WORDS.has(w) ? "'" : '-';
      j++;
      continue;
    }
    if ((w === 'double' || w === 'triple') && letterOf(words, j + 1) !== undefined) {
      const letter = letterOf(words, j + 1) ?? '';
      letters += letter.repeat(w === 'double' ? 2 : 3);
      count += 2;
      j += 2;
      continue;
    }
    if ((w === 'double' || w === 'triple') && (words[j + 1] === 'you' || words[j + 1] === 'u') && count > 0) {
      letters += 'w';
      count++;
      j += 2;
      continue;
    }
    const letter = letterOf(words, j);
    if (letter !== undefined) {
      letters += upper ? letter.toUpperCase() : letter;
      upper = false;
      count++;
      j += 1 + carrierLength(words, j, letter);
      continue;
    }
    // NATO words spell only in company: "sierra mike india tango hotel", not "Mike Smith".
    if (isNato(w) && (isNato(words[j + 1]) || (count > 0 && isNato(words[j - 1])))) {
      letters += upper ? NATO_ALPHABET[w].toUpperCase() : NATO_ALPHABET[w];
      upper = false;
      count++;
      j++;
      continue;
    }
    break;
  }
  return count >= 2 ? { letters, end: j } : undefined;
}
