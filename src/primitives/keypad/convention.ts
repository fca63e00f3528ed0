/**
 * The keypad (DTMF) convention every primitive shares. The caller's keys
 * arrive in param `dtmf` as pressed ("0412*3345678#"); `readKeys` turns them
 * into what they key. Data (the keys and what they do) apart from the reader.
 */

/** The keys a `dtmf` param may hold, and how many: a keyed value is never longer than a phone number and a correction or two. */
export const KEYPAD_KEYS = /^[0-9*#]+$/;
export const MAX_KEYS = 32;

/** What `*` does: deletes the key before it, or (capture_number) is the decimal point. */
export type StarKey = 'delete' | 'decimal';

export const KEYPAD_CONVENTION = {
  /** Ends the input: keys after it are ignored. */
  end: '#',
  /** Deletes the key before it (a decimal point where the primitive says so). */
  star: '*',
  /** At any confirmation: 1 is yes, 2 is no. */
  yes: '1',
  no: '2',
} as const;

/** Whether a `dtmf` param is well formed: only 0-9, * and #, at most MAX_KEYS of them. */
export function isKeypadInput(raw: string): boolean {
  return raw.length <= MAX_KEYS && KEYPAD_KEYS.test(raw);
}

/**
 * The keys as keyed: digits, and "." for a `*` that is a decimal point. Keys after the first `#`
 * are ignored; a deleting `*` removes the key before it (nothing, at the start).
 */
export function readKeys(raw: string, star: StarKey = 'delete'): string {
  const end = raw.indexOf(KEYPAD_CONVENTION.end);
  const keys = end === -1 ? raw : raw.slice(0, end);
  let read = '';
  for (const key of keys) {
    if (key !== KEYPAD_CONVENTION.star) read += key;
    else if (star === 'decimal') read += '.';
    else read = read.slice(0, -1);
  }
  return read;
}
