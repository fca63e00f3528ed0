import { VoiceCoreRequestError } from './errors';

/** The refusals of an event log, worded once for the in-memory and the Redis log. */

export function staleEpoch(conversationId: string, epoch: string, current: string): VoiceCoreRequestError {
  return new VoiceCoreRequestError(
    'FAILED_PRECONDITION',
    `epoch ${epoch} is not the current event log of conversation ${conversationId} (${current}): ` +
      'its events were lost (server restart or expiry); resubscribe without epoch to read the new log',
    'epoch',
  );
}

export function pastTheEnd(conversationId: string, fromSequence: number, last: number): VoiceCoreRequestError {
  return new VoiceCoreRequestError(
    'OUT_OF_RANGE',
    `from_sequence ${fromSequence} is past the last event (${last}) of conversation ${conversationId}: ` +
      'the log was reset (server restart or expiry)',
    'from_sequence',
  );
}

export function notRetained(conversationId: string, cursor: number, first: number): VoiceCoreRequestError {
  return new VoiceCoreRequestError(
    'OUT_OF_RANGE',
    `events ${cursor + 1}..${first - 1} of conversation ${conversationId} are no longer retained ` +
      `(oldest retained: ${first}); resubscribe with from_sequence ${first - 1} to skip them knowingly`,
    'from_sequence',
  );
}

/** The log holds another event at the subscriber's last sequence: it lost its last events and gave their sequences again. */
export function otherEvent(conversationId: string, sequence: number, lastEventId: string): VoiceCoreRequestError {
  return new VoiceCoreRequestError(
    'FAILED_PRECONDITION',
    `last_event_id ${lastEventId} is not the event the log of conversation ${conversationId} holds at ${sequence}: ` +
      'the log lost its last events (a Redis failover or crash) and gave their sequences again; ' +
      'resubscribe with from_sequence 0 and no epoch to read the log as it is',
    'last_event_id',
  );
}
