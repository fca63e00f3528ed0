import type { Captured, KeypadInput, PartialValue, ReadContext, Reading } from '../objective/capture-spec';
import { wrongShape, type Reader } from '../keypad/keyed';
import type { AddressOptions } from './extract';

type Repair<P extends PartialValue> = (
  previous: Captured,
  utterance: string,
  context: ReadContext<AddressOptions, P>,
) => Reading<P> | undefined;

/**
 * Only an address's postcode can be keyed in (4 digits): it answers "what's the postcode?", and
 * replaces the postcode of the address being confirmed or repaired. The postcode is checked against
 * the state as a spoken one is (the spoken reader and repair read it).
 */
export function addressKeypad<P extends PartialValue & { ask: string }>(
  read: Reader<AddressOptions, P>,
  repair: Repair<P>,
): KeypadInput<AddressOptions, P> {
  return {
    read(keys, context, previous) {
      if (!/^\d{4}$/.test(keys))
        return wrongShape(
          `${keys.length} digits keyed, not a four-digit postcode`,
          'Please key in the four digits of the postcode, then press hash.',
        );
      if (previous !== undefined) {
        return (
          repair(previous, `the postcode is ${keys}`, context) ??
          wrongShape('the keyed postcode changes nothing', 'Please key in the postcode again, then press hash.')
        );
      }
      if (context.partial?.ask === 'postcode') return read(keys, context);
      return wrongShape(
        'a postcode was keyed before the address was said',
        "Thanks. Could you say the street address first? Then I'll ask for the postcode.",
      );
    },
    offer: (context) =>
      context.partial?.ask === 'postcode' ? 'You can also key in the postcode on your keypad, then press hash.' : undefined,
  };
}
