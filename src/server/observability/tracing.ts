import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import { ServerError, Status } from 'nice-grpc-common';
import { openTelemetryServerMiddleware } from 'nice-grpc-opentelemetry';
import { getMethodAttributes, getPeerAttributes, getStatusAttributes } from 'nice-grpc-opentelemetry/lib/attributes';
import { metadataGetter } from 'nice-grpc-opentelemetry/lib/propagation';
import { getSpanName, tracer as rpcTracer } from 'nice-grpc-opentelemetry/lib/traces';
import type { RuntimeObserver, PrimitiveRun } from '../../runtime/observer';
import { VERSION } from '../../version';
import { callTrace, setCallTrace } from './call-trace';
import { statusOf, type UnaryHandler, type UnaryMethod } from './unary-call';

/**
 * Tracing on the server side: the RPC spans come from nice-grpc-opentelemetry
 * (RPC semantic conventions; the server span joins the caller's W3C
 * `traceparent` through the global propagator), the primitive span from the
 * runtime's observer hook. Everything goes through the global OpenTelemetry
 * API: with no SDK registered it is a no-op, and with tracing off the server
 * does not even install the middleware. Unary calls get the same server span
 * from traceUnary, a plain wrapper instead of the middleware.
 */

export const TRACER_NAME = 'voice-core';
export const PRIMITIVE_SPAN_NAME = 'voice_core.primitive';

/** Span and event attribute names. None of them ever holds a value, a transcription or a param. */
export const ATTR = {
  traceId: 'voice_core.trace_id',
  objectiveType: 'voice_core.objective_type',
  stateBefore: 'voice_core.state_before',
  stateAfter: 'voice_core.state_after',
  success: 'voice_core.success',
  errorCode: 'voice_core.error_code',
  retryCount: 'voice_core.retry_count',
  confidence: 'voice_core.confidence',
  durationMs: 'voice_core.duration_ms',
  fromState: 'voice_core.from_state',
  toState: 'voice_core.to_state',
} as const;

export const STATE_TRANSITION_EVENT = 'state_transition';

/** Error codes that mean the run itself went wrong (not a domain outcome such as "ask again"). */
const SPAN_ERROR_CODES = new Set(['TIMEOUT', 'INTERNAL']);

/** For streaming methods (a span event per message); unary ones use traceUnary, which is cheaper. */
export function serverTracingMiddleware() {
  return openTelemetryServerMiddleware();
}

/*
 * The trace context of each traced call is kept with its CallContext (call-trace.ts): traceUnary
 * puts it there and the service reads it (the trace-id bridge, ExecuteOptions.scope), so that it
 * travels with the call explicitly rather than through an async context (see context-manager.ts).
 */

/**
 * For a streaming handler under the tracing middleware, whose span is active only while each step of
 * the handler runs synchronously: records the call's trace context as the stream starts, so that the
 * service still finds it after an await that comes first (the stream limits' quota check).
 */
export function rememberStreamTrace<Req, Res, Call extends object>(
  handler: (request: Req, call: Call) => AsyncIterable<Res>,
): (request: Req, call: Call) => AsyncIterable<Res> {
  return async function* (request, call) {
    if (callTrace(call) === undefined) setCallTrace(call, context.active());
    yield* handler(request, call);
  };
}

/**
 * The server span of nice-grpc-opentelemetry's middleware (same tracer, name,
 * kind, parent from the incoming `traceparent`, attributes and status), made
 * around a unary handler without the middleware's async generator. Sampling is
 * decided once, when the span starts: an unsampled call gets its (non-recording)
 * span only, for the trace id bridge, and no attribute is computed for it. The
 * span is not made active: the handler finds it by its call context.
 */
export function traceUnary<Req, Res>(method: UnaryMethod, handler: UnaryHandler<Req, Res>): UnaryHandler<Req, Res> {
  const name = getSpanName(method.path);
  const startAttributes = callAttributes(getMethodAttributes(method.path));
  return async (request, callContext) => {
    const parent = propagation.extract(ROOT_CONTEXT, callContext.metadata, metadataGetter);
    // The method's and peer's attributes go in with the start (one sanitising pass); an
    // unsampled span ignores them.
    const span = rpcTracer.startSpan(name, { kind: SpanKind.SERVER, attributes: startAttributes(callContext.peer) }, parent);
    setCallTrace(callContext, trace.setSpan(parent, span));
    if (!span.isRecording()) return handler(request, callContext);
    try {
      const response = await handler(request, callContext);
      endSpan(span, false, undefined);
      return response;
    } catch (error) {
      endSpan(span, true, error);
      throw error;
    }
  };
}

/** Ends a server span with the call's status: OK without an error, else the error's, as the middleware would. */
function endSpan(span: Span, failed: boolean, error: unknown): void {
  let status = Status.OK;
  if (failed) {
    status = statusOf(error);
    let message: string;
    if (error instanceof ServerError) message = error.details;
    else if (status === Status.CANCELLED) message = 'The operation was cancelled';
    else {
      message = 'Unknown server error occurred';
      span.recordException(error as Error);
    }
    span.setStatus({ code: SpanStatusCode.ERROR, message: `${Status[status]}: ${message}` });
  }
  span.setAttributes(statusAttributes(status));
  span.end();
}

/** Peers seen at once before the cache starts again: a peer is a connection, and they are few. */
const PEER_CACHE_SIZE = 1024;

/**
 * The start attributes of a method's spans by peer, made once per peer: parsing the peer
 * address (ipaddr.js) on every call was a measurable part of a sampled call's cost.
 */
function callAttributes(methodAttributes: Attributes): (peer: string) => Attributes {
  const byPeer = new Map<string, Attributes>();
  return (peer) => {
    let attributes = byPeer.get(peer);
    if (attributes === undefined) {
      if (byPeer.size >= PEER_CACHE_SIZE) byPeer.clear();
      attributes = Object.freeze({ ...methodAttributes, ...getPeerAttributes(peer) });
      byPeer.set(peer, attributes);
    }
    return attributes;
  };
}

/** The status attributes by gRPC status code, made once each. */
const statusAttributesByCode = new Map<Status, Attributes>();
function statusAttributes(status: Status): Attributes {
  let attributes = statusAttributesByCode.get(status);
  if (attributes === undefined) {
    attributes = Object.freeze(getStatusAttributes(status));
    statusAttributesByCode.set(status, attributes);
  }
  return attributes;
}

/**
 * A child span of the active (server) span per primitive run. The runtime
 * reports a run after the fact, so the span is made with the run's own start
 * and end times; an unsampled parent means no span at all.
 */
export function primitiveSpanObserver(tracer: Tracer = trace.getTracer(TRACER_NAME, VERSION)): RuntimeObserver {
  return {
    primitiveRun(run: PrimitiveRun): void {
      // The call's trace context, handed on explicitly by the service; the active one otherwise.
      const parent = (run.scope as Context | undefined) ?? context.active();
      const parentSpan = trace.getSpan(parent);
      if (parentSpan !== undefined && !parentSpan.isRecording()) return;
      // Times as HrTime, converted once: the SDK converts a millisecond time on every event.
      const startTime = millisToHrTime(run.startedAtMs);
      const endTime = millisToHrTime(run.startedAtMs + run.durationMs);
      const span = tracer.startSpan(
        PRIMITIVE_SPAN_NAME,
        {
          kind: SpanKind.INTERNAL,
          startTime,
          attributes: {
            [ATTR.objectiveType]: run.objectiveType,
            [ATTR.stateBefore]: run.stateBefore,
            [ATTR.stateAfter]: run.stateAfter,
            [ATTR.success]: run.success,
            [ATTR.retryCount]: run.retryCount,
            [ATTR.confidence]: run.confidence,
            [ATTR.durationMs]: run.durationMs,
          },
        },
        parent,
      );
      if (run.errorCode !== undefined) {
        span.setAttribute(ATTR.errorCode, run.errorCode);
        if (SPAN_ERROR_CODES.has(run.errorCode)) span.setStatus({ code: SpanStatusCode.ERROR, message: run.errorCode });
      }
      // Only from and to: a transition's data may hold a masked value, which has no place in a span.
      for (const t of run.transitions) span.addEvent(STATE_TRANSITION_EVENT, transitionAttributes(t.from, t.to), endTime);
      span.end(endTime);
    },
  };
}

/**
 * A transition event's attributes, made once per (from, to) pair: states are a small fixed set,
 * and a confirmed capture records five transitions per call.
 */
const transitionAttributesByPair = new Map<string, Map<string, Attributes>>();
function transitionAttributes(from: string, to: string): Attributes {
  let byTo = transitionAttributesByPair.get(from);
  if (byTo === undefined) {
    byTo = new Map();
    transitionAttributesByPair.set(from, byTo);
  }
  let attributes = byTo.get(to);
  if (attributes === undefined) {
    attributes = Object.freeze({ [ATTR.fromState]: from, [ATTR.toState]: to });
    byTo.set(to, attributes);
  }
  return attributes;
}

/** A call's trace context: the one traceUnary made for it, else the active one (streams, under the middleware). */
function traceOf(call: object): Context {
  return callTrace(call) ?? context.active();
}

/** The trace id of the call's span, when there is a valid one. */
export function otelTraceIdOf(call: object): string | undefined {
  const spanContext = trace.getSpan(traceOf(call))?.spanContext();
  return spanContext !== undefined && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** Bridges our trace id and OpenTelemetry's for the service (see the README's trace-id rules). */
export interface TraceIdBridge {
  /** The OpenTelemetry trace id to use as ours when the caller gave none. */
  fallback(call: object): string | undefined;
  /** Records our trace id on the call's span. */
  record(call: object, traceId: string): void;
  /** The call's trace context, for ExecuteOptions.scope (the primitive span's parent). */
  scope(call: object): unknown;
  /** The OpenTelemetry ids for the call's log lines (otel_trace_id, otel_span_id); empty without a valid span. */
  logFields(call: object): Record<string, string>;
}

export const otelTraceIdBridge: TraceIdBridge = {
  fallback: otelTraceIdOf,
  record(call, traceId) {
    trace.getSpan(traceOf(call))?.setAttribute(ATTR.traceId, traceId);
  },
  scope: traceOf,
  logFields(call): Record<string, string> {
    const spanContext = trace.getSpan(traceOf(call))?.spanContext();
    return spanContext !== undefined && isSpanContextValid(spanContext)
      ? { otel_trace_id: spanContext.traceId, otel_span_id: spanContext.spanId }
      : {};
  },
};
