import type { CaptureSpec } from '../objective/capture-spec';
import { maskIsoDate } from '../when/calendar';
import { dateOptions, DATE_PARAMS, type WhenOptions } from '../when/options';
import type { WhenPartial } from '../when/parts';
import { DATETIME_PROMPTS } from './prompts';
import { readDatetime, repairDatetime } from './read';

/**
 * capture_datetime_au: a day and a time, yyyy-mm-ddTHH:MM as the wall time
 * in the caller's zone, with fields date, time, timezone (IANA) and offset
 * (in force at that time: "+11:00" in a Sydney summer, "+10:00" in winter).
 * Critical data: always read back and confirmed.
 *
 * Both are needed: a day alone or a time alone is a partial value and the
 * other is asked for. With tense future (the default) a time already past is
 * refused. Params as capture_date_au.
 *
 * Progressive fields: while the other is asked for, `fields` holds the day
 * (`date`) or the time (`time`) already settled; a day still being chosen
 * between two is not shown.
 */
export const captureDatetimeAu = {
  objectiveType: 'capture_datetime_au' as const,
  confirmation: { kind: 'always' },
  params: DATE_PARAMS,
  options: dateOptions,
  read: readDatetime,
  repair: repairDatetime,
  prompts: DATETIME_PROMPTS,
  mask: maskDatetime,
  progressive: {
    fields: heardFields,
    mask: (name, value) => (name === 'date' ? maskIsoDate(value) : value),
  },
} satisfies CaptureSpec<WhenOptions, WhenPartial, typeof DATE_PARAMS>;

/** "2026-11-27T15:00" → "****-11-**T15:00": masked like a date; the time of day identifies no one. */
export function maskDatetime(value: string): string {
  return maskIsoDate(value);
}

/** The day or the time already settled in the partial value, as the fields they become. */
function heardFields(partial: WhenPartial): Record<string, string> {
  const fields: Record<string, string> = {};
  if (partial.date !== undefined) fields.date = partial.date;
  if (partial.time !== undefined) fields.time = partial.time;
  return fields;
}
