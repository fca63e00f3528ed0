import type { Captured, CapturePrompts } from '../objective/capture-spec';
import type { AddressOptions, Ask } from './extract';
import type { AddressParts } from './address-parts';
import { stateOfPostcode } from './postcodes';
import { STATE_NAMES, type StateCode } from './vocabulary';
import { speakDigits } from './words';
import {
  afterNoFrame,
  failedFrame,
  missedFrame,
  notCaughtFrame,
  stillUnclearFrame,
  unclearConfirmationFrame,
  unclearLineFrame,
} from '../objective/prompt-frames';

/**
 * How an address is read back: "unit 4, 56 King Street, Newtown, New South
 * Wales, two oh four two". The postcode is said digit by digit (a speech
 * engine would say "two thousand and forty two"), the state in full.
 */
export function speakAddress(fields: Readonly<Record<string, string>>): string {
  const street = speakStreet(fields.street ?? '');
  const state = STATE_NAMES[fields.state as StateCode] ?? fields.state;
  return `${street}, ${fields.suburb}, ${state}, ${speakDigits(fields.postcode ?? '')}`;
}

function speakStreet(street: string): string {
  return street.replace(/^(\S+)\/(\S+) /, 'unit $1, $2 ');
}

/** What to say for a partial or ambiguous reading, by what it asks. */
export function askPrompt(ask: Ask, parts: AddressParts, options: readonly string[]): string {
  const suburb = parts.suburb;
  switch (ask) {
    case 'street':
      if (parts.number !== undefined && parts.suburb === undefined) return `Thanks. And what's the street name for number ${parts.number}?`;
      return suburb !== undefined
        ? `Thanks. And what's the street address in ${suburb}?`
        : "Thanks. And what's the street number and street name?";
    case 'number':
      return `And what's the street number on ${parts.streetName ?? 'that street'}?`;
    case 'suburb-postcode':
      return "Thanks. And what's the suburb and postcode?";
    case 'suburb':
      return 'And which suburb is that in?';
    case 'postcode':
      return suburb !== undefined ? `Thanks. And what's the postcode for ${suburb}?` : "Thanks. And what's the postcode?";
    case 'bad-postcode':
      return "Sorry, I didn't catch the postcode. Could you say the four digits of the postcode?";
    case 'state-postcode': {
      const [stated] = options;
      const own = stateOfPostcode(parts.postcode ?? '');
      const heard = STATE_NAMES[stated as StateCode] ?? stated;
      const postcodeState = own !== undefined ? STATE_NAMES[own] : 'another state';
      return `Sorry, the postcode ${speakDigits(parts.postcode ?? '')} is in ${postcodeState}, but I heard ${heard}. Which one's right, the state or the postcode?`;
    }
    case 'which-part':
      return `Sorry, I'm not sure which part to change. I've got ${options[0] ?? 'that address'}. What's the right address?`;
    case 'which-number':
      return `Sorry, was that number ${options[0]} or number ${options[1]}?`;
    case 'which-postcode':
      return `Sorry, is the postcode ${speakDigits(options[0] ?? '')} or ${speakDigits(options[1] ?? '')}?`;
    case 'unit-or-number': {
      const [unit, number] = (options[0] ?? '/').split('/');
      return `Just checking: is that unit ${unit}, number ${number}, or is the house number ${options[1]}?`;
    }
    case 'which-address':
      return 'Sorry, I heard more than one address. Which address should I use?';
    case 'street-not-box':
      return "I'll need a street address rather than a PO box. What's the street address?";
  }
}

/** An answer that gave nothing while a part of the address was asked for: the same question again. */
export function askAgain(ask: Ask, parts: AddressParts, options: readonly string[]): string {
  return missedFrame(askPrompt(ask, parts, options));
}

export const ADDRESS_PROMPTS: CapturePrompts<AddressOptions> = {
  elicit(retryCount) {
    if (retryCount === 0) return "What's your address, including the suburb and postcode?";
    if (retryCount === 1)
      return notCaughtFrame('Could you say the full address again: the street number and street, then the suburb and postcode?');
    // Later attempts take it in parts: the partial readings then ask for the suburb and postcode.
    return "Let's take it one step at a time. What's the street number and street name?";
  },
  confirm(captured: Captured, retryCount) {
    const lead = retryCount === 0 ? 'Just to confirm, that' : 'Let me read that back: that';
    return `${lead}'s ${speakAddress(captured.fields)}. Is that right?`;
  },
  repair(retryCount) {
    if (retryCount <= 1) return afterNoFrame("What's the right address?");
    return afterNoFrame('Which part is wrong: the street, the suburb or the postcode? Just tell me the right one.');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('Could you say the address again?');
    return stillUnclearFrame('Could you tell me just the street number and street name first?');
  },
  unclearConfirmation(captured) {
    return unclearConfirmationFrame(speakAddress(captured.fields));
  },
  failed() {
    return failedFrame('your address down');
  },
  speak(captured) {
    return speakAddress(captured.fields);
  },
};
