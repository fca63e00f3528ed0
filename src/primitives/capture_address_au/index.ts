import type { CaptureSpec, PartialValue, ReadContext, Reading } from '../objective/capture-spec';
import { InvalidParamsError } from '../types';
import { extractAddress, type AddressExtraction, type AddressOptions, type Ask, type Pending } from './extract';
import type { AddressParts } from './address-parts';
import { ADDRESS_PROMPTS, askAgain, askPrompt } from './prompts';
import { repairAddress } from './repair';

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
 * The session's partial keeps the parts heard so far (unit, number,
 * streetName, box, level, lot, suburb, state, postcode), what was asked
 * (`ask`) and, for a choice, the `options` offered, separated by "|".
 */
export const captureAddressAu: CaptureSpec<AddressOptions> = {
  objectiveType: 'capture_address_au',
  confirmation: { kind: 'always' },
  extraParams: ['allow_po_box'],
  options(params) {
    const raw = params.allow_po_box;
    if (raw === undefined || raw.trim() === '') return { allowPoBox: true };
    const value = raw.trim().toLowerCase();
    if (value !== 'true' && value !== 'false') {
      throw new InvalidParamsError('params.allow_po_box', `params.allow_po_box must be "true" or "false", got "${raw}"`);
    }
    return { allowPoBox: value === 'true' };
  },
  read: readAddress,
  repair(previous, utterance, context) {
    const repaired = repairAddress(previous, utterance, context.options);
    return repaired === undefined ? undefined : toReading(repaired, undefined);
  },
  same: (a, b) => a.toLowerCase() === b.toLowerCase(),
  prompts: ADDRESS_PROMPTS,
  mask: maskAddress,
};

function readAddress(utterance: string, context: ReadContext<AddressOptions>): Reading {
  const pending = pendingOf(context.partial);
  return toReading(extractAddress(utterance, context.options, pending), pending);
}

function toReading(extraction: AddressExtraction, pending: Pending | undefined): Reading {
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

const PART_KEYS: ReadonlyArray<keyof AddressParts> = ['unit', 'number', 'streetName', 'box', 'level', 'lot', 'suburb', 'state', 'postcode'];

function partialOf(parts: AddressParts, ask: Ask, options: readonly string[]): PartialValue {
  const out: Record<string, string> = { ask };
  for (const key of PART_KEYS) {
    const value = parts[key];
    if (value !== undefined) out[key] = value;
  }
  if (options.length > 0) out.options = options.join('|');
  return out;
}

function pendingOf(partial: PartialValue | undefined): Pending | undefined {
  if (partial === undefined) return undefined;
  const parts: Record<string, string> = {};
  for (const key of PART_KEYS) {
    const value = partial[key];
    if (value !== undefined) parts[key] = value;
  }
  return {
    parts: parts as AddressParts,
    ask: partial.ask as Ask | undefined,
    options: partial.options !== undefined ? partial.options.split('|') : [],
  };
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
