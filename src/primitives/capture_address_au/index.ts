import type { Captured, CaptureSpec, Plain, ReadContext, Reading } from '../objective/capture-spec';
import { declareParams } from '../params/declaration';
import { extractAddress, renderStreet, type AddressExtraction, type AddressOptions, type Ask, type Pending } from './extract';
import type { AddressParts } from './address-parts';
import { ADDRESS_PROMPTS, askAgain, askPrompt } from './prompts';
import { repairAddress } from './repair';
import { addressKeypad } from './keypad';
import { addressSsml } from './ssml';

/**
 * capture_address_au: an Australian postal address. Critical data: always
 * read back and confirmed, whatever the confidence.
 *
 * Value: one line, "12 Smith Street, Fitzroy VIC 3065".
 * Fields:
 *   street    number, name and type in full: "12 Smith Street", "4/56 King Street"
 *             (unit/number, as Australians write it), "12A Smith Street",
 *             "Level 3, 100 George Street", "Lot 7 Bunya Road", "PO Box 123"
 *   suburb    Title Case: "St Kilda", "O'Connor", "Wagga Wagga"
 *   state     NSW, VIC, QLD, SA, WA, TAS, NT or ACT; inferred from the postcode when not said
 *   postcode  four characters: "0800"
 *
 * State and postcode: a postcode of another state is asked about, except in
 * the border bands where localities really use the neighbour's postcodes
 * (Barooga NSW 3644): there the stated state is kept and read back.
 *
 * Params:
 *   allow_po_box  "true" (default) or "false": whether a PO box, GPO box,
 *                 locked bag or private bag is accepted in place of a street.
 *
 * Progressive fields: while the rest is asked for, `fields` holds the parts
 * heard so far: street once a street name or box is heard ("12 Smith Street",
 * or "Smith Street" while its number is asked for), suburb, state and postcode
 * as heard (state is not inferred until the postcode is checked).
 *
 * The session's partial keeps the parts heard so far (unit, number,
 * streetName, box, level, lot, suburb, state, postcode), what was asked
 * (`ask`) and, for a choice, the `options` offered.
 */
export type AddressPartial = { ask: Ask; parts: Plain<AddressParts>; options: string[] };

const ADDRESS_PARAMS = declareParams({
  allow_po_box: {
    type: 'boolean',
    default: true,
    description: 'Whether a PO Box, GPO Box, Locked Bag or Private Bag may stand in for a street (default true).',
  },
});

export const captureAddressAu = {
  objectiveType: 'capture_address_au' as const,
  confirmation: { kind: 'always' },
  params: ADDRESS_PARAMS,
  options: (params) => ({ allowPoBox: params.allow_po_box }),
  read: readAddress,
  repair: repairReading,
  same: (a, b) => a.toLowerCase() === b.toLowerCase(),
  prompts: ADDRESS_PROMPTS,
  keypad: addressKeypad(readAddress, repairReading),
  ssml: addressSsml,
  mask: maskAddress,
  progressive: {
    fields: (partial) => heardFields(partial.parts),
    mask: (name, value) => (name === 'street' ? maskAddress(value) : value),
  },
} satisfies CaptureSpec<AddressOptions, AddressPartial, typeof ADDRESS_PARAMS>;

/** A correction of the address the caller did not confirm, spoken or a keyed postcode. */
function repairReading(
  previous: Captured,
  utterance: string,
  context: ReadContext<AddressOptions, AddressPartial>,
): Reading<AddressPartial> | undefined {
  // The answer to a question about one part ("what's the suburb?" after "the suburb's wrong") is read for that part.
  if (context.partial?.ask !== undefined) return undefined;
  const repaired = repairAddress(previous, utterance, context.options);
  return repaired === undefined ? undefined : toReading(repaired, undefined);
}

function readAddress(utterance: string, context: ReadContext<AddressOptions, AddressPartial>): Reading<AddressPartial> {
  const pending = context.partial;
  return toReading(extractAddress(utterance, context.options, pending), pending);
}

function toReading(extraction: AddressExtraction, pending: Pending | undefined): Reading<AddressPartial> {
  switch (extraction.kind) {
    case 'value':
      return { kind: 'value', value: extraction.value, fields: extraction.fields };
    case 'partial':
      return {
        kind: 'partial',
        partial: partialOf(extraction.parts, extraction.ask, []),
        prompt: askPrompt(extraction.ask, extraction.parts, []),
      };
    case 'ambiguous':
      // Asked about the value read back, which stays the one repaired: no parts are kept as heard.
      if (extraction.ask === 'which-part')
        return { kind: 'ambiguous', reason: extraction.reason, prompt: askPrompt(extraction.ask, extraction.parts, extraction.options) };
      return {
        kind: 'ambiguous',
        reason: extraction.reason,
        prompt: askPrompt(extraction.ask, extraction.parts, extraction.options),
        partial: partialOf(extraction.parts, extraction.ask, extraction.options),
      };
    case 'none': {
      if (extraction.ask !== undefined) {
        return { kind: 'none', reason: extraction.reason, prompt: askPrompt(extraction.ask, extraction.parts ?? {}, []) };
      }
      // Nothing usable this turn: ask again for what the last turn was waiting for.
      if (pending?.ask !== undefined) {
        return {
          kind: 'none',
          reason: extraction.reason,
          prompt: askAgain(pending.ask, pending.parts, pending.options),
        };
      }
      return { kind: 'none', reason: extraction.reason };
    }
  }
}

/** The parts heard so far as the fields they become; a number alone is no street line yet. */
function heardFields(parts: AddressParts): Record<string, string> {
  const fields: Record<string, string> = {};
  if (parts.streetName !== undefined || parts.box !== undefined) fields.street = renderStreet(parts);
  if (parts.suburb !== undefined) fields.suburb = parts.suburb;
  if (parts.state !== undefined) fields.state = parts.state;
  if (parts.postcode !== undefined) fields.postcode = parts.postcode;
  return fields;
}

function partialOf(parts: AddressParts, ask: Ask, options: readonly string[]): AddressPartial {
  return { ask, parts: { ...parts }, options: [...options] };
}

/**
 * "4/56 King Street, Fitzroy VIC 3065" → "**\/** King Street, Fitzroy VIC 3065":
 * the street name, suburb, state and postcode stay readable for support; the
 * unit, street and box numbers never appear in clear.
 */
export function maskAddress(value: string): string {
  const cut = value.lastIndexOf(', ');
  if (cut < 0) return value.replace(/[0-9]+[A-Za-z]?/g, '**');
  return `${value.slice(0, cut).replace(/[0-9]+[A-Za-z]?(-[0-9]+[A-Za-z]?)?/g, '**')}${value.slice(cut)}`;
}
