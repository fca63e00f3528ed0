import type { KeypadInput, PartialValue } from '../objective/capture-spec';
import type { Reader } from '../keypad/keyed';

/**
 * A phone number keyed in: the digits, read by the spoken reader (so the same numbering rules
 * apply, and digits keyed after "what are the rest of the digits?" continue the number).
 */
export function phoneKeypad<P extends PartialValue>(read: Reader<undefined, P>): KeypadInput<undefined, P> {
  return {
    read: (keys, context) => read(keys, context),
    offer: () => 'Or you can key it in on your keypad, then press hash.',
  };
}
