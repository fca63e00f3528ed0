import { wordTable } from '../spoken/keys';
/**
 * The words around a number that change what it means: hedges ("about"),
 * bounds ("over"), vague amounts ("heaps"), and phrases with number words
 * that are not numbers ("hang on a second").
 */

/** Units recognised next to a number; the value stays the number as said. */
export type Unit = 'dollars' | 'cents' | 'percent';

/** Phrases that contain number words but are not numbers ("hang on a second", "first of all"). */
export const NOT_NUMBERS = new RegExp(
  '\\b(?:' +
    [
      '(?:hang|hold) on(?: (?:a|one))? (?:sec|second|tick|moment|minute)',
      '(?:hang|hold) on',
      '(?:wait|just|give me|in) (?:a|one) (?:sec|second|tick|moment|minute)',
      '(?:a|one) (?:sec|second|tick|moment)',
      'first of all',
      'at first',
      'for one thing',
      'no one',
      'one of these days',
      '(?:on )?a scale of \\S+ (?:to|out of) \\S+',
      "(?:let me|lemme|let's) (?:think|see|check|have a look)",
    ].join('|') +
    ')\\b',
  'g',
);

export const APPROXIMATE_BEFORE: ReadonlyArray<readonly string[]> = [
  ['about'],
  ['around'],
  ['roughly'],
  ['approximately'],
  ['approx'],
  ['nearly'],
  ['almost'],
  ['close', 'to'],
  ['maybe'],
  ['probably'],
  ['possibly'],
  ['perhaps'],
  ['somewhere', 'around'],
  ['round', 'about'],
  ['roundabout'],
  ['give', 'or', 'take'],
  ['estimate'],
  ['guess'],
  ['ballpark'],
  ['in', 'the', 'region', 'of'],
  ['like'],
];

export const APPROXIMATE_AFTER: ReadonlyArray<readonly string[]> = [
  ['ish'],
  ['or', 'so'],
  ['give', 'or', 'take'],
  ['or', 'thereabouts'],
  ['roughly'],
  ['approximately'],
];

export const BOUND_BEFORE: ReadonlyArray<readonly string[]> = [
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['greater', 'than'],
  ['bigger', 'than'],
  ['over'],
  ['under'],
  ['above'],
  ['below'],
  ['beyond'],
  ['at', 'least'],
  ['at', 'most'],
  ['up', 'to'],
  ['upwards', 'of'],
  ['a', 'minimum', 'of'],
  ['a', 'maximum', 'of'],
  ['not', 'more', 'than'],
  ['no', 'more', 'than'],
  ['no', 'less', 'than'],
  ['no', 'fewer', 'than'],
];

export const BOUND_AFTER: ReadonlyArray<readonly string[]> = [
  ['plus'],
  ['or', 'more'],
  ['or', 'less'],
  ['or', 'fewer'],
  ['or', 'over'],
  ['or', 'under'],
  ['at', 'most'],
  ['at', 'least'],
  ['max'],
  ['maximum'],
  ['minimum'],
  ['tops'],
  ['and', 'up'],
  ['and', 'over'],
  ['and', 'above'],
  ['and', 'a', 'bit'],
  ['and', 'change'],
  ['something'],
  ['odd'],
];

/** Amounts that are not a number. "a dozen" is exact; "dozens" is not. */
export const VAGUE_WORDS: ReadonlySet<string> = new Set([
  'few',
  'couple',
  'several',
  'heaps',
  'lots',
  'many',
  'bunch',
  'handful',
  'loads',
  'tons',
  'plenty',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'umpteen',
  'numerous',
  'various',
  'teens',
  'twenties',
  'thirties',
  'forties',
  'fifties',
  'sixties',
  'seventies',
  'eighties',
  'nineties',
]);

/** Words that turn "one" into a pronoun ("the other one", "that one"). */
export const PRONOUN_BEFORE: ReadonlySet<string> = new Set([
  'the',
  'that',
  'this',
  'which',
  'each',
  'every',
  'any',
  'other',
  'another',
  'last',
  'next',
  'same',
  'right',
  'wrong',
  'new',
  'old',
  'big',
  'little',
  'small',
  'first',
  'second',
  'third',
  'some',
  'no',
  'a',
]);

/** Words that answer "how many" with nothing. */
export const ZERO_WORDS: ReadonlySet<string> = new Set(['none', 'nil', 'nothing', 'zip', 'zilch', 'nada']);

/** "we don't have any", "no kids": nothing, said without a number word. */
export const ZERO_PHRASES =
  /\b(?:(?:do not|don't|dont|haven't|havent|have not|didn't|never had) (?:have |got )?any|not any|not a single one|no (?!(?:thanks|worries|dramas|problems|probs|idea|clue|way|more|less|fewer|one)\b)[a-z]+(?:s|ren|ple))$/;

/** Said after a number to take it back within one breath: "twenty, no, thirty"; "make that thirty". */
export const INLINE_CORRECTIONS: ReadonlyArray<readonly string[]> = [['make', 'that'], ['make', 'it'], ['no'], ['nah'], ['nope'], ['wait']];

export const UNIT_WORDS: Readonly<Record<string, Unit>> = wordTable({
  dollars: 'dollars',
  dollar: 'dollars',
  bucks: 'dollars',
  buck: 'dollars',
  aud: 'dollars',
  cents: 'cents',
  cent: 'cents',
  percent: 'percent',
  'per cent': 'percent',
});
