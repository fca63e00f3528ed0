import {
  DIGIT_WORDS,
  LETTER_NAMES,
  NATO_ALPHABET,
  WEAK_DIGIT_WORDS,
  isDigitWord,
  isLetterName,
  isNatoWord,
  isSingleLetter,
  isTeenWord,
  isTensWord,
  numberWordsToDigits,
} from '../spoken/characters';
import { applyLetterHint, bearsOut, hintAt, soundsLike, type LetterHint } from '../spoken/letter-repair';
import { AU_ZONE_WITHOUT_DOT } from './domain-endings';
import { DOT_WORDS, DROP_WORDS, SPELLING_HOMONYMS, SYMBOL_WORDS, isSymbolWord } from './vocabulary';

/** A number word that is a digit for sure: "four" yes, "for" and "to" no. */
export const NUMBER_WORD = (w: string): boolean => (isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) || isTeenWord(w) || isTensWord(w);

/**
 * Spells the words of a local part: letters and letter names, digits (as
 * words or figures), symbols, "double"/"triple", "j for juliet", and a word
 * followed by its own spelling ("jane j a n e" is jane).
 */
export function spellLocal(words: readonly string[]): string {
  // The recogniser writes names with their apostrophe ("o'brien"); an address has one only when it is said.
  const pieces = spellPieces(words.map((w) => w.replace(/'/g, '')));
  return pieces.join('');
}

export function spellDomain(words: readonly string[]): string {
  const pieces = spellPieces(words, true);
  // An apostrophe is never part of a domain: "sam's plumbing" is samsplumbing.
  // Each rewrite runs only when what it rewrites can be there.
  let domain = pieces.join('');
  if (domain.includes("'")) domain = domain.replace(/'/g, '');
  if (domain.includes('..')) domain = domain.replace(/\.+/g, '.');
  if (domain.startsWith('.') || domain.endsWith('.')) domain = domain.replace(/^\.|\.$/g, '');
  // "com au" without the second dot, and "a u" spelled out, both mean .com.au.
  if (domain.endsWith('au')) domain = domain.replace(AU_ZONE_WITHOUT_DOT, '.$1.au');
  if (domain.endsWith('.aus')) domain = domain.replace(/\.aus$/, '.au');
  // "dot com" misheard as "dot con", "dot come", "dot calm".
  if (domain.includes('.co') || domain.includes('.ca')) domain = domain.replace(/\.(con|come|calm|comb|comm)(?=\.au$|$)/, '.com');
  // A repeated ending label is a stutter: "dot com dot au dot au".
  if (/\.(com|net|org|au)\.\1/.test(domain)) domain = domain.replace(/\.(com|net|org|au)(?:\.\1)+(?=\.|$)/g, '.$1');
  return domain;
}

function spellPieces(words: readonly string[], inDomain = false): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (DOT_WORDS.has(w)) {
      out.push('.');
      continue;
    }
    if (w === 'full' && next === 'stop') {
      out.push('.');
      i++;
      continue;
    }
    if (w === 'under' && next === 'score') {
      out.push('_');
      i++;
      continue;
    }
    if (isSymbolWord(w)) {
      out.push(SYMBOL_WORDS[w]);
      continue;
    }
    // "j then smith", "j followed by smith": words that join spelled pieces.
    if (!inDomain && out.length > 0 && next !== undefined && (w === 'then' || (w === 'followed' && next === 'by'))) {
      if (w === 'followed') i++;
      continue;
    }
    // An address has no spaces: "jane space doe" cannot be written down as said.
    if (w === 'space' && !inDomain) {
      out.push(UNREADABLE);
      continue;
    }
    // "sarah with an h", "jane with a y", "steven with a p h": a spelling hint about the word before, not part of the address.
    // "phillip with two l's", "alan with double l", "philip with one l" too.
    if ((w === 'with' || w === 'without') && next !== undefined && HINT_AFTER_WITH.has(next) && out.length > 0) {
      const found = next === 'a' || next === 'an' ? hintAt(words, i) : hintAt(words, i + 1);
      if (found !== undefined) {
        applyHintInPlace(out, found.hint, found.spelled);
        i = found.end - 1;
        continue;
      }
    }
    if (DROP_WORDS.has(w) && next !== undefined && (isSingleLetter(next) || isLetterName(next))) continue;
    if ((w === 'double' || w === 'triple') && next !== undefined) {
      const times = w === 'double' ? 2 : 3;
      if (next === 'you' || next === 'u') {
        // "double you" is the letter W; "double u" is how recognisers write it.
        out.push(w === 'double' ? 'w' : 'uuu');
        i++;
        continue;
      }
      const unit = spellOne(next, words, i + 1, inDomain);
      if (unit.length === 1) {
        out.push(unit.repeat(times));
        i++;
        continue;
      }
    }
    // "j for juliet", "a as in apple", "s like sugar"
    const carrier = phoneticCarrier(words, i);
    if (carrier > 0) {
      out.push(w);
      i += carrier;
      continue;
    }
    // "jane j a n e": the spelling replaces the word before it.
    if (w.length > 1 && !isLetterName(w) && isSpellingOf(words, i + 1, w)) continue;
    // "two thousand and five" is 2005, "two thousand" 2000.
    if (next === 'thousand' && isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) {
      const [digits, used] = thousands(words, i);
      out.push(digits);
      i += used - 1;
      continue;
    }
    // "one hundred and one" is 101.
    if (next === 'hundred' && isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) {
      let j = i + 2;
      if (words[j] === 'and' && NUMBER_WORD(words[j + 1] ?? '')) j++;
      while (j < words.length && j - i < 5 && NUMBER_WORD(words[j])) j++;
      const digits = numberWordsToDigits(words.slice(i, j));
      if (digits !== undefined) {
        out.push(digits);
        i = j - 1;
        continue;
      }
    }
    // Runs of number words make one number ("twenty three" is 23).
    if (isTensWord(w) || isTeenWord(w)) {
      let j = i;
      while (
        j < words.length &&
        (isTensWord(words[j]) || isTeenWord(words[j]) || (isDigitWord(words[j]) && !WEAK_DIGIT_WORDS.has(words[j])))
      )
        j++;
      out.push(numberWordsToDigits(words.slice(i, j)) ?? w);
      i = j - 1;
      continue;
    }
    out.push(spellOne(w, words, i, inDomain));
  }
  return out;
}

/** "two thousand [and] twelve" from `i`: the digits and how many words they took. */
function thousands(words: readonly string[], i: number): [string, number] {
  const base = Number(DIGIT_WORDS[words[i]]) * 1000;
  let j = i + 2;
  if (words[j] === 'and') j++;
  let end = j;
  while (
    end < words.length &&
    end - j < 2 &&
    (isTensWord(words[end]) || isTeenWord(words[end]) || (isDigitWord(words[end]) && !WEAK_DIGIT_WORDS.has(words[end])))
  )
    end++;
  const rest = end > j ? numberWordsToDigits(words.slice(j, end)) : undefined;
  if (rest === undefined || Number(rest) >= 1000) return [String(base), i + 2 - i];
  return [String(base + Number(rest)), end - i];
}

/** Words after "with" that start a spelling hint: "with a y", "with two l's", "with double l", "with one l". */
const HINT_AFTER_WITH: ReadonlySet<string> = new Set(['a', 'an', 'two', 'double', 'one', 'single']);

/** Marks a piece of an address that cannot be spelled; it makes the address invalid. */
const UNREADABLE = '\u0000';

/**
 * Applies a hint to the word just spelled (the letters at the end of `out`): a word that bears it
 * out stays, one place it fits is changed, a spelling after the hint replaces a word it sounds
 * like. Anything else leaves the address unreadable, so it is asked for again, never guessed.
 */
function applyHintInPlace(out: string[], hint: LetterHint, spelled: string | undefined): void {
  const joined = out.join('');
  const word = /[a-z]+$/.exec(joined)?.[0];
  let changed: string | undefined;
  if (word !== undefined && spelled !== undefined) {
    changed = soundsLike(spelled, word) && bearsOut(spelled, hint) ? spelled : undefined;
  } else if (word !== undefined) {
    const applied = applyLetterHint(word, hint);
    changed = applied.kind === 'same' ? word : applied.kind === 'word' ? applied.word : undefined;
  }
  out.length = 0;
  out.push(changed === undefined || word === undefined ? `${joined}${UNREADABLE}` : joined.slice(0, joined.length - word.length) + changed);
}

function spellOne(w: string, words: readonly string[], i: number, inDomain: boolean): string {
  if (isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) return DIGIT_WORDS[w];
  if ((w === 'oh' || w === 'o') && neighboursAreDigits(words, i)) return '0';
  if (w === 'oh') return 'o';
  if (isLetterName(w) && (inSpelledRun(words, i) || inDomain)) return LETTER_NAMES[w];
  if (isNatoWord(w) && inNatoRun(words, i)) return NATO_ALPHABET[w];
  return w;
}

function isDigitish(w: string | undefined): boolean {
  return w !== undefined && ((isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) || /^[0-9]+$/.test(w));
}

function neighboursAreDigits(words: readonly string[], i: number): boolean {
  return isDigitish(words[i - 1]) || isDigitish(words[i + 1]);
}

export function isLetterToken(w: string | undefined): boolean {
  return w !== undefined && (isSingleLetter(w) || isLetterName(w));
}

function inSpelledRun(words: readonly string[], i: number): boolean {
  if (isSingleLetter(words[i - 1] ?? '') || isSingleLetter(words[i + 1] ?? '')) return true;
  if (isLetterToken(words[i - 1]) && isLetterToken(words[i + 1])) return true;
  // The ends of a run of three or more letter names ("ess tee ee vee ee") are spelled too.
  let start = i;
  while (start > 0 && isRunLetter(words[start - 1])) start--;
  let end = i + 1;
  while (end < words.length && isRunLetter(words[end])) end++;
  return end - start >= 3;
}

/** A letter in a spelled run: a single letter, a letter name, or "oh" for O. */
function isRunLetter(w: string | undefined): boolean {
  return isLetterToken(w) || w === 'oh';
}

function inNatoRun(words: readonly string[], i: number): boolean {
  return isNatoWord(words[i - 1] ?? '') || isNatoWord(words[i + 1] ?? '');
}

/** Length of a "for juliet" / "as in apple" / "like sugar" carrier after a letter at i, else 0. */
function phoneticCarrier(words: readonly string[], i: number): number {
  const letter = words[i];
  if (!isSingleLetter(letter)) return 0;
  const a = words[i + 1];
  const b = words[i + 2];
  const c = words[i + 3];
  if ((a === 'for' || a === 'like') && b !== undefined && b.length > 1 && b[0] === letter) return 2;
  if (a === 'as' && b === 'in' && c !== undefined && c.length > 1 && c[0] === letter) return 3;
  return 0;
}

/** Whether words from `from` spell `word` out letter by letter (at least two letters). */
function isSpellingOf(words: readonly string[], from: number, word: string): boolean {
  let letters = '';
  let j = from;
  while (j < words.length && isLetterToken(words[j]) && letters.length < word.length + 3) {
    letters += isSingleLetter(words[j]) ? words[j] : LETTER_NAMES[words[j]];
    j++;
  }
  if (j - from < 2) return false;
  // The spelling may correct the word ("lee l e i g h"), but it must start the same way.
  return letters[0] === word[0] && (letters === word || j - from >= 3);
}

/** Whether a sentence word at `i` is really a spelled letter ("j a n e you"...). */
export function isSpelledContext(words: readonly string[], i: number): boolean {
  const w = words[i];
  if (!SPELLING_HOMONYMS.has(w)) return false;
  const prev = words[i - 1];
  const next = words[i + 1];
  return (prev !== undefined && isSingleLetter(prev)) || (next !== undefined && isSingleLetter(next));
}
