import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { interpretDigits } from './numbering';

/**
 * numbering.ts runs libphonenumber's own steps on its compiled Australian
 * patterns. They must agree with libphonenumber itself on every shape that is
 * validated: every 13 number, and samples of every 02–08, 1300 and 1800 range.
 */

const TYPES: Readonly<Record<string, string>> = { MOBILE: 'mobile', FIXED_LINE: 'landline', SHARED_COST: 'local_rate', TOLL_FREE: 'freephone' };

/** What libphonenumber says, as the Phone numbering.ts would give. */
function libphonenumber(digits: string): object | undefined {
  const parsed = parsePhoneNumberFromString(digits, 'AU');
  if (parsed === undefined || parsed.country !== 'AU' || !parsed.isValid()) return undefined;
  const type = TYPES[parsed.getType() ?? ''];
  if (type === undefined) return undefined;
  const national = /^13\d{4}$/.test(digits) ? `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}` : parsed.formatNational();
  return { e164: parsed.number, type, digits, national };
}

function ours(digits: string): object | undefined {
  const read = interpretDigits(digits, false);
  return read.kind === 'valid' ? read.phone : undefined;
}

describe('Australian numbers, against libphonenumber', () => {
  it('every 13 number', () => {
    for (let i = 0; i < 10_000; i++) {
      const digits = `13${String(i).padStart(4, '0')}`;
      expect({ digits, phone: ours(digits) }).toEqual({ digits, phone: libphonenumber(digits) });
    }
  });

  it('02–08, 1300 and 1800 numbers across their ranges', () => {
    const prefixes = ['02', '03', '04', '07', '08'].flatMap((p) => Array.from({ length: 1000 }, (_, i) => `${p}${String(i).padStart(3, '0')}`));
    prefixes.push(...['1300', '1800'].flatMap((p) => Array.from({ length: 1000 }, (_, i) => `${p}${String(i).padStart(3, '0')}`)));
    for (const prefix of prefixes) {
      // A fixed pseudo-random tail per prefix: the patterns decide on the first digits.
      const digits = (prefix + String((Number(prefix) * 7919) % 100_000).padStart(5, '0')).slice(0, 10);
      expect({ digits, phone: ours(digits) }).toEqual({ digits, phone: libphonenumber(digits) });
    }
  });
});
