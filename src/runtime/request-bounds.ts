import { invalidArgument } from './errors';

/**
 * Bounds on what a caller sends and on what of it the server repeats. Every string that can come
 * back in a status message, a log line or an event is either refused past its bound or cut when
 * shown, so that one caller cannot make the server hold or write megabytes of its input.
 */

/** Longest id (objective_type, conversation_id, trace_id): kept on every event of a conversation. */
export const MAX_ID_LENGTH = 256;
/** Longest purpose. */
export const MAX_PURPOSE_LENGTH = 512;
/** Longest epoch a subscriber may name (ours are UUIDs, 36 characters). */
export const MAX_EPOCH_LENGTH = 64;
/** Longest last_event_id a subscriber may name (ours are about 20 characters: see event-ids.ts). */
export const MAX_EVENT_ID_LENGTH = 64;
export { MAX_SHOWN_LENGTH, shown } from '../primitives/params/limits';

/** Space to tilde: what a gRPC metadata value may carry, and all a trace id needs. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A string bounded in length (and required when `requiredMessage` is given). */
export function checkLength(field: string, value: string, max: number, requiredMessage?: string): void {
  if (value === '' && requiredMessage !== undefined) throw invalidArgument(field, requiredMessage);
  if (value.length > max) throw invalidArgument(field, `${field} is longer than ${max} characters`);
}

/**
 * A trace id, from the request's field or the trace-id header: at most MAX_ID_LENGTH printable
 * ASCII characters, since it goes back out in a response header and on every event.
 */
export function checkTraceId(field: string, value: string): void {
  checkLength(field, value, MAX_ID_LENGTH);
  if (!PRINTABLE_ASCII.test(value)) throw invalidArgument(field, `${field} must be printable ASCII (space to ~)`);
}
