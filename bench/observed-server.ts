/**
 * Voice Core with observability on, for the cost benchmark:
 *   tracing-unsampled  an OpenTelemetry SDK with a no-op exporter, sampling nothing
 *   tracing-sampled    the same, sampling every call (batch processor with the batch size
 *                      startTracingFromEnv gives the SDK, as in production)
 *   metrics            Prometheus metrics on (a free HTTP port; nothing scrapes it)
 * Usage: node dist-bench/bench/observed-server.js <port> <mode> (or through ts-node)
 */
import { ExportResultCode } from '@opentelemetry/core';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { silentLogger } from '../src/runtime/logger';
import { SynchronousContextManager } from '../src/server/observability/context-manager';
import { exportBatchSize } from '../src/server/observability/otel-sdk';
import { startVoiceCoreServer } from '../src/server/server';

export type ObservedMode = 'tracing-unsampled' | 'tracing-sampled' | 'metrics';

/** Drops every span: what is measured is the instrumentation, not an exporter's network. */
const noopExporter: SpanExporter = {
  export(_spans: ReadableSpan[], done) {
    done({ code: ExportResultCode.SUCCESS });
  },
  shutdown: () => Promise.resolve(),
};

async function main(port: number, mode: ObservedMode): Promise<void> {
  const tracing = mode !== 'metrics';
  if (tracing) {
    new NodeTracerProvider({
      sampler: mode === 'tracing-sampled' ? new AlwaysOnSampler() : new AlwaysOffSampler(),
      spanProcessors: [new BatchSpanProcessor(noopExporter, { maxExportBatchSize: exportBatchSize(process.env) })],
    }).register({ contextManager: new SynchronousContextManager() }); // as startTracingFromEnv does
  }
  // The CLI's server logs at info, and logs nothing per call: silent here is the same cost.
  const server = await startVoiceCoreServer({
    address: `127.0.0.1:${port}`,
    logger: silentLogger,
    tracing,
    metrics: mode === 'metrics' ? { port: 0, host: '127.0.0.1' } : undefined,
  });
  process.on('SIGTERM', () => void server.shutdown().then(() => process.exit(0)));
}

void main(Number(process.argv[2] ?? '0'), (process.argv[3] ?? 'metrics') as ObservedMode);
