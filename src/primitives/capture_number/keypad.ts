import type { KeypadInput, PartialValue } from '../objective/capture-spec';
import { wrongShape, type Reader } from '../keypad/keyed';

/** Digits with at most one decimal point (keyed as *). */
const KEYED_NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

/** A number keyed in: digits, and * for the decimal point (it deletes nothing here). */
export function numberKeypad<P extends PartialValue>(read: Reader<undefined, P>): KeypadInput<undefined, P> {
  return {
    star: 'decimal',
    read(keys, context) {
      if (!KEYED_NUMBER.test(keys)) {
        return wrongShape(
          'the keys hold more than one decimal point',
          'Please key the number again, with star for a decimal point, then press hash.',
        );
      }
      // Keyed is exact: no estimate or choice is pending any more.
      const words = keys.startsWith('.') ? `0${keys}` : keys.endsWith('.') ? keys.slice(0, -1) : keys;
      return read(words, { ...context, partial: undefined });
    },
    offer: () => 'Or you can key it in on your keypad, with star for a decimal point, then press hash.',
  };
}
