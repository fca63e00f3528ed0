import type { CaptureSpec } from '../objective/capture-spec';
import { whenOptions, WHEN_PARAMS, type WhenOptions } from '../when/options';
import type { WhenPartial } from '../when/parts';
import { timeKeypad } from './keypad';
import { timeSsml } from './ssml';
import { TIME_PROMPTS } from './prompts';
import { readTime, repairTime } from './read';

/**
 * capture_time_au: a time of day, HH:MM on the 24-hour clock, with fields
 * hour and minute (zero-padded). Not critical: read back only when the
 * recogniser's confidence is below 0.85.
 *
 * A time whose am/pm nothing in the utterance decides ("3 o'clock", "half
 * seven") is never guessed, not even from business hours: the caller is
 * asked "Is that 3 in the morning, or 3 in the afternoon?", and the answer
 * ("the afternoon", "pm", "arvo") completes it. 24-hour forms ("fifteen
 * hundred", "13:30") and noon and midnight need no asking.
 *
 * Params as capture_date_au (reference_time, timezone, tense); only "in
 * twenty minutes", "an hour ago" and a time tied to today ("9 am this
 * morning", which the tense can rule out: today.ts) use them.
 */
export const captureTimeAu = {
  objectiveType: 'capture_time_au' as const,
  confirmation: { kind: 'below-confidence', threshold: 0.85 },
  params: WHEN_PARAMS,
  options: whenOptions,
  read: readTime,
  repair: repairTime,
  prompts: TIME_PROMPTS,
  keypad: timeKeypad(),
  ssml: timeSsml,
  // A time of day says nothing about who the caller is.
  mask: (value) => value,
} satisfies CaptureSpec<WhenOptions, WhenPartial, typeof WHEN_PARAMS>;
