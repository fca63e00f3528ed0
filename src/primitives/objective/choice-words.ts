/**
 * The words of an answer to "Was that X or Y?" that pick one of the two offered values by
 * position, or neither. Data only: choice.ts reads answers with them.
 */

/** Words that pick the first value offered (not "one": "Was that 2 or 12?" may be answered "two"). */
export const FIRST_WORDS: readonly string[] = ['first', '1st', 'former'];

/** Words that pick the second value offered ("the last one": the last one said). */
export const SECOND_WORDS: readonly string[] = ['second', '2nd', 'latter', 'last'];

/** What may come before the picking word: "yeah it's the first one", "I said the second". */
export const LEAD_INS: readonly string[] = [
  'yeah',
  'yes',
  'yep',
  'yup',
  'oh',
  'ah',
  'um',
  'uh',
  'er',
  'erm',
  'it',
  "it's",
  'its',
  'is',
  'was',
  'that',
  "that's",
  'i',
  'said',
  'meant',
  'mean',
  'the',
];

/** What may come after it: "the first one please", "the second option mate". */
export const TAIL_WORDS: readonly string[] = ['one', 'option', 'please', 'thanks', 'mate', 'of', 'those', 'them', 'you', 'said'];

/** Whole answers that refuse both ("neither", "none of them", "no"). */
export const NEITHER_ANSWERS: readonly string[] = [
  'neither',
  'neither of them',
  'neither of those',
  'neither one',
  'none',
  'none of them',
  'none of those',
  'no',
  'nope',
  'nah',
  'no neither',
  'nah neither',
  'no none of them',
  'no neither of them',
  'no neither of those',
  "it's neither",
  'it was neither',
  'both wrong',
  "they're both wrong",
];

/** What may come before words repeated from one of the two values: "no, it was the thirtieth". */
export const ECHO_LEAD_INS: readonly string[] = [
  'yeah',
  'yes',
  'yep',
  'no',
  'nah',
  'oh',
  'ah',
  'um',
  'uh',
  'er',
  'erm',
  'sorry',
  'it',
  "it's",
  'its',
  'was',
  'is',
  'that',
  "that's",
  'i',
  'said',
];
