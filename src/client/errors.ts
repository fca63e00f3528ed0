import { ClientError, Status } from 'nice-grpc-common';
import { VoiceCoreRequestError } from '../runtime/errors';
import { isAbortError } from '../runtime/wire';

/**
 * Why a Voice Core call failed. Domain outcomes (a value still to confirm, a
 * primitive's own time budget running out) are results, not errors; these are
 * the failures of the call itself.
 */
export type VoiceCoreErrorCode =
  /** The call's deadline passed (gRPC DEADLINE_EXCEEDED). */
  | 'TIMEOUT'
  /** The circuit breaker is open: the call was refused without touching the network. See `retryAfterMs`. */
  | 'CIRCUIT_BREAKER_OPEN'
  /** The server could not be reached, or is shutting down. */
  | 'UNAVAILABLE'
  /** A request field or param is invalid; the message names it. */
  | 'INVALID_ARGUMENT'
  /** The objective type is not registered on the server. */
  | 'UNKNOWN_PRIMITIVE'
  /** The objective is not in a state to take this input (e.g. nothing awaits confirmation). */
  | 'FAILED_PRECONDITION'
  /** The server no longer holds events the stream needs: they cannot be delivered. Never skipped silently. */
  | 'EVENTS_LOST'
  /** The event stream could not be resumed within its attempts. */
  | 'STREAM_RETRIES_EXHAUSTED'
  /**
   * Another turn of the same objective (on another replica) committed first; this one was not applied.
   * The client has already retried it once; seeing it means the race repeated.
   */
  | 'ABORTED'
  /** The call carried no credential, and the server requires one (gRPC UNAUTHENTICATED). Not a server failure. */
  | 'UNAUTHENTICATED'
  /** The server refused the credential: unknown, revoked or expired key or token (gRPC PERMISSION_DENIED). Not a server failure. */
  | 'PERMISSION_DENIED'
  /** The caller's AbortSignal cancelled the call. */
  | 'CANCELLED'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNKNOWN';

export class VoiceCoreError extends Error {
  override readonly name = 'VoiceCoreError';
  readonly code: VoiceCoreErrorCode;
  /** The trace id of the call, to find it in the server's logs. */
  readonly traceId: string;
  /** The gRPC status, when the failure came from gRPC. */
  readonly grpcStatus?: Status;
  /**
   * For CIRCUIT_BREAKER_OPEN: ms until the breaker lets a probe through. For RESOURCE_EXHAUSTED (a quota or
   * the server's load limit): how long the server asked callers to wait (its grpc-retry-pushback-ms).
   */
  readonly retryAfterMs?: number;

  constructor(
    code: VoiceCoreErrorCode,
    message: string,
    details: { traceId: string; grpcStatus?: Status; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.traceId = details.traceId;
    this.grpcStatus = details.grpcStatus;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isVoiceCoreError(error: unknown): error is VoiceCoreError {
  return error instanceof VoiceCoreError;
}

/** Which call the error came from: the same status means different things for each. */
export type CallKind = 'execute' | 'stream' | 'health';

function codeFor(status: Status, kind: CallKind): VoiceCoreErrorCode {
  switch (status) {
    case Status.DEADLINE_EXCEEDED:
      return 'TIMEOUT';
    case Status.UNAVAILABLE:
      return 'UNAVAILABLE';
    case Status.INVALID_ARGUMENT:
      return 'INVALID_ARGUMENT';
    case Status.NOT_FOUND:
      return kind === 'execute' ? 'UNKNOWN_PRIMITIVE' : 'UNKNOWN';
    case Status.FAILED_PRECONDITION:
      return kind === 'stream' ? 'EVENTS_LOST' : 'FAILED_PRECONDITION';
    case Status.OUT_OF_RANGE:
      return kind === 'stream' ? 'EVENTS_LOST' : 'UNKNOWN';
    case Status.CANCELLED:
      return 'CANCELLED';
    case Status.ABORTED:
      return 'ABORTED';
    case Status.RESOURCE_EXHAUSTED:
      return 'RESOURCE_EXHAUSTED';
    case Status.INTERNAL:
      return 'INTERNAL';
    case Status.UNAUTHENTICATED:
      return 'UNAUTHENTICATED';
    case Status.PERMISSION_DENIED:
      return 'PERMISSION_DENIED';
    default:
      return 'UNKNOWN';
  }
}

/** A turn that lost a race with a concurrent one (gRPC ABORTED): nothing was applied, so it may be retried once. */
export function isConcurrentTurn(error: unknown): boolean {
  if (error instanceof ClientError) return error.code === Status.ABORTED;
  return error instanceof VoiceCoreRequestError && error.status === 'ABORTED';
}

/**
 * The server's pushback (gRFC A6 `grpc-retry-pushback-ms` trailer) for a failed call. ClientError carries no
 * trailers, so the transport records them here, keyed by the error object, and the conversion reads them.
 */
const pushbacks = new WeakMap<object, number>();

/** Records the `grpc-retry-pushback-ms` trailer value of the call that failed with `error` (ignored unless a whole number ≥ 0). */
export function recordPushback(error: unknown, value: string | undefined): void {
  if (value === undefined || typeof error !== 'object' || error === null) return;
  const ms = Number(value);
  if (/^\d+$/.test(value) && Number.isSafeInteger(ms)) pushbacks.set(error, ms);
}

/** The pushback recorded for `error`, if any. */
export function pushbackOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? pushbacks.get(error) : undefined;
}

/** Converts whatever a transport threw (gRPC ClientError, the embedded runtime's error, an abort) to a VoiceCoreError. */
export function toVoiceCoreError(error: unknown, traceId: string, kind: CallKind): VoiceCoreError {
  if (error instanceof VoiceCoreError) return error;
  if (error instanceof ClientError) {
    return new VoiceCoreError(codeFor(error.code, kind), error.details, {
      traceId,
      grpcStatus: error.code,
      retryAfterMs: pushbacks.get(error),
      cause: error,
    });
  }
  if (error instanceof VoiceCoreRequestError) {
    const status = Status[error.status];
    return new VoiceCoreError(codeFor(status, kind), error.message, { traceId, grpcStatus: status, cause: error });
  }
  if (isAbortError(error)) {
    return new VoiceCoreError('CANCELLED', 'the call was cancelled by its AbortSignal', {
      traceId,
      grpcStatus: Status.CANCELLED,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new VoiceCoreError('UNKNOWN', message, { traceId, cause: error });
}
