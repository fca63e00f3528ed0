/**
 * Words of a number said alone to a day-and-time read-back, and of the answer to "the 5th, or 5
 * o'clock?". Data only: day-or-hour.ts reads them. Canonical words (words.ts): no apostrophes.
 */

/** What may come before the number: "no, 5", "nah it's 5", "sorry, I meant 5", "make it 5". */
export const NUMBER_LEAD_INS: readonly string[] = [
  'no',
  'nah',
  'nope',
  'sorry',
  'oh',
  'um',
  'uh',
  'its',
  'it is',
  'it was',
  'it should be',
  'should be',
  'actually',
  'i mean',
  'i meant',
  'i said',
  'make it',
  'make that',
];

/**
 * Answers that pick the day: by name, or by position ("the first one"; ordinals are figures
 * here). Not "the first" alone: that may be the 1st of the month.
 */
export const DAY_ANSWERS: readonly string[] = [
  'day',
  'the day',
  'date',
  'the date',
  'the day of the month',
  'the 1st one',
  '1st one',
  'the former',
];

/** Answers that pick the hour (not "the second" alone: the 2nd of the month). */
export const HOUR_ANSWERS: readonly string[] = [
  'time',
  'the time',
  'hour',
  'the hour',
  'oclock',
  'the 2nd one',
  '2nd one',
  'the last one',
  'the latter',
];

/**
 * Answers to "5 o'clock, or 5:30?" (a lone hour said to replace a time with minutes) that pick the
 * hour on the hour, after the lead-ins and the hour itself are taken off ("5 o'clock sharp" →
 * "oclock sharp"). An empty rest ("5" again) is on the hour too.
 */
export const ON_THE_HOUR_ANSWERS: readonly string[] = [
  '',
  'oclock',
  'oclock sharp',
  'oclock exactly',
  'oclock on the dot',
  'on the hour',
  'the hour',
  'sharp',
  'exactly',
  'on the dot',
  'dead on',
  'oclock dead',
  'flat',
  'the oclock one',
  'just the hour',
];

/** Answers that keep the minutes read back ("the second one"); the minutes themselves are read in hour-or-minutes.ts. */
export const WITH_MINUTES_ANSWERS: readonly string[] = ['with the minutes', 'keep the minutes', 'same minutes'];

/**
 * The choices by position, in the order the question offers them: "5 o'clock, or 5:30?" (two), or
 * "the 5th, 5 o'clock, or 5:30?" (three, when the number could also be the day). Index 0 is the first.
 */
export const POSITION_ANSWERS: ReadonlyArray<readonly [words: readonly string[], index: number | 'last']> = [
  [['the 1st one', '1st one', 'the 1st', 'the former', 'the 1st option'], 0],
  [['the 2nd one', '2nd one', 'the 2nd', 'the 2nd option', 'the middle one'], 1],
  [['the 3rd one', '3rd one', 'the 3rd', 'the 3rd option'], 2],
  [['the last one', 'last one', 'the latter', 'the last', 'the last option'], 'last'],
];
