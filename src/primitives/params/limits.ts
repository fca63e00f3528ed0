/**
 * Request size limits on params: they keep one caller from holding server memory.
 * The runtime checks every param's length against them before a primitive runs;
 * the n-best reader checks each hypothesis against the same per-utterance limit.
 */

/** The longest a single param (and so a single utterance) may be, in characters. */
export const MAX_PARAM_LENGTH = 4096;

/** The most hypotheses an n-best list (`alternatives`) may hold. */
export const MAX_ALTERNATIVES = 10;

/**
 * `alternatives` carries up to MAX_ALTERNATIVES utterances as JSON: its own bound is
 * that many utterances plus room for the JSON around each (keys, quotes, a confidence).
 */
const MAX_ALTERNATIVES_LENGTH = MAX_ALTERNATIVES * (MAX_PARAM_LENGTH + 64);

/** The length limit of the param named `name`. */
export function maxParamLength(name: string): number {
  return name === 'alternatives' ? MAX_ALTERNATIVES_LENGTH : MAX_PARAM_LENGTH;
}

/** How much of a caller's string (a param key, an id) a message, log line or event repeats. */
export const MAX_SHOWN_LENGTH = 64;

/** The caller's string as a message may repeat it: cut to MAX_SHOWN_LENGTH characters. */
export function shown(value: string): string {
  return value.length > MAX_SHOWN_LENGTH ? `${value.slice(0, MAX_SHOWN_LENGTH)}…` : value;
}
