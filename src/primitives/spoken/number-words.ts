/** The words of spoken numbers, and what each is worth. */

import { keysOf, wordTable } from './keys';

export const UNIT_VALUES: Readonly<Record<string, number>> = wordTable({
  zero: 0,
  nought: 0,
  naught: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
});

export const TEEN_VALUES: Readonly<Record<string, number>> = wordTable({
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});

export const TENS_VALUES: Readonly<Record<string, number>> = wordTable({
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});

/** Words that multiply what was said before them. "grand" and "k" are how Australians say thousand. */
export const SCALE_VALUES: Readonly<Record<string, bigint>> = wordTable({
  thousand: 1_000n,
  grand: 1_000n,
  k: 1_000n,
  million: 1_000_000n,
  mil: 1_000_000n,
  mill: 1_000_000n,
  billion: 1_000_000_000n,
  trillion: 1_000_000_000_000n,
});

/** Ordinals, with the misspellings recognisers write ("forth", "fith", "eigth", "nineth"). */
export const ORDINAL_UNITS: Readonly<Record<string, number>> = wordTable({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  forth: 4,
  fifth: 5,
  fith: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  eigth: 8,
  ninth: 9,
  nineth: 9,
});

export const ORDINAL_TEENS: Readonly<Record<string, number>> = wordTable({
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  twelveth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
});

/** Fraction words and their denominators: "a quarter", "three fifths", "a third" (which has no exact decimal). */
export const FRACTION_SINGULAR: Readonly<Record<string, bigint>> = wordTable({
  half: 2n,
  third: 3n,
  quarter: 4n,
  fifth: 5n,
  sixth: 6n,
  seventh: 7n,
  eighth: 8n,
  ninth: 9n,
  tenth: 10n,
  hundredth: 100n,
  thousandth: 1000n,
});

export const FRACTION_PLURAL: Readonly<Record<string, bigint>> = wordTable({
  halves: 2n,
  thirds: 3n,
  quarters: 4n,
  fifths: 5n,
  sixths: 6n,
  sevenths: 7n,
  eighths: 8n,
  ninths: 9n,
  tenths: 10n,
  hundredths: 100n,
  thousandths: 1000n,
});

/** Zero said as a letter: only a digit inside a digit string ("one oh five", "point oh five"). */
export const OH_WORDS: ReadonlySet<string> = new Set(['oh', 'o']);

/** `word in TABLE` for the tables above (see keysOf). */
export const isUnitValue = keysOf(UNIT_VALUES);
export const isTeenValue = keysOf(TEEN_VALUES);
export const isTensValue = keysOf(TENS_VALUES);
export const isScaleValue = keysOf(SCALE_VALUES);
export const isOrdinalUnit = keysOf(ORDINAL_UNITS);
export const isFractionSingular = keysOf(FRACTION_SINGULAR);
export const isFractionPlural = keysOf(FRACTION_PLURAL);
