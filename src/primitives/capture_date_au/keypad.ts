import type { KeypadInput } from '../objective/capture-spec';
import { wrongShape, type Reader } from '../keypad/keyed';
import type { WhenOptions } from '../when/options';
import type { WhenPartial } from '../when/parts';

const HOW =
  'Please key the date as eight digits, day, month and year, for example 1 4 0 3 2 0 2 7 for the 14th of March 2027, then press hash.';

/**
 * A date keyed in as DDMMYYYY, read as "DD/MM/YYYY" by the spoken reader: a date that does not
 * exist, or one the tense refuses, is refused with the same prompt as when it is said.
 */
export function dateKeypad(read: Reader<WhenOptions, WhenPartial>): KeypadInput<WhenOptions, WhenPartial> {
  return {
    read(keys, context) {
      if (!/^\d{8}$/.test(keys)) return wrongShape(`${keys.length} digits keyed, not eight (DDMMYYYY)`, HOW);
      return read(`${keys.slice(0, 2)}/${keys.slice(2, 4)}/${keys.slice(4)}`, { ...context, partial: undefined });
    },
    offer: () => 'Or you can key it in on your keypad as eight digits, day, month and year, then press hash.',
  };
}
