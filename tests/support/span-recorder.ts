import type { ContextManager } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * A real OpenTelemetry SDK registered globally (W3C propagator, async-hooks
 * context) whose spans land in memory, for tests through real gRPC.
 */
export interface SpanRecorder {
  spans(): ReadableSpan[];
  reset(): void;
  shutdown(): Promise<void>;
}

/** `contextManager`: the process's context manager; Node's AsyncLocalStorage one (as in an application) when absent. */
export function recordSpans(contextManager?: ContextManager): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register(contextManager === undefined ? {} : { contextManager });
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    shutdown: () => provider.shutdown(),
  };
}

/** The span's parent span id (sdk-trace-base 2.x keeps it in parentSpanContext). */
export function parentSpanId(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
