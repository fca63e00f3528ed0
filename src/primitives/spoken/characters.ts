/**
 * Spoken characters: digits said as words, letters said by name or by a
 * phonetic word, and the "double"/"triple" repeaters Australians use.
 */

import { keysOf, wordTable } from './keys';
import { TEEN_VALUES, TENS_VALUES, UNIT_VALUES } from './number-words';

/**
 * Digits as words: the number words of number-words.ts (one table for every
 * reader), and the spellings recognisers write for a digit said alone.
 */
const DIGIT_HOMOPHONES: Readonly<Record<string, string>> = {
  nil: '0',
  oh: '0',
  o: '0',
  won: '1',
  to: '2',
  too: '2',
  for: '4',
  fore: '4',
  ate: '8',
};

export const DIGIT_WORDS: Readonly<Record<string, string>> = wordTable({
  ...Object.fromEntries(Object.entries(UNIT_VALUES).map(([word, value]) => [word, String(value)])),
  ...DIGIT_HOMOPHONES,
});

/** Digit words that are also ordinary English words; only trusted between other digits. */
export const WEAK_DIGIT_WORDS: ReadonlySet<string> = new Set(['to', 'too', 'for', 'fore', 'won', 'ate', 'o', 'oh', 'nil']);

/** "thirteen" → "13". */
export const TEEN_WORDS: Readonly<Record<string, string>> = wordTable(
  Object.fromEntries(Object.entries(TEEN_VALUES).map(([word, value]) => [word, String(value)])),
);

/** The tens digit of a tens word: "twenty" → "2". */
export const TENS_WORDS: Readonly<Record<string, string>> = wordTable(
  Object.fromEntries(Object.entries(TENS_VALUES).map(([word, value]) => [word, String(value / 10)])),
);

/** Letter names as recognisers write them. Ambiguous English words are not here. */
export const LETTER_NAMES: Readonly<Record<string, string>> = wordTable({
  ay: 'a',
  bee: 'b',
  be: 'b',
  cee: 'c',
  see: 'c',
  sea: 'c',
  dee: 'd',
  ee: 'e',
  ef: 'f',
  eff: 'f',
  gee: 'g',
  aitch: 'h',
  haitch: 'h',
  eye: 'i',
  jay: 'j',
  kay: 'k',
  el: 'l',
  ell: 'l',
  em: 'm',
  en: 'n',
  pee: 'p',
  cue: 'q',
  queue: 'q',
  ar: 'r',
  are: 'r',
  ess: 's',
  tee: 't',
  tea: 't',
  you: 'u',
  vee: 'v',
  ex: 'x',
  why: 'y',
  zed: 'z',
  zee: 'z',
});

export const NATO_ALPHABET: Readonly<Record<string, string>> = wordTable({
  alpha: 'a',
  alfa: 'a',
  bravo: 'b',
  charlie: 'c',
  delta: 'd',
  echo: 'e',
  foxtrot: 'f',
  golf: 'g',
  hotel: 'h',
  india: 'i',
  juliet: 'j',
  juliett: 'j',
  kilo: 'k',
  lima: 'l',
  mike: 'm',
  november: 'n',
  oscar: 'o',
  papa: 'p',
  quebec: 'q',
  romeo: 'r',
  sierra: 's',
  tango: 't',
  uniform: 'u',
  victor: 'v',
  whiskey: 'w',
  whisky: 'w',
  xray: 'x',
  'x-ray': 'x',
  yankee: 'y',
  zulu: 'z',
});

/** `word in TABLE` for the tables above (see keysOf). */
export const isDigitWord = keysOf(DIGIT_WORDS);
export const isTeenWord = keysOf(TEEN_WORDS);
export const isTensWord = keysOf(TENS_WORDS);
export const isLetterName = keysOf(LETTER_NAMES);
export const isNatoWord = keysOf(NATO_ALPHABET);

export function isSingleLetter(word: string): boolean {
  return word.length === 1 && word >= 'a' && word <= 'z';
}

export function isDigitString(word: string): boolean {
  return /^[0-9]+$/.test(word);
}

/**
 * Converts a run of number words to digits the way people say digit strings:
 * "twenty three" is 23, "nineteen eighty five" is 1985, "oh four" is 04.
 * Returns undefined when a word is not a number word.
 */
export function numberWordsToDigits(words: readonly string[]): string | undefined {
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isDigitString(w)) {
      out += w;
    } else if (isDigitWord(w)) {
      out += DIGIT_WORDS[w];
    } else if (isTeenWord(w)) {
      out += TEEN_WORDS[w];
    } else if (isTensWord(w)) {
      const next = words[i + 1];
      const unit = next !== undefined ? DIGIT_WORDS[next] : undefined;
      if (unit !== undefined && unit !== '0' && next !== undefined && !WEAK_DIGIT_WORDS.has(next)) {
        out += TENS_WORDS[w] + unit;
        i++;
      } else {
        out += TENS_WORDS[w] + '0';
      }
    } else if (w === 'hundred' && out.length > 0) {
      // "four hundred" said as a digit group is 400; "one hundred and five" is 105.
      const next = words[i + 1] === 'and' ? i + 2 : i + 1;
      const rest = words[next];
      if (rest !== undefined && (isTeenWord(rest) || isTensWord(rest))) {
        // The following group fills the last two digits.
        i = next - 1;
      } else if (rest !== undefined && isDigitWord(rest) && !WEAK_DIGIT_WORDS.has(rest)) {
        out += '0';
        i = next - 1;
      } else {
        out += '00';
      }
    } else {
      return undefined;
    }
  }
  return out;
}
