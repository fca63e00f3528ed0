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

/**
 * Spans per export batch when OTEL_BSP_MAX_EXPORT_BATCH_SIZE is unset (the SDK's own default is 512).
 * Why smaller: a finished span waits in the batch processor's queue until a batch is full, and under
 * load every young-generation garbage collection has to copy the spans waiting there. With 512 that
 * queue was the larger part of what a sampled call cost (bench/observability-cost.ts: about 25 µs of
 * CPU a call over untraced with 512, about 15 µs with 256 or less); 128 spans still make a batch of
 * tens of kilobytes, so an exporter sends a few hundred requests a second at full load, not thousands.
 */
export const EXPORT_BATCH_SIZE = 128;

/** The export batch size in force: OTEL_BSP_MAX_EXPORT_BATCH_SIZE when set to a whole number, else EXPORT_BATCH_SIZE. */
export function exportBatchSize(env: NodeJS.ProcessEnv): number {
  const set = (env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE ?? '').trim();
  return /^\d+$/.test(set) && Number(set) > 0 ? Number(set) : EXPORT_BATCH_SIZE;
}

/** Registers the global tracer provider, propagator (W3C by default) and context manager; undefined when not configured. */
export async function startTracingFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TracingHandle | undefined> {
  if (!tracingConfigured(env)) return undefined;
  // The SDK builds its batch processor from process.env: our default goes there when none is set.
  if ((process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE ?? '').trim() === '')
    process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE = String(exportBatchSize(env));
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
