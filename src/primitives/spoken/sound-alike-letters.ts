/**
 * Letters that sound alike in English spellings, for letter hints (letter-hints.ts).
 */

/**
 * Sound-alike spellings, each way round: the respellings a description may
 * ask for. `end`: only as the name's last letters (Tracy/Tracey/Tracie,
 * Kelly/Kellie, Ashlee/Ashley). One substitution is made; the fewest letters
 * changed wins, then the one nearest the end of the name (where spellings of
 * one name differ), then the one that replaces more of what was said, then
 * the shorter (Eric with a K is Erik, not Erick).
 */
export const SOUND_ALIKES: ReadonlyArray<readonly [string, string, 'end'?]> = [
  ['v', 'ph'],
  ['f', 'ph'],
  ['ff', 'ph'],
  ['c', 'k'],
  ['ck', 'k'],
  ['ck', 'c'],
  ['ch', 'k'],
  ['cks', 'x'],
  ['ks', 'x'],
  ['s', 'z'],
  ['i', 'y'],
  ['ai', 'ay'],
  ['ei', 'ie'],
  ['ie', 'y', 'end'],
  ['ey', 'y', 'end'],
  ['ee', 'y', 'end'],
  ['ie', 'ey', 'end'],
  ['ee', 'ey', 'end'],
  ['ie', 'ee', 'end'],
  ['i', 'ie', 'end'],
  ['i', 'ey', 'end'],
  ['i', 'ee', 'end'],
];
