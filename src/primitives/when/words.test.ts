import { normaliseUtterance } from '../spoken/normalise';
import { canonicalWords, type WordsHint } from './words';

/** What the recogniser wrote → what the date and time grammars read. */
const CANONICAL: ReadonlyArray<readonly [string, WordsHint, string]> = [
  ['the twenty-first of March twenty twenty seven', 'date', 'the 21st of march 2027'],
  ['the fifth of march nineteen eighty five', 'date', 'the 5th of march 1985'],
  ['two thousand and twenty six', 'date', '2026'],
  ['the third of the fourth', 'date', 'the 3rd of the 4th'],
  ['march the fifth', 'date', '5th march'],
  ['the forth', 'date', 'the 4th'],
  ['the twenty for of december', 'date', 'the 24 of december'],
  ['hang on a second um friday', 'date', 'hang on friday'],
  ['tomorra arvo', 'date', 'tomorrow afternoon'],
  ['wensday', 'date', 'wednesday'],
  ['three thirty in the arvo', 'time', '3:30 in the afternoon'],
  ['nine oh five', 'time', '9:05'],
  ['oh nine hundred hours', 'time', '09:00'],
  ['fifteen hundred', 'time', '15:00'],
  ['at 1500', 'time', 'at 15:00'],
  ['nineteen hundred hours', 'time', '19:00'],
  ['at twenty thirty', 'time', 'at 20:30'],
  ['twenty to five', 'time', '20 to 5'],
  ['half passed three', 'time', 'half past 3'],
  ['3 p.m. tomorrow', 'time', '3 pm tomorrow'],
  ['seven forty five a m', 'time', '7:45 am'],
  ["Twelve O'Clock", 'time', '12 oclock'],
  ['at one', 'time', 'at 1'],
  ['the first one', 'date', 'the 1st one'],
  ['twenty twenty six', 'datetime', '2026'],
  // A year said as two pairs is that year, in any century (issue 12, blind corpus 3).
  ['third of may eighteen ninety', 'date', '3rd of may 1890'],
  ['third of may eighteen oh five', 'date', '3rd of may 1805'],
  ['the 3rd of may nineteen oh five', 'date', 'the 3rd of may 1905'],
  ['the fifth of may twenty oh five', 'date', 'the 5th of may 2005'],
  ['the fifth of may two thousand and five', 'date', 'the 5th of may 2005'],
  ['the fifth of may eighteen hundred and ninety', 'date', 'the 5th of may 1890'],
  ['the fifth of may oh five', 'date', 'the 5th of may 05'],
  // Where it can be a time, it stays one.
  ['the 3rd of may eighteen oh five', 'datetime', 'the 3rd of may 18:05'],
  ['the 3rd of may at eleven thirty', 'date', 'the 3rd of may at 11:30'],
  ['eleven thirty', 'date', '11:30'],
  // "one minute past three" is a time, not a hold.
  ['one minute past three in the afternoon', 'time', '1 minutes past 3 in the afternoon'],
  ['a minute to five', 'time', '1 minutes to 5'],
  ['hang on one minute', 'time', 'hang on'],
];

describe('canonicalWords', () => {
  test.each(CANONICAL)('%j (%s) → %j', (heard, hint, canonical) => {
    expect(canonicalWords(normaliseUtterance(heard), hint)).toBe(canonical);
  });
});
