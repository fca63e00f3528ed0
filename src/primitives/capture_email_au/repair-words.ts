/**
 * Words callers use to change part of an address at confirmation (read by part-repair.ts).
 * Phrases are matched on normalised text (lowercase, punctuation gone).
 */

/** "the first bit's right but it's outlook dot com": the part before the at stays. */
export const KEEP_LOCAL: readonly string[] = [
  "first bit's right",
  'first bit is right',
  "first part's right",
  'first part is right',
  "first bit's fine",
  "first part's fine",
  "start's right",
  'start is right',
  "beginning's right",
  'beginning is right',
  'before the at is right',
  "name part's right",
];

/** "the last bit's right, it's jayne": the part after the at stays. */
export const KEEP_DOMAIN: readonly string[] = [
  "last bit's right",
  'last bit is right',
  "last part's right",
  'last part is right',
  "second bit's right",
  "second part's right",
  "end's right",
  'end is right',
  "ending's right",
  'after the at is right',
  "domain's right",
  'domain is right',
  "gmail bit's right",
];

/** Lead-ins before the replacement part: "but it's …", "the rest is …". */
export const LEAD_INS: readonly string[] = [
  'but',
  "it's",
  'its',
  'it is',
  'the rest is',
  'should be',
  "it's actually",
  'actually',
  'just',
  'the start is',
  'the first bit is',
  'the end is',
];

/**
 * "there's no dot, all one word": the separators of the part before the at go. A "no dot" before
 * a domain ending ("no, dot com dot au") is a "no" and an ending, not this.
 */
export const ONE_WORD: readonly RegExp[] = [
  /\bno (?:dots?|full stops?)\b(?! (?:com|net|org|au|edu|gov|io|co|info|biz|me)\b)/,
  /\b(?:all )?one word\b/,
  /\ball together\b/,
  /\bno space\b/,
];

/** Separators by the words for them. */
export const SEPARATOR_WORDS: Readonly<Record<string, string>> = {
  dash: '-',
  hyphen: '-',
  minus: '-',
  underscore: '_',
  'under score': '_',
  dot: '.',
  'full stop': '.',
  period: '.',
  point: '.',
};

/** "a dot between them": where a separator goes when the two words are not named. */
export const BETWEEN_THEM: readonly string[] = [
  'between them',
  'in between',
  'between the names',
  'between the two',
  'between the words',
  'between the two names',
  'between the two words',
  'in the middle',
];

/** Spelling hints a part-repair does not read yet ("with a y", "double l", "p h"): asked again, never guessed. */
export const HINT_PATTERNS: readonly RegExp[] = [
  /\bwith an? [a-z]\b/,
  /\bwith an? [a-z] [a-z]\b/,
  /\bdouble [a-z]\b/,
  /\bnot (?:an? )?[a-z],? (?:an? )?[a-z]( [a-z])?\b/,
  /\bspelt?\b|\bspelled\b/,
];
