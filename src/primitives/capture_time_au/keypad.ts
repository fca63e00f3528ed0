import type { KeypadInput } from '../objective/capture-spec';
import { wrongShape } from '../keypad/keyed';
import type { WhenOptions } from '../when/options';
import type { WhenPartial } from '../when/parts';
import { timeValue } from './read';

const HOW =
  'Please key the time as four digits on the twenty-four hour clock, for example 1 4 3 0 for half past two in the afternoon, then press hash.';

/** A time keyed in as HHMM on the 24-hour clock: exact, so never asked about (1200 is midday, 0000 midnight). */
export function timeKeypad(): KeypadInput<WhenOptions, WhenPartial> {
  return {
    read(keys) {
      const m = /^(\d\d)(\d\d)$/.exec(keys);
      if (m === null) return wrongShape(`${keys.length} digits keyed, not four (HHMM)`, HOW);
      const hour = Number(m[1]);
      const minute = Number(m[2]);
      if (hour > 23 || minute > 59) return wrongShape('the keys are not a time on the 24-hour clock', `Sorry, that's not a time. ${HOW}`);
      return { kind: 'value', ...timeValue(hour, minute) };
    },
    offer: () => 'Or you can key it in on your keypad as four digits on the twenty-four hour clock, then press hash.',
  };
}
