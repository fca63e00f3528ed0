/**
 * Starts the OpenTelemetry SDK from the standard OTEL_* environment variables
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf or
 * grpc, OTEL_TRACES_EXPORTER, OTEL_TRACES_SAMPLER, OTEL_SERVICE_NAME, ...),
 * traces only. Nothing starts, and nothing is loaded, unless the environment
 * asks for an exporter: with tracing off the server pays nothing.
 */

import { SynchronousContextManager } from './context-manager';

export interface TracingHandle {
  /** Flushes pending spans and stops the exporter. */
  shutdown(): Promise<void>;
}

/** Whether the environment configures trace export. OTEL_SDK_DISABLED=true and OTEL_TRACES_EXPORTER=none turn it off. */
export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').trim().toLowerCase();
  if (exporters === 'none') return false;
  return exporters !== '' || nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT) || nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** Registers the global tracer provider, propagator (W3C by default) and context manager; undefined when not configured. */
export async function startTracingFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TracingHandle | undefined> {
  if (!tracingConfigured(env)) return undefined;
  // Loaded on demand: the SDK and its exporters take a while to load and are not needed otherwise.
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'voice-core',
    // Traces only: our metrics are Prometheus ones, and logs stay JSON lines on stdout. No
    // auto-instrumentation either: @opentelemetry/instrumentation-grpc would duplicate the RPC spans.
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
    // Trace context travels explicitly through the server (see context-manager.ts): the default
    // AsyncLocalStorage manager would tax every promise in the process for nothing.
    contextManager: new SynchronousContextManager(),
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
