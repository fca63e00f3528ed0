import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

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
  /** National format: "0412 345 678", "(02) 5550 1234", "1300 975 707", "13 12 34". */
  national: string;
}

export type Interpretation =
  | { kind: 'valid'; phone: Phone; digits: string }
  /** Starts like an Australian number but has too few digits. */
  | { kind: 'incomplete'; digits: string }
  /** Eight digits without an area code: asked for the area code. */
  | { kind: 'local'; digits: string }
  /** A mobile or geographic number missing its leading 0 ("four one two …"). */
  | { kind: 'no-trunk'; digits: string }
  | { kind: 'too-long'; digits: string }
  | { kind: 'emergency'; digits: string }
  | { kind: 'premium'; digits: string }
  | { kind: 'foreign'; digits: string }
  | { kind: 'invalid'; digits: string };

const TYPES: Readonly<Record<string, PhoneType>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  SHARED_COST: 'local_rate',
  TOLL_FREE: 'freephone',
};

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
  if (international || (/^61[2-478]\d{8}$/.test(digits) || /^610[2-478]\d{8}$/.test(digits))) {
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
  if (/^[2-478]\d{8}$/.test(digits) && validate(`0${digits}`) !== undefined) return { kind: 'no-trunk', digits };
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
 * The Australian numbering plan of libphonenumber's full ("max") metadata,
 * read once with its own Metadata class, its patterns compiled once.
 * libphonenumber's parse / isValid / getType / formatNational build a
 * Metadata and compile every pattern they use on each call (~17 µs a number);
 * validate() runs the same steps on the same patterns in about a
 * microsecond. numbering.test.ts checks it against libphonenumber.
 */
interface PlanType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface PlanFormat {
  pattern(): string;
  format(): string;
  leadingDigitsPatterns(): string[];
  nationalPrefixFormattingRule(): string | undefined;
}
/** The methods of libphonenumber's numbering plan used here (its typings do not list them). */
interface NumberingPlan {
  callingCode(): string;
  nationalNumberPattern(): string;
  type(type: string): PlanType | undefined;
  formats(): PlanFormat[];
}

interface CompiledType {
  name: string;
  pattern: RegExp;
  lengths: readonly number[] | undefined;
}

/** libphonenumber's order of the types after fixed line (getNumberType). */
const NON_FIXED_LINE_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

const AUSTRALIA = ((): {
  callingCode: string;
  general: RegExp;
  fixedLine: CompiledType | undefined;
  mobile: CompiledType | undefined;
  mobileOmitted: boolean;
  others: CompiledType[];
  formats: Array<{ leading: RegExp | undefined; entire: RegExp; pattern: RegExp; replacement: Template }>;
} => {
  const metadata = new Metadata(maxMetadata);
  metadata.selectNumberingPlan('AU');
  const plan = metadata.numberingPlan as unknown as NumberingPlan;
  // matchesEntirely: `^(?:pattern)$`; a type with an empty pattern matches nothing.
  const entirely = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
  const compile = (name: string): CompiledType | undefined => {
    const type = plan.type(name);
    return type === undefined || !type.pattern() ? undefined : { name, pattern: entirely(type.pattern()), lengths: type.possibleLengths() };
  };
  const mobileType = plan.type('MOBILE');
  return {
    callingCode: plan.callingCode(),
    general: entirely(plan.nationalNumberPattern()),
    fixedLine: compile('FIXED_LINE'),
    mobile: compile('MOBILE'),
    // Where the mobile pattern was dropped as a duplicate of the fixed-line one, a fixed-line match is either.
    mobileOmitted: mobileType === undefined || mobileType.pattern() === '',
    others: NON_FIXED_LINE_TYPES.map(compile).filter((t): t is CompiledType => t !== undefined),
    formats: plan.formats().map((f) => {
      const leading = f.leadingDigitsPatterns();
      const rule = f.nationalPrefixFormattingRule();
      return {
        // The last leading-digits pattern is the most detailed; it must match at the start (search() === 0).
        leading: leading.length > 0 ? new RegExp(`^(?:${leading[leading.length - 1]})`) : undefined,
        entire: entirely(f.pattern()),
        pattern: new RegExp(f.pattern()),
        // National format: the national prefix formatting rule ("0$1", "(0$1)") in place of the first group.
        replacement: template(rule ? f.format().replace(/(\$\d)/, rule) : f.format()),
      };
    }),
  };
})();

function isType(national: string, type: CompiledType | undefined): boolean {
  if (type === undefined) return false;
  if (type.lengths !== undefined && !type.lengths.includes(national.length)) return false;
  return type.pattern.test(national);
}

/** libphonenumber's getNumberType for an Australian national (significant) number. */
function numberType(national: string): string | undefined {
  if (!AUSTRALIA.general.test(national)) return undefined;
  if (isType(national, AUSTRALIA.fixedLine)) {
    return AUSTRALIA.mobileOmitted || isType(national, AUSTRALIA.mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const type of AUSTRALIA.others) if (isType(national, type)) return type.name;
  return undefined;
}

/** libphonenumber's national format: the first format whose leading digits and pattern fit. */
function formatNational(national: string): string {
  for (const format of AUSTRALIA.formats) {
    if (format.leading !== undefined && !format.leading.test(national)) continue;
    if (format.entire.test(national)) return replaceFirst(national, format.pattern, format.replacement);
  }
  return national;
}

/** A replacement like "$1 $2 $3": its text and group numbers in turn (the raw text when it has other "$" forms). */
type Template = { parts: Array<string | number> } | { raw: string };

function template(replacement: string): Template {
  if (/\$(?![1-9])/.test(replacement)) return { raw: replacement };
  const parts: Array<string | number> = [];
  let at = 0;
  for (const m of replacement.matchAll(/\$([1-9])/g)) {
    parts.push(replacement.slice(at, m.index), Number(m[1]));
    at = (m.index ?? 0) + 2;
  }
  parts.push(replacement.slice(at));
  return { parts };
}

/** `text.replace(pattern, replacement)` for a non-global pattern, with the replacement expanded once ahead. */
function replaceFirst(text: string, pattern: RegExp, replacement: Template): string {
  if ('raw' in replacement) return text.replace(pattern, replacement.raw);
  const m = pattern.exec(text);
  if (m === null) return text;
  let out = text.slice(0, m.index);
  for (const part of replacement.parts) out += typeof part === 'number' ? (part < m.length ? (m[part] ?? '') : `$${part}`) : part;
  return out + text.slice(m.index + m[0].length);
}

/**
 * What libphonenumber makes of digits dialled in Australia, for the shapes
 * COMPLETE_SHAPE lets through: the trunk 0 of 02–08 numbers is dropped (a
 * national number never starts with 0, so libphonenumber always drops it),
 * 13, 1300 and 1800 numbers are taken as they are. Australia is the first
 * country of +61 and has no leading-digits rule, so a number of an Australian
 * type is Australian (not Cocos or Christmas Island); only the types a
 * business can call back are accepted.
 */
function validate(digits: string): Phone | undefined {
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  const type = TYPES[numberType(national) ?? ''];
  if (type === undefined) return undefined;
  return { e164: `+${AUSTRALIA.callingCode}${national}`, type, digits, national: nationalFormat(digits, formatNational(national)) };
}

/** libphonenumber leaves six-digit 13 numbers ungrouped; they are written "13 12 34". */
function nationalFormat(digits: string, formatted: string): string {
  return /^13\d{4}$/.test(digits) ? `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}` : formatted;
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
