import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { wordTable } from '../spoken/keys';

/**
 * What a string of digits is under the Australian numbering plan, decided by
 * libphonenumber with full metadata (the min metadata cannot tell types
 * apart). Only numbers a business can call back are accepted: mobiles,
 * geographic numbers and 13 / 1300 / 1800 numbers.
 */
export type PhoneType = 'mobile' | 'landline' | 'local_rate' | 'freephone';

export interface Phone {
  /** E.164: +61412345678. */
  e164: string;
  type: PhoneType;
  /** Digits as dialled in Australia: 0412345678, 1300975707, 131234. */
  digits: string;
  /** National format: "0412 345 678", "02 5550 1234", "1300 975 707", "13 12 34". */
  national: string;
}

export type Interpretation =
  | { kind: 'valid'; phone: Phone; digits: string }
  /** Starts like an Australian number but has too few digits. */
  | { kind: 'incomplete'; digits: string }
  /** Eight digits without an area code: asked for the area code. */
  | { kind: 'local'; digits: string }
  /** A geographic number missing its leading 0 ("two five five five …"); a mobile without it is read as 04…. */
  | { kind: 'no-trunk'; digits: string }
  | { kind: 'too-long'; digits: string }
  | { kind: 'emergency'; digits: string }
  | { kind: 'premium'; digits: string }
  | { kind: 'foreign'; digits: string }
  | { kind: 'invalid'; digits: string };

const TYPES: Readonly<Record<string, PhoneType>> = wordTable({
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  SHARED_COST: 'local_rate',
  TOLL_FREE: 'freephone',
});

/** Shapes worth validating against the numbering plan: nothing else can be a callable number. */
const COMPLETE_SHAPE = /^(?:0[2-478]\d{8}|13\d{4}|1[38]00\d{6})$/;

/**
 * Reads digits as a phone number. `international` when the caller said
 * "plus" (or 0011): the digits then start with the country code.
 */
export function interpretDigits(said: string, international: boolean): Interpretation {
  let digits = said;
  // "0011 61 …": the international access code said as digits.
  if (!international && /^0011\d{5,}$/.test(digits)) return interpretDigits(digits.slice(4), true);
  // "double oh six one …": the 00 prefix used outside Australia, with our own country code.
  if (!international && /^0061\d{8,10}$/.test(digits)) return interpretDigits(digits.slice(2), true);
  if (international || /^61[2-478]\d{8}$/.test(digits) || /^610[2-478]\d{8}$/.test(digits)) {
    if (!digits.startsWith('61')) return { kind: 'foreign', digits };
    // "+61 0412 …": the trunk 0 is dropped after the country code.
    const national = digits.slice(2).replace(/^0/, '');
    digits = national.startsWith('1') ? national : `0${national}`;
  }
  if (digits === '000' || digits === '112' || digits === '911') return { kind: 'emergency', digits };
  if (/^19\d{4,}$/.test(digits)) return { kind: 'premium', digits };
  if (COMPLETE_SHAPE.test(digits)) {
    const phone = validate(digits);
    return phone === undefined ? { kind: 'invalid', digits } : { kind: 'valid', phone, digits };
  }
  const expected = expectedLength(digits);
  if (expected !== undefined && digits.length < expected) return { kind: 'incomplete', digits };
  if (expected !== undefined && digits.length > expected) return { kind: 'too-long', digits };
  if (/^[2-9]\d{7}$/.test(digits)) return { kind: 'local', digits };
  if (/^[2-478]\d{8}$/.test(digits)) {
    const withTrunk = validate(`0${digits}`);
    // "four one two three four five six seven eight": a mobile said without its 0 is still only a
    // mobile (no other number starts 4), so it is read as 04… and the read-back says the oh.
    // A landline without its 0 could be missing another digit as well: asked again.
    if (withTrunk?.type === 'mobile' && digits.startsWith('4')) return { kind: 'valid', phone: withTrunk, digits: `0${digits}` };
    if (withTrunk !== undefined) return { kind: 'no-trunk', digits };
  }
  return { kind: 'invalid', digits };
}

/** How many digits a number starting like this has: 10 for 04/02 and 1300/1800, 6 for 13. */
export function expectedLength(digits: string): number | undefined {
  if (/^0[2-478]/.test(digits) || /^0$/.test(digits)) return 10;
  if (/^1[38]0/.test(digits) || /^1[38]$/.test(digits)) return /^13$/.test(digits) ? 6 : 10;
  if (/^13[1-9]/.test(digits)) return 6;
  return undefined;
}

/** Whether digits have the shape of a complete callable number (before validating them). */
export function hasCompleteShape(digits: string): boolean {
  return COMPLETE_SHAPE.test(digits);
}

/**
 * libphonenumber with full metadata decides validity, type and national
 * format. It rebuilds its metadata and patterns on every call (~15–20 µs a
 * number), so only complete shapes are ever asked about, once per candidate.
 */
function validate(digits: string): Phone | undefined {
  const parsed = parsePhoneNumberFromString(digits, 'AU');
  if (parsed === undefined || parsed.country !== 'AU') return undefined;
  // getType() is undefined for a number that is not valid, so isValid() would only repeat its work.
  const type = TYPES[parsed.getType() ?? ''];
  if (type === undefined) return undefined;
  return { e164: parsed.number, type, digits, national: nationalFormat(digits, parsed.formatNational()) };
}

/**
 * libphonenumber's national format, written as Australians write it: six-digit 13 numbers, which it
 * leaves ungrouped, as "13 12 34", and the area code without brackets ("02 9876 5432", not
 * "(02) 9876 5432"), grouped as the number is said and as mobiles are ("0412 345 678").
 */
function nationalFormat(digits: string, formatted: string): string {
  if (/^13\d{4}$/.test(digits)) return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  return formatted.replace(/^\((0\d)\) /, '$1 ');
}

/** An E.164 value back to the digits dialled in Australia. */
export function nationalDigits(e164: string): string {
  const rest = e164.replace(/^\+61/, '');
  return rest.startsWith('1') ? rest : `0${rest}`;
}

/** The phone a captured E.164 value stands for, or undefined. */
export function phoneFromE164(e164: string): Phone | undefined {
  if (!/^\+61\d{5,10}$/.test(e164)) return undefined;
  const result = interpretDigits(nationalDigits(e164), false);
  return result.kind === 'valid' ? result.phone : undefined;
}

/** Where the groups of a number break when it is said: 0412 345 678, 02 5550 1234, 13 12 34. */
export function groupBoundaries(digits: string): number[] {
  if (/^0[2378]/.test(digits)) return [0, 2, 6, 10];
  if (/^13/.test(digits) && !/^1300/.test(digits) && digits.length <= 6) return [0, 2, 4, 6];
  return [0, 4, 7, 10];
}

/** Area codes by the place a caller names instead: "it's a Sydney number". */
const AREA_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:sydney|nsw|new south wales|canberra|act|newcastle|wollongong)\b/, '02'],
  [/\b(?:melbourne|victoria|vic|hobart|tasmania|tassie|geelong)\b/, '03'],
  [/\b(?:brisbane|queensland|qld|gold coast|sunshine coast|cairns|townsville)\b/, '07'],
  [/\b(?:perth|adelaide|darwin|western australia|south australia|northern territory|wa|sa|nt)\b/, '08'],
];

/** The one area code the places named in normalised words point to, if exactly one. */
export function areaCodeOfPlace(words: string): string | undefined {
  const codes = new Set(AREA_CODES.filter(([pattern]) => pattern.test(words)).map(([, code]) => code));
  return codes.size === 1 ? [...codes][0] : undefined;
}
