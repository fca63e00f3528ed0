import type { StateCode } from './vocabulary';

/**
 * Australia Post postcode ranges (delivery areas, then PO box / large-volume
 * receiver ranges), from the voice-capture notes §3.2. A postcode is a
 * 4-character string: NT and ACT ones start with 0 ("Darwin eight hundred" is 0800).
 */
const RANGES: ReadonlyArray<readonly [number, number, StateCode]> = [
  [200, 299, 'ACT'],
  [800, 999, 'NT'],
  [1000, 1999, 'NSW'],
  [2000, 2599, 'NSW'],
  [2600, 2618, 'ACT'],
  [2619, 2899, 'NSW'],
  [2900, 2920, 'ACT'],
  [2921, 2999, 'NSW'],
  [3000, 3999, 'VIC'],
  [8000, 8999, 'VIC'],
  [4000, 4999, 'QLD'],
  [9000, 9999, 'QLD'],
  [5000, 5999, 'SA'],
  // 6798 and 6799 are Christmas Island and the Cocos Islands, addressed through WA.
  [6000, 6999, 'WA'],
  [7000, 7999, 'TAS'],
];

/** The state a postcode belongs to, or undefined for a number that is no postcode. */
export function stateOfPostcode(postcode: string): StateCode | undefined {
  if (!/^[0-9]{4}$/.test(postcode)) return undefined;
  const n = Number(postcode);
  return RANGES.find(([low, high]) => n >= low && n <= high)?.[2];
}

/**
 * Border bands: localities of one state that really do use postcodes of its
 * neighbour (Barooga NSW 3644, Mingoola NSW 4380, Tweed Heads area, Canberra's
 * NSW fringe, the 0872 remote communities of SA and WA). A stated state inside
 * such a band is kept and, like every address, read back for confirmation;
 * anywhere else a postcode of another state is a gross conflict and is asked about.
 */
const BORDER_BANDS: ReadonlyArray<readonly [stated: StateCode, low: number, high: number]> = [
  ['NSW', 3500, 3719], // Murray river towns north of the border with VIC postcodes
  ['VIC', 2640, 2739], // Albury–Wodonga and the Riverina
  ['NSW', 4375, 4419], // Granite Belt and Texas area
  ['QLD', 2400, 2499], // Tweed and the New England border
  ['ACT', 2540, 2540], // Jervis Bay, administered with the ACT
  ['ACT', 2581, 2640], // Queanbeyan, Yass and the Canberra fringe
  ['ACT', 2921, 2999],
  ['NSW', 2600, 2618],
  ['NSW', 2900, 2920],
  ['SA', 870, 879], // 0872: remote communities across NT, SA and WA
  ['WA', 870, 879],
];

export type Consistency = 'consistent' | 'border' | 'conflict';

export function checkStatePostcode(state: StateCode, postcode: string): Consistency {
  const own = stateOfPostcode(postcode);
  if (own === state) return 'consistent';
  const n = Number(postcode);
  return BORDER_BANDS.some(([stated, low, high]) => stated === state && n >= low && n <= high) ? 'border' : 'conflict';
}

/**
 * Completes a postcode heard with three digits: "eight hundred" and "eight
 * twenty" are NT's 0800 and 0820, "two hundred" the ACT's 0200. Other
 * three-digit numbers are no postcode.
 */
export function padPostcode(digits: string): string | undefined {
  if (/^[0-9]{4}$/.test(digits)) return digits;
  if (/^[0-9]{3}$/.test(digits)) {
    const n = Number(digits);
    if ((n >= 200 && n <= 299) || (n >= 800 && n <= 999)) return `0${digits}`;
  }
  return undefined;
}
