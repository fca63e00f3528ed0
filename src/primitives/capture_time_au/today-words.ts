import { WEEKDAY_NAMES } from '../when/calendar';

/**
 * Words that tie a time of day to today: said with one, the time is a moment
 * ("9 am this morning"), which the tense can rule out. Matched as whole words
 * in the canonical text (when/heard.ts: "this arvo" is already "this afternoon").
 */
export const TODAY_WORDS: readonly string[] = ['today', 'this morning', 'this afternoon', 'this evening', 'this am', 'this pm', 'tonight'];

/**
 * Words that name another day: with one of them as well ("today, no, tomorrow
 * at 9", "tonight or tomorrow morning") the time is not tied to today alone.
 */
export const OTHER_DAY_WORDS: readonly string[] = [
  ...WEEKDAY_NAMES,
  'tomorrow',
  'yesterday',
  'next',
  'last',
  'week',
  'weekend',
  'fortnight',
];
