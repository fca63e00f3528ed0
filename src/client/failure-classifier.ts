import { ClientError, Status } from 'nice-grpc-common';
import type { Outcome } from './circuit-breaker';
import { isAbortError } from '../runtime/wire';

/**
 * What a call's result says about the server's health, for the circuit
 * breaker. Only statuses that mean "the server is unhealthy" are failures;
 * an answer, even a refusal of a bad request, shows a healthy server; a
 * caller's own cancellation says nothing.
 */
export function classifyOutcome(error: unknown): Outcome {
  if (error === undefined) return 'success';
  if (isAbortError(error)) return 'neutral';
  if (!(error instanceof ClientError)) return 'neutral';
  switch (error.code) {
    case Status.UNAVAILABLE:
    case Status.DEADLINE_EXCEEDED:
    case Status.UNKNOWN:
      return 'failure';
    case Status.INTERNAL:
      // grpc-js reports a response it cannot decode as INTERNAL: a client-side problem.
      return /failed to parse/i.test(error.details) ? 'neutral' : 'failure';
    case Status.RESOURCE_EXHAUSTED:
      // A quota or the server's load shedding: the server answered at once and says when to retry
      // (retryAfterMs); opening the breaker would only turn away the callers still within their quota.
      // grpc-js also reports an over-size message this way, on its own side: not the server's health either.
      return 'neutral';
    case Status.CANCELLED:
      return 'neutral';
    case Status.UNAUTHENTICATED:
    case Status.PERMISSION_DENIED:
      // The server answered: it is healthy, the credential is what is wrong. Opening the breaker would
      // only hide the real error behind CIRCUIT_BREAKER_OPEN.
      return 'success';
    default:
      return 'success';
  }
}
