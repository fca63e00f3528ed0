/**
 * Words of a spelled reference that the shared tables (spoken/characters.ts)
 * do not hold: English words that are also letter or digit names, words that
 * join or separate characters, and the phrases with which a caller takes
 * back what was just spelled.
 */

/**
 * Letter and digit names that are also everyday words ("are", "see", "for"):
 * part of a code only next to characters that are surely one, and dropped at
 * the edge of a run when a sentence runs into it ("the letters are A B").
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'ay',
  'be',
  'see',
  'sea',
  'are',
  'you',
  'why',
  'tea',
  'eye',
  'ex',
  'el',
  'em',
  'en',
  'gee',
  'queue',
  'to',
  'too',
  'for',
  'fore',
  'won',
  'ate',
  'nil',
]);

/** Single letters that are also words ("a", "I"), or could be the digit 0 ("o"). */
export const WEAK_LETTERS: ReadonlySet<string> = new Set(['a', 'i', 'o']);

/** Said between characters without being one: skipped, the run goes on. */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'um',
  'umm',
  'uh',
  'uhh',
  'er',
  'erm',
  'ah',
  'hmm',
  'then',
  'and',
  'dash',
  'hyphen',
  'space',
  'capital',
  'cap',
  'big',
  'small',
  'upper',
  'uppercase',
  'lower',
  'lowercase',
  'case',
  'letter',
  'digit',
  'number',
]);

/** "A for apple", "M as in Mike", "B like bravo": the word after these anchors the letter. */
export const ANCHORS: ReadonlyArray<readonly string[]> = [['for'], ['as', 'in'], ['like'], ['is', 'for']];

/** Repeaters: "double seven" is 77, "triple A" is AAA. */
export const REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3 };

/** Capitalised words that are not codes even when a recogniser writes them in capitals. */
export const NOT_CODES: ReadonlySet<string> = new Set(['OK', 'AM', 'PM', 'I']);

/** Phrases with which a caller takes back what was just spelled; what follows the last one counts. */
export const CORRECTIONS: ReadonlyArray<readonly string[]> = [
  ['sorry'],
  ['i', 'mean'],
  ['i', 'meant'],
  ['no', 'wait'],
  ['actually'],
  ['scratch', 'that'],
  ['oops'],
  ['correction'],
  ['start', 'again'],
  ['or', 'rather'],
];
