/**
 * Errors the runtime raises for a request it cannot run. Each carries the
 * gRPC status it maps to, so the server and the embedded SDK report the same
 * thing; the message names the offending field.
 */
export type RequestErrorStatus =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'OUT_OF_RANGE'
  | 'UNAVAILABLE'
  /** A concurrent turn of the same objective won the race; nothing was applied. */
  | 'ABORTED';

export class VoiceCoreRequestError extends Error {
  override readonly name = 'VoiceCoreRequestError';
  constructor(
    readonly status: RequestErrorStatus,
    message: string,
    /** The request field at fault, when there is one (e.g. "timeout_seconds", "params.confidence"). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function invalidArgument(field: string, message: string): VoiceCoreRequestError {
  return new VoiceCoreRequestError('INVALID_ARGUMENT', message, field);
}

/** The documented outcome of a lost race: nothing was applied, so the caller may retry once. */
export function concurrentTurn(conversationId: string, objectiveType: string): VoiceCoreRequestError {
  return new VoiceCoreRequestError(
    'ABORTED',
    `another turn of ${objectiveType} in conversation ${conversationId} committed first; this turn was not applied ` +
      'and may be retried once',
    'conversation_id',
  );
}
