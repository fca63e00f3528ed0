/**
 * Errors the runtime raises for a request it cannot run. Each carries the
 * gRPC status it maps to, so the server and the embedded SDK report the same
 * thing; the message names the offending field.
 */
export type RequestErrorStatus = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'FAILED_PRECONDITION' | 'OUT_OF_RANGE' | 'UNAVAILABLE';

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
