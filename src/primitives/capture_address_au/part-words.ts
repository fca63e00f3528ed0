import type { AddressParts } from './address-parts';
import type { Ask } from './extract';

/**
 * How callers name one part of an address at confirmation, for repair.ts: the part they keep
 * ("same street", "the street's right"), the part they say is wrong ("the suburb's wrong"),
 * and labels the reader does not know as such ("street number's 14").
 */

/** A part of an address as a caller names it. */
export type PartName = 'street' | 'number' | 'suburb' | 'postcode' | 'unit';

/** The parts a caller names, and the part of the reading each stands for. */
export const PART_NAMES: ReadonlyArray<readonly [phrase: string, part: PartName]> = [
  ['street number', 'number'],
  ['house number', 'number'],
  ['street name', 'street'],
  ['street', 'street'],
  ['road', 'street'],
  ['address', 'street'],
  ['number', 'number'],
  ['suburb', 'suburb'],
  ['town', 'suburb'],
  ['post code', 'postcode'],
  ['postcode', 'postcode'],
  ['unit number', 'unit'],
  ['unit', 'unit'],
  ['apartment number', 'unit'],
  ['flat number', 'unit'],
];

/** Said of a part that is kept: "the street's right", "street is correct". */
export const RIGHT_WORDS: readonly string[] = ['right', 'correct', 'fine', 'good', 'ok', 'okay', 'spot on'];

/** Said of a part that is wrong: "the suburb's wrong", "wrong postcode", "postcode is incorrect". */
export const WRONG_WORDS: readonly string[] = ['wrong', 'incorrect', 'not right', "isn't right", 'not correct'];

/** Joins a kept part to the correction: "same street but it's Newtown", "street's right, just the suburb". */
export const KEEP_JOINERS: readonly string[] = ['but', 'just', 'only', 'and', 'though', 'except'];

/**
 * "The suburb's wrong": what each part said to be wrong clears from the address (the rest is
 * kept), what is asked for instead, and how the reason names it. The street takes its number,
 * unit, lot, level or box with it; the postcode takes the state, which may have come from it.
 */
export const WRONG_PART: Readonly<Record<PartName, { named: string; clears: ReadonlyArray<keyof AddressParts>; ask: Ask }>> = {
  street: { named: 'street', clears: ['streetName', 'number', 'unit', 'lot', 'level', 'box'], ask: 'street' },
  number: { named: 'street number', clears: ['number'], ask: 'number' },
  unit: { named: 'unit', clears: ['unit'], ask: 'number' },
  suburb: { named: 'suburb', clears: ['suburb'], ask: 'suburb' },
  postcode: { named: 'postcode', clears: ['postcode', 'state'], ask: 'postcode' },
};
