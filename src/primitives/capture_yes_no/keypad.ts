import type { KeypadInput, PartialValue } from '../objective/capture-spec';
import { KEYPAD_CONVENTION } from '../keypad/convention';
import { wrongShape } from '../keypad/keyed';

/** A yes/no keyed in: 1 is yes, 2 is no (as at every confirmation); whatever the question's frame, the key is the answer. */
export function yesNoKeypad<O, P extends PartialValue>(): KeypadInput<O, P> {
  return {
    read(keys) {
      if (keys === KEYPAD_CONVENTION.yes) return { kind: 'value', value: 'yes' };
      if (keys === KEYPAD_CONVENTION.no) return { kind: 'value', value: 'no' };
      return wrongShape('the keys were neither 1 (yes) nor 2 (no)', 'Please press 1 for yes, or 2 for no.');
    },
    offer: () => 'You can also press 1 for yes, or 2 for no.',
  };
}
