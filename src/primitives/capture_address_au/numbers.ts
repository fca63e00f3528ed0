import { readBelowHundred } from '../spoken/cardinals';
import { DIGIT_WORDS, isDigitWord, isTeenWord, isTensWord, WEAK_DIGIT_WORDS } from '../spoken/characters';

/**
 * Numbers in an address as callers say them: figures ("56"), digit by digit
 * ("one two", "three oh six five"), as cardinals ("forty two", "three thousand
 * and sixty five", "eight hundred"), in pairs ("thirty sixty five") and with
 * repeaters ("double oh"). A run of number words is read as groups; whoever
 * reads the run decides whether the groups are one number (a postcode, a
 * street number) or a unit and a street number ("unit four fifty six").
 */
export interface NumberGroup {
  digits: string;
  /** Written as a figure by the recogniser, rather than said as words. */
  figure: boolean;
}

export interface NumberRun {
  start: number;
  /** Index after the last word of the run. */
  end: number;
  groups: NumberGroup[];
}

/** Digit words that are safe on their own: "to", "for", "won", "ate" and "nil" are not. */
function unitDigit(word: string | undefined): string | undefined {
  if (word === undefined || !isDigitWord(word) || WEAK_DIGIT_WORDS.has(word)) return undefined;
  return DIGIT_WORDS[word];
}

const isFigure = (w: string | undefined): boolean => w !== undefined && /^[0-9]+$/.test(w);
const isZeroWord = (w: string | undefined): boolean => w === 'oh' || w === 'o';

/** Whether a word can be part of a spoken number, wherever it sits. */
function isNumberWord(w: string | undefined): boolean {
  return w !== undefined && (unitDigit(w) !== undefined || isTeenWord(w) || isTensWord(w) || w === 'hundred' || w === 'thousand');
}

/** Whether words[i] belongs to a number run, given its neighbours ("oh" only between digits). */
export function isNumberToken(words: readonly string[], i: number): boolean {
  const w = words[i];
  if (isFigure(w) || isNumberWord(w)) return true;
  const prev = words[i - 1];
  const next = words[i + 1];
  if (isZeroWord(w)) return isFigure(prev) || isNumberWord(prev) || isFigure(next) || isNumberWord(next) || isZeroWord(next);
  if (w === 'double' || w === 'triple') return isFigure(next) || unitDigit(next) !== undefined || isZeroWord(next);
  if (w === 'and') return (prev === 'hundred' || prev === 'thousand') && (isNumberWord(next) || isFigure(next));
  if (w === 'a') return next === 'hundred' || next === 'thousand';
  return false;
}

/** Reads 1–99 said as words at i: "seven", "fifteen", "forty two", "twenty"; "a" before "hundred" or "thousand" is one. */
function readSmall(words: readonly string[], i: number): { value: number; end: number } | undefined {
  if (words[i] === 'a' && (words[i + 1] === 'hundred' || words[i + 1] === 'thousand')) return { value: 1, end: i + 1 };
  return readBelowHundred(words, i);
}

/** Skips an "and" that joins parts of one cardinal ("three thousand and sixty five"). */
function skipAnd(words: readonly string[], i: number): number {
  return words[i] === 'and' && readSmall(words, i + 1) !== undefined ? i + 1 : i;
}

/**
 * Reads one cardinal at i: "twelve", "forty two", "one hundred and five",
 * "twenty six hundred", "three thousand and sixty five". A lone digit word is
 * a one-digit group ("three oh six five" is four groups).
 */
function readCardinal(words: readonly string[], i: number): { digits: string; end: number } | undefined {
  const first = readSmall(words, i);
  if (first === undefined) return undefined;
  let j = first.end;
  if (words[j] === 'thousand') {
    let total = first.value * 1000;
    j = skipAnd(words, j + 1);
    const hundreds = readSmall(words, j);
    if (hundreds !== undefined && words[hundreds.end] === 'hundred' && hundreds.value < 10) {
      total += hundreds.value * 100;
      j = skipAnd(words, hundreds.end + 1);
    }
    const rest = readSmall(words, j);
    if (rest !== undefined && j > first.end) {
      total += rest.value;
      j = rest.end;
    }
    return { digits: String(total), end: j };
  }
  if (words[j] === 'hundred') {
    let total = first.value * 100;
    j = skipAnd(words, j + 1);
    const rest = readSmall(words, j);
    if (rest !== undefined) {
      total += rest.value;
      j = rest.end;
    }
    return { digits: String(total), end: j };
  }
  return { digits: String(first.value), end: j };
}

/** Reads the run of number words and figures starting at `start`, or undefined if there is none. */
export function readNumberRun(words: readonly string[], start: number): NumberRun | undefined {
  const groups: NumberGroup[] = [];
  let i = start;
  while (i < words.length && isNumberToken(words, i)) {
    const w = words[i];
    // A figure ends the run before a word: "55 seven hills road" is 55.
    if (groups.length > 0 && groups[groups.length - 1].figure && !isFigure(w)) break;
    if (isFigure(w)) {
      groups.push({ digits: w, figure: true });
      i++;
      continue;
    }
    if (isZeroWord(w) || w === 'zero' || w === 'nought' || w === 'naught') {
      groups.push({ digits: '0', figure: false });
      i++;
      continue;
    }
    if (w === 'double' || w === 'triple') {
      const next = words[i + 1];
      const digit = isFigure(next) && next.length === 1 ? next : isZeroWord(next) ? '0' : unitDigit(next);
      if (digit === undefined) break;
      groups.push({ digits: digit.repeat(w === 'double' ? 2 : 3), figure: false });
      i += 2;
      continue;
    }
    const cardinal = readCardinal(words, i);
    if (cardinal === undefined) break;
    groups.push({ digits: cardinal.digits, figure: false });
    i = cardinal.end;
  }
  return groups.length === 0 ? undefined : { start, end: i, groups };
}

/** Where the number run that ends just before `end` starts, or `end` when words[end-1] is no number. */
export function numberRunStartBefore(words: readonly string[], end: number): number {
  let i = end;
  while (i > 0 && isNumberToken(words, i - 1)) i--;
  return i;
}

export function joinGroups(groups: readonly NumberGroup[]): string {
  return groups.map((g) => g.digits).join('');
}
