import type { AddressParts, Issue } from './address-parts';
import { parseSegment, type NumberHint } from './parse';
import { checkStatePostcode, stateOfPostcode } from './postcodes';
import type { StateCode } from './vocabulary';
import { addressSegments } from './words';

/**
 * Turns what a caller said (and what earlier turns kept) into an address, or
 * says what is missing or unclear. Self-corrections: the last one wins, and a
 * correction may give only part of the address ("12 Smith Street, sorry, 14").
 * Nothing is guessed: two addresses, two numbers joined by "or", "4 56" (unit
 * or number?) and a postcode far from the stated state are asked about.
 */
export interface AddressFields extends Record<string, string> {
  street: string;
  suburb: string;
  state: StateCode;
  postcode: string;
}

/** What the next prompt asks for; it tells how a bare answer ("3065", "twelve") is read. */
export type Ask =
  | 'street'
  | 'number'
  | 'suburb'
  | 'postcode'
  | 'suburb-postcode'
  | 'bad-postcode'
  | 'state-postcode'
  | 'which-number'
  | 'which-postcode'
  | 'unit-or-number'
  | 'which-address'
  | 'street-not-box'
  /** A correction ruling out a part the address has not got ("not Carlton" for Fitzroy): which part is meant (options[0]: the address said). */
  | 'which-part';

export type AddressExtraction =
  | { kind: 'value'; value: string; fields: AddressFields }
  | { kind: 'partial'; parts: AddressParts; ask: Ask }
  | { kind: 'ambiguous'; reason: string; parts: AddressParts; ask: Ask; options: string[] }
  | { kind: 'none'; reason: string; parts?: AddressParts; ask?: Ask };

/** Parts kept from an earlier turn, and what that turn asked. */
export interface Pending {
  parts: AddressParts;
  ask?: Ask;
  options: string[];
}

export interface AddressOptions {
  allowPoBox: boolean;
}

export function extractAddress(text: string, options: AddressOptions, pending?: Pending): AddressExtraction {
  const ask = pending?.ask;
  const hint: NumberHint =
    ask === 'postcode' || ask === 'which-postcode' || ask === 'bad-postcode'
      ? 'postcode'
      : ask === 'number' || ask === 'which-number'
        ? 'number'
        : undefined;
  let parts: AddressParts = { ...pending?.parts };
  const chosen = pending !== undefined ? readChoice(text, pending) : undefined;
  if (chosen !== undefined) parts = merge(parts, chosen);

  let issue: Issue | undefined;
  let heard = chosen !== undefined;
  let saidState = false;
  let saidPostcode = false;
  // An answer that picks one of the options offered says nothing more.
  for (const segment of chosen !== undefined ? [] : addressSegments(text)) {
    const reading = parseSegment(segment, hint);
    if (Object.keys(reading.parts).length === 0 && reading.issues.length === 0) continue;
    heard = true;
    saidState ||= reading.parts.state !== undefined;
    saidPostcode ||= reading.parts.postcode !== undefined;
    parts = merge(parts, reading.parts);
    // A later segment settles an earlier ambiguity when it gives the part in doubt.
    if (issue !== undefined && settles(issue, reading.parts)) issue = undefined;
    issue = reading.issues[0] ?? issue;
  }
  if (ask === 'state-postcode' && issue === undefined) {
    const settled = settleConflict(text, parts, pending?.parts, saidState && !saidPostcode);
    heard ||= settled !== parts;
    parts = settled;
  }
  if (!heard) return { kind: 'none', reason: 'no address heard' };

  if (issue !== undefined) return fromIssue(issue, parts);
  return complete(parts, options);
}

/** Checks a set of parts for completeness and consistency; the value when all is well. */
export function complete(parts: AddressParts, options: AddressOptions): AddressExtraction {
  if (parts.box !== undefined && !options.allowPoBox) {
    const rest = { ...parts };
    delete rest.box;
    return { kind: 'none', reason: 'a PO box where a street address is needed', parts: rest, ask: 'street-not-box' };
  }
  if (parts.box === undefined && parts.streetName === undefined) {
    const known = parts.number !== undefined || parts.suburb !== undefined || parts.postcode !== undefined;
    return known ? { kind: 'partial', parts, ask: 'street' } : { kind: 'none', reason: 'no street heard' };
  }
  if (parts.box === undefined && parts.number === undefined && parts.lot === undefined) return { kind: 'partial', parts, ask: 'number' };
  if (parts.suburb === undefined && parts.postcode === undefined) return { kind: 'partial', parts, ask: 'suburb-postcode' };
  if (parts.suburb === undefined) return { kind: 'partial', parts, ask: 'suburb' };
  if (parts.postcode === undefined) return { kind: 'partial', parts, ask: 'postcode' };

  const postcodeState = stateOfPostcode(parts.postcode);
  if (postcodeState === undefined) {
    const rest = { ...parts };
    delete rest.postcode;
    return { kind: 'partial', parts: rest, ask: 'bad-postcode' };
  }
  const state = parts.state ?? postcodeState;
  if (checkStatePostcode(state, parts.postcode) === 'conflict') {
    return {
      kind: 'ambiguous',
      reason: `postcode ${parts.postcode} is in ${postcodeState}, not ${state}`,
      parts,
      ask: 'state-postcode',
      options: [state, postcodeState],
    };
  }
  const fields: AddressFields = { street: renderStreet(parts), suburb: parts.suburb, state, postcode: parts.postcode };
  return { kind: 'value', value: formatAddress(fields), fields };
}

export function formatAddress(fields: AddressFields): string {
  return `${fields.street}, ${fields.suburb} ${fields.state} ${fields.postcode}`;
}

/**
 * The street line: "12 Smith Street", "4/56 King Street" (unit/number, the way
 * Australians write it), "Level 3, 100 George Street", "Lot 7 Bunya Road", "PO Box 123".
 */
export function renderStreet(parts: AddressParts): string {
  if (parts.box !== undefined) return parts.box;
  const line =
    parts.lot !== undefined
      ? `Lot ${parts.lot} ${parts.streetName ?? ''}`
      : `${parts.unit !== undefined ? `${parts.unit}/` : ''}${parts.number ?? ''} ${parts.streetName ?? ''}`;
  return parts.level !== undefined ? `Level ${parts.level}, ${line.trim()}` : line.trim();
}

/** The inverse of renderStreet, for a value being repaired. */
export function partsOf(fields: Readonly<Record<string, string>>): AddressParts {
  const parts: AddressParts = { suburb: fields.suburb, state: fields.state as StateCode, postcode: fields.postcode };
  const street = fields.street ?? '';
  const box = /^((?:PO|GPO) Box|Locked Bag|Private Bag) (\S+)$/.exec(street);
  if (box !== null) return { ...parts, box: street };
  const match = /^(?:Level (\S+), )?(?:Lot (\S+) |(?:(\S+)\/)?(\S+) )(.+)$/.exec(street);
  if (match === null) return parts;
  const [, level, lot, unit, number, streetName] = match;
  return Object.fromEntries(
    Object.entries({ ...parts, level, lot, unit, number, streetName }).filter(([, v]) => v !== undefined),
  ) as AddressParts;
}

/** Later parts override earlier ones; a new street replaces the whole street line. */
export function merge(base: AddressParts, next: AddressParts): AddressParts {
  const out: AddressParts = { ...base };
  const newStreet = next.streetName !== undefined && (next.number !== undefined || next.lot !== undefined);
  if (next.box !== undefined || newStreet) {
    delete out.unit;
    delete out.number;
    delete out.level;
    delete out.lot;
    delete out.streetName;
  }
  if (next.number !== undefined || next.streetName !== undefined || next.lot !== undefined) delete out.box;
  for (const [key, value] of Object.entries(next) as Array<[keyof AddressParts, string | undefined]>) {
    if (value !== undefined) (out as Record<string, string>)[key] = value;
  }
  return out;
}

function settles(issue: Issue, parts: AddressParts): boolean {
  switch (issue.type) {
    case 'alternatives':
      if (issue.field === 'number') return parts.number !== undefined;
      if (issue.field === 'postcode') return parts.postcode !== undefined;
      return parts.streetName !== undefined && parts.number !== undefined;
    case 'unit-or-number':
      return parts.number !== undefined;
    case 'bad-postcode':
      return parts.postcode !== undefined;
    case 'two-addresses':
      return parts.streetName !== undefined && parts.number !== undefined;
  }
}

function fromIssue(issue: Issue, parts: AddressParts): AddressExtraction {
  switch (issue.type) {
    case 'two-addresses':
      return { kind: 'ambiguous', reason: 'two different addresses in one answer', parts: {}, ask: 'which-address', options: [] };
    case 'alternatives':
      if (issue.field === 'number') {
        return { kind: 'ambiguous', reason: 'two street numbers offered', parts, ask: 'which-number', options: issue.options };
      }
      if (issue.field === 'postcode') {
        return { kind: 'ambiguous', reason: 'two postcodes offered', parts, ask: 'which-postcode', options: issue.options };
      }
      return { kind: 'ambiguous', reason: 'more than one address offered', parts: {}, ask: 'which-address', options: [] };
    case 'unit-or-number':
      return {
        kind: 'ambiguous',
        reason: `"${issue.unit} ${issue.number}" may be unit ${issue.unit} at ${issue.number} or number ${issue.unit}${issue.number}`,
        parts,
        ask: 'unit-or-number',
        options: [`${issue.unit}/${issue.number}`, `${issue.unit}${issue.number}`],
      };
    case 'bad-postcode':
      return { kind: 'partial', parts, ask: 'bad-postcode' };
  }
}

/** Answers to a choice we offered: "the first one", "unit four", "the second". */
function readChoice(text: string, pending: Pending): AddressParts | undefined {
  if (pending.options.length < 2) return undefined;
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9/ ]/g, ' ')} `;
  const first = /\b(first|former)\b/.test(words);
  const second = /\b(second|last|latter)\b/.test(words);
  if (pending.ask === 'unit-or-number') {
    const [unitForm, numberForm] = pending.options;
    const [unit, number] = unitForm.split('/');
    const noUnit =
      /\b(no|not a|not an|without a|there's no|isn't a) (unit|apartment|flat)\b|\b(house number|whole number|just the number|just number)\b/.test(
        words,
      );
    if (!noUnit && (first || /\b(unit|apartment|flat|slash|stroke)\b/.test(words))) return { unit, number };
    if (noUnit || second || words.includes(` ${numberForm} `)) return { number: numberForm };
    return undefined;
  }
  if (pending.ask === 'which-number' || pending.ask === 'which-postcode') {
    const pick = first ? pending.options[0] : second ? pending.options[1] : undefined;
    if (pick === undefined) return undefined;
    return pending.ask === 'which-number' ? { number: pick } : { postcode: pick };
  }
  return undefined;
}

/**
 * The answer to "the postcode is in Victoria but I heard New South Wales":
 * naming the state or the postcode as right keeps that one and drops the
 * other; saying the same state again means the postcode was wrong.
 */
function settleConflict(text: string, parts: AddressParts, before: AddressParts | undefined, restatedState: boolean): AddressParts {
  if (before === undefined || parts.state !== before.state || parts.postcode !== before.postcode) return parts;
  const words = text.toLowerCase();
  const out = { ...parts };
  // The same state said again: the postcode was wrong, and is asked for.
  if (restatedState) {
    delete out.postcode;
    return out;
  }
  if (/\bpost ?code\b/.test(words) && !/\bstate\b/.test(words)) delete out.state;
  else if (/\bstate\b/.test(words)) delete out.postcode;
  return out;
}
