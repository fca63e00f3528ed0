import { Metadata, type CallOptions, type ClientMiddleware, type ClientMiddlewareCall } from 'nice-grpc-common';
import type { DeadlineOptions } from 'nice-grpc-client-middleware-deadline';
import { TRACE_ID_HEADER } from '../headers';

export type TraceOptions = {
  /** Sent as the `trace-id` header. */
  traceId?: string;
};

/**
 * Stamps each call with its trace id (`trace-id` header) and sends its
 * deadline to the server as `grpc-timeout`.
 *
 * Why the second part: nice-grpc-client-middleware-deadline only aborts the
 * call locally, and nice-grpc passes no deadline to grpc-js, so without this
 * the server would never learn the caller's deadline. grpc-js only writes
 * grpc-timeout itself when it has a deadline, so the header is sent once.
 * It must run before the deadline middleware, which removes `deadline` from
 * the options it passes on (with nice-grpc clients, attach it after).
 */
export const callContextMiddleware: ClientMiddleware<TraceOptions, DeadlineOptions> = async function* callContextMiddleware<
  Request,
  Response,
>(call: ClientMiddlewareCall<Request, Response, DeadlineOptions>, options: CallOptions & Partial<TraceOptions & DeadlineOptions>) {
  const { traceId, deadline } = options;
  // The caller's metadata is copied, never changed: it may be shared between calls.
  const metadata = options.metadata === undefined ? Metadata() : Metadata(options.metadata);
  if (traceId !== undefined && traceId !== '') metadata.set(TRACE_ID_HEADER, traceId);
  if (deadline !== undefined) metadata.set('grpc-timeout', grpcTimeout(deadline));
  return yield* call.next(call.request, {
    metadata,
    deadline,
    signal: options.signal,
    onHeader: options.onHeader,
    onTrailer: options.onTrailer,
  });
};

/** The grpc-timeout value for a deadline: "<n>m" (milliseconds), or a coarser unit when n would not fit 8 digits. */
export function grpcTimeout(deadline: Date | number): string {
  const ms = Math.max(0, Math.ceil(deadline instanceof Date ? deadline.getTime() - Date.now() : deadline));
  if (ms < 1e8) return `${ms}m`;
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 1e8) return `${seconds}S`;
  return `${Math.min(Math.ceil(seconds / 3600), 99_999_999)}H`;
}
