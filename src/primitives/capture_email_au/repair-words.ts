/**
 * Words callers use to change part of an address at confirmation (read by part-repair.ts).
 * Phrases are matched on normalised text (lowercase, punctuation gone).
 */

/** The part before the at, as callers name it: "the first bit", "the username". */
const LOCAL_NAMES: readonly string[] = [
  'first bit',
  'first part',
  'first half',
  'front part',
  'start',
  'beginning',
  'name part',
  'name bit',
  'username',
  'user name',
  'bit before the at',
  'part before the at',
  'before the at',
];

/** The part after the at, as callers name it: "the last bit", "the domain". */
const DOMAIN_NAMES: readonly string[] = [
  'last bit',
  'last part',
  'second bit',
  'second part',
  'second half',
  'end',
  'ending',
  'end bit',
  'end part',
  'domain',
  'bit after the at',
  'part after the at',
  'after the at',
  'gmail bit',
];

/** How callers say a part is right, or wrong, after naming it ("'s right", " is correct", "s fine"). */
const RIGHT: readonly string[] = ['right', 'correct', 'fine', 'good', 'ok', 'okay'];
const WRONG: readonly string[] = ['wrong', 'not right', 'incorrect'];

/** "first bit's right", "first bits right" (the recogniser drops the apostrophe), "first bit is right", "first bit was right". */
function said(names: readonly string[], verdicts: readonly string[]): string[] {
  return names.flatMap((name) => verdicts.flatMap((v) => [`${name}'s ${v}`, `${name}s ${v}`, `${name} is ${v}`, `${name} was ${v}`]));
}

/** "the first bit's right but it's outlook dot com", "the domain's wrong, it's hotmail": the part before the at stays. */
export const KEEP_LOCAL: readonly string[] = [...said(LOCAL_NAMES, RIGHT), ...said(DOMAIN_NAMES, WRONG)];

/** "the last bit's right, it's jayne", "the first part's wrong, it's jayne": the part after the at stays. */
export const KEEP_DOMAIN: readonly string[] = [...said(DOMAIN_NAMES, RIGHT), ...said(LOCAL_NAMES, WRONG)];

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
  'the first part is',
  'the end is',
  'the end should be',
  'the domain is',
  "the domain's",
  'the domain should be',
  'the last bit is',
  'the last part is',
  'the second part is',
  'the username is',
  'the name is',
  'it should be',
  'change it to',
  // "but it's at outlook dot com": the at of the part said again
  'at',
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
