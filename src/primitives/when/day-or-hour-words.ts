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
