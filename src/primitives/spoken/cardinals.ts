import { isTeenValue, isTensValue, TEEN_VALUES, TENS_VALUES, UNIT_VALUES, isUnitValue } from './number-words';

/**
 * The reader of small spoken cardinals shared by the readers that meet them
 * inside something else (street numbers and postcodes, clock times and
 * years): "seven", "fifteen", "forty two", "twenty". capture_number reads
 * whole numbers with scales and fractions in numbers.ts.
 */

/** A unit said as a word: "zero" … "nine" (not "to", "for", "oh": those need context). */
export function unitValue(word: string | undefined): number | undefined {
  return word !== undefined && isUnitValue(word) ? UNIT_VALUES[word] : undefined;
}

/**
 * A number below a hundred said as words at words[i], and the index after
 * it. `unitOf` says which words count as a unit after a tens word in this
 * context (a clock reads "twenty for" as 24); a unit of zero is not added
 * ("twenty zero" is twenty, then zero).
 */
export function readBelowHundred(
  words: readonly string[],
  i: number,
  unitOf: (word: string | undefined) => number | undefined = unitValue,
): { value: number; end: number } | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (isTeenValue(w)) return { value: TEEN_VALUES[w], end: i + 1 };
  if (isTensValue(w)) {
    const unit = unitOf(words[i + 1]);
    if (unit !== undefined && unit !== 0) return { value: TENS_VALUES[w] + unit, end: i + 2 };
    return { value: TENS_VALUES[w], end: i + 1 };
  }
  const unit = unitOf(w);
  return unit === undefined ? undefined : { value: unit, end: i + 1 };
}
