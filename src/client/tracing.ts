import { isSpanContextValid, trace } from '@opentelemetry/api';
import { openTelemetryClientMiddleware } from 'nice-grpc-opentelemetry';

/**
 * SDK tracing: a client span per call (nice-grpc-opentelemetry, RPC semantic
 * conventions) that injects W3C `traceparent` from the active context through
 * the global propagator. Uses the application's registered OpenTelemetry SDK;
 * without one, the API is a no-op.
 */
export function clientTracingMiddleware() {
  return openTelemetryClientMiddleware();
}

/** The active span's trace id: our trace id when the caller gives none, so that both agree. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext !== undefined && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
