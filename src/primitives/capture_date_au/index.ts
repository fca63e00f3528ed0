import type { CaptureSpec } from '../objective/capture-spec';
import { maskIsoDate } from '../when/calendar';
import { dateOptions, DATE_PARAMS, type WhenOptions } from '../when/options';
import type { WhenPartial } from '../when/parts';
import { dateKeypad } from './keypad';
import { dateSsml } from './ssml';
import { DATE_PROMPTS } from './prompts';
import { readDate, repairDate } from './read';

/**
 * capture_date_au: a calendar date, yyyy-mm-dd, with fields year, month, day
 * (zero-padded, as in the value) and weekday ("friday"). Not critical: read
 * back only when the recogniser's confidence is below 0.85.
 *
 * Params (when/options.ts): reference_time (ISO 8601 with an offset;
 * default the runtime's clock), timezone (IANA; default Australia/Sydney),
 * tense (future | past | any; default future — a booking; past for an
 * incident or a date of birth). Relative dates ("tomorrow", "Friday") are
 * counted from the caller's today in their zone.
 *
 * What the caller must be asked about is never guessed: a weekday that
 * contradicts the date, "next Friday" said on a Thursday (tomorrow, or a
 * week later?), "Friday" said on a Friday, two different dates, "next week"
 * or "in March" without a day. Dates that do not exist ("the 31st of June")
 * and, with tense future, dates already past are refused with a prompt.
 */
export const captureDateAu = {
  objectiveType: 'capture_date_au' as const,
  confirmation: { kind: 'below-confidence', threshold: 0.85 },
  params: DATE_PARAMS,
  options: dateOptions,
  read: readDate,
  repair: repairDate,
  prompts: DATE_PROMPTS,
  keypad: dateKeypad(readDate),
  ssml: dateSsml,
  mask: maskDate,
} satisfies CaptureSpec<WhenOptions, WhenPartial, typeof DATE_PARAMS>;

/** "1985-07-14" → "****-07-**": a date of birth is personal; the month alone identifies no one. */
export function maskDate(value: string): string {
  return maskIsoDate(value);
}
