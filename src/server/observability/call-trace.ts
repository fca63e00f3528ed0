import type { Context } from '@opentelemetry/api';

/**
 * The trace context of a call, kept on the call's own object (its nice-grpc CallContext) under a
 * private symbol, so that it lives exactly as long as the call does.
 *
 * Why not a WeakMap keyed by the call: V8's young-generation collector does not clear a WeakMap's
 * entries, so every call's context (and, when sampled, its server span with everything the span
 * holds) survived each scavenge, was copied and promoted to the old generation, and waited there
 * for a full collection. With 64 calls in flight that made scavenges half again as slow and full
 * collections frequent: bench/observability-cost.ts, tracing sampled, measured this alone at about
 * <WM> µs of CPU a call (see the commit that brought this module in).
 *
 * A call object that cannot take a property (frozen or sealed: nice-grpc's are not) falls back on
 * a WeakMap, so the context is never lost.
 */
const TRACE = Symbol('voice_core.call_trace');

type Holder = { [TRACE]?: Context };

const fallback = new WeakMap<object, Context>();

/** Records a call's trace context. */
export function setCallTrace(call: object, trace: Context): void {
  if (Object.isExtensible(call)) (call as Holder)[TRACE] = trace;
  else fallback.set(call, trace);
}

/** The trace context recorded for a call, if any. */
export function callTrace(call: object): Context | undefined {
  return (call as Holder)[TRACE] ?? fallback.get(call);
}
