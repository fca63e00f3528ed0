import { isAbortError } from 'abort-controller-x';
import { ServerError, Status, type CallContext } from 'nice-grpc-common';

/**
 * A unary gRPC method as observed by the metrics and tracing wrappers. The
 * server registers its unary methods without nice-grpc middleware (each layer
 * costs an async generator per call), so observability wraps the handlers.
 */
export type UnaryHandler<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;

/** What the wrappers need to know of a unary method: its full path, `/package.Service/Method`. */
export interface UnaryMethod {
  path: string;
}

/** The path nice-grpc gives a method of a ts-proto service definition. */
export function methodPath(service: { fullName: string }, method: { name: string }): string {
  return `/${service.fullName}/${method.name}`;
}

/** The status a failed call ends with, as nice-grpc's own middleware (prometheus, opentelemetry) reads it. */
export function statusOf(error: unknown): Status {
  if (error instanceof ServerError) return error.code;
  if (isAbortError(error)) return Status.CANCELLED;
  return Status.UNKNOWN;
}
