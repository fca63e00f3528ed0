import { normaliseUtterance } from '../spoken/normalise';
import { MONTH_WORDS } from './words';

/**
 * A date said only in part, cut off where more must follow: "the twenty"
 * (the twenty-what?), "the fifth of" (of which month?), "the 5th of March
 * twenty" (twenty-what?). Never completed by guessing: the caller is asked
 * for the rest, and what was heard is kept so the rest completes it.
 *
 * Returns the words heard (normalised, fillers at the end dropped) when the
 * utterance ends cut off, else undefined.
 */
export function cutOffDate(utterance: string): string | undefined {
  const words = wordsBeforeFillers(utterance);
  const n = words.length;
  if (n < 2) return undefined;
  const last = words[n - 1];
  const before = words[n - 2];
  const heard = words.join(' ');
  // "the twenty", "March the thirty": a day said up to its tens (the 20th is "the twentieth").
  // ("March twenty" with no "the" is left alone: said that way it is the 20th.)
  if (DAY_TENS.has(last) && before === 'the') return heard;
  // "the fifth of": a day without the month it was going to name.
  if (last === 'of' && (ORDINAL_DAY.test(before) || DAY_TENS.has(before))) return heard;
  // "the 5th of March twenty", "March the 5th nineteen": a year said up to its century.
  if (YEAR_STARTS.has(last) && hasDayAndMonth(words.slice(0, -1))) return heard;
  if (last === 'and' && before === 'thousand' && hasDayAndMonth(words.slice(0, -3))) return heard;
  return undefined;
}

/**
 * A whole date whose year may not be all the caller said: "the 1st of January two thousand" is
 * 2000 as said (the usual way to say it), but a caller cut off before "and five" sounds the same.
 * Taken, and read back whatever the confidence (never completed unheard).
 */
export function yearMayGoOn(utterance: string): boolean {
  const words = wordsBeforeFillers(utterance);
  const n = words.length;
  return n > 2 && words[n - 1] === 'thousand' && words[n - 2] === 'two' && hasDayAndMonth(words.slice(0, -2));
}

/** The utterance's words, normalised, without the fillers it trails off with ("um", "er"): where a date or a time ends. */
function wordsBeforeFillers(utterance: string): string[] {
  const words = normaliseUtterance(utterance)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  while (words.length > 0 && TRAILING_FILLERS.has(words[words.length - 1])) words.pop();
  return words;
}

/**
 * A time said only in part: "at half", "half past", "quarter to".
 * Returns the words heard when the utterance ends cut off, else undefined.
 */
export function cutOffTime(utterance: string): string | undefined {
  const heard = wordsBeforeFillers(utterance).join(' ');
  return TIME_CUT_OFF.test(heard) ? heard : undefined;
}

/** "… half past", "… quarter to", "… twenty five past", "… at half": the hour never came. */
const TIME_CUT_OFF = /(?:^|\s)(?:(?:half|quarter|five|ten|twenty|twenty five) (?:past|to)|at half|half)$/;

/** Fillers a recogniser leaves at the end of a cut-off answer. */
const TRAILING_FILLERS: ReadonlySet<string> = new Set(['um', 'umm', 'uh', 'er', 'erm', 'ah']);

const DAY_TENS: ReadonlySet<string> = new Set(['twenty', 'thirty']);

const YEAR_STARTS: ReadonlySet<string> = new Set(['nineteen', 'twenty']);

/** "5th", "fifth", "twenty first", "first": a day said as an ordinal. */
const ORDINAL_DAY = /^(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|[a-z]+th)$/;

function hasDayAndMonth(words: readonly string[]): boolean {
  const monthAt = words.findIndex((w) => MONTH_WORDS.has(w));
  if (monthAt < 0) return false;
  // The month's own words must not be the end of a bare "March twenty" (the 20th of March).
  return words.some((w, i) => i !== monthAt && ORDINAL_DAY.test(w));
}
