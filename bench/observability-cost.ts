/**
 * In-process cost of observability per ExecutePrimitive call, without the network: the service
 * handler with the same wrappers the server installs (metrics, tracing unsampled, tracing sampled),
 * called 64 at a time with a CallContext as nice-grpc builds it. Each mode runs in its own process
 * (an AsyncLocalStorage, once used, slows every later promise in its process), rounds interleaved.
 * Both wall time and the process's CPU time per call are reported: on a shared machine the CPU
 * time is the steadier figure (it does not count the time other processes hold the core).
 * Usage: node dist-bench/bench/observability-cost.js [rounds] [mode ...]   (one child: ... --mode M)
 */
import { fork } from 'node:child_process';
import { Metadata } from 'nice-grpc-common';
import { ExportResultCode } from '@opentelemetry/core';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ExecutePrimitiveRequest } from '../generated/voice_core/voice_core';
import { silentLogger } from '../src/runtime/logger';
import { VoiceCore } from '../src/runtime/voice-core';
import { createVoiceCoreService } from '../src/server/service';
import { ServerMetrics } from '../src/server/observability/metrics';
import { SynchronousContextManager } from '../src/server/observability/context-manager';
import { exportBatchSize } from '../src/server/observability/otel-sdk';
import { otelTraceIdBridge, primitiveSpanObserver, traceUnary } from '../src/server/observability/tracing';
import type { UnaryHandler } from '../src/server/observability/unary-call';
import { SEED_REQUEST } from './server-throughput';

const MODES = ['plain', 'metrics', 'tracing-unsampled', 'tracing-sampled'] as const;
type Mode = (typeof MODES)[number];
const CALLS = 40_000;
const IN_FLIGHT = 64;

const noopExporter: SpanExporter = {
  export(_spans: ReadableSpan[], done) {
    done({ code: ExportResultCode.SUCCESS });
  },
  shutdown: () => Promise.resolve(),
};

function handlerFor(mode: Mode): UnaryHandler<ExecutePrimitiveRequest, unknown> {
  const core = new VoiceCore({ logger: silentLogger });
  const tracing = mode.startsWith('tracing');
  if (tracing) {
    new NodeTracerProvider({
      sampler: mode === 'tracing-sampled' ? new AlwaysOnSampler() : new AlwaysOffSampler(),
      spanProcessors: [new BatchSpanProcessor(noopExporter, { maxExportBatchSize: exportBatchSize(process.env) })],
    }).register({ contextManager: new SynchronousContextManager() });
    core.observe(primitiveSpanObserver());
  }
  const state = { serving: true, startedAt: Date.now(), storeAvailable: () => true };
  const service = createVoiceCoreService(core, silentLogger, state, tracing ? otelTraceIdBridge : undefined);
  const method = { path: '/voice_core.VoiceCoreService/ExecutePrimitive' };
  let handler: UnaryHandler<ExecutePrimitiveRequest, unknown> = service.executePrimitive;
  if (tracing) handler = traceUnary(method, handler);
  if (mode === 'metrics') {
    const metrics = new ServerMetrics(core);
    core.observe(metrics.observer);
    handler = metrics.observeUnary(method, handler);
  }
  return handler;
}

interface Sample {
  /** Wall time per call, µs. */
  wall: number;
  /** CPU time of the process (user + system) per call, µs. */
  cpu: number;
}

async function measure(mode: Mode): Promise<Sample> {
  const handler = handlerFor(mode);
  const request = ExecutePrimitiveRequest.fromJSON(SEED_REQUEST);
  const signal = new AbortController().signal;
  const call = () =>
    handler(request, { metadata: Metadata(), header: Metadata(), trailer: Metadata(), signal, peer: 'ipv4:127.0.0.1:40000' } as never);
  const run = async (n: number): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next++ < n) await call();
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  };
  await run(10_000);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await run(CALLS);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: Number(process.hrtime.bigint() - started) / 1000 / CALLS, cpu: (cpu.user + cpu.system) / CALLS };
}

function child(mode: Mode): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--mode', mode]);
    p.on('message', (m) => resolve(m as Sample));
    p.on('error', reject);
  });
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--mode');
  if (at >= 0) {
    process.send?.(await measure(process.argv[at + 1] as Mode));
    process.exit(0);
  }
  const rounds = Number(process.argv[2] ?? '5');
  const asked = process.argv.slice(3) as Mode[];
  const modes: readonly Mode[] = asked.length === 0 ? MODES : ['plain', ...asked.filter((m) => m !== 'plain' && MODES.includes(m))];
  const samples = new Map<Mode, Sample[]>(modes.map((m) => [m, []]));
  for (let r = 0; r < rounds; r++) for (const mode of modes) samples.get(mode)!.push(await child(mode));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const kind of ['wall', 'cpu'] as const) {
    console.log(kind === 'wall' ? 'Wall time per call:' : 'CPU time per call:');
    const plain = med(samples.get('plain')!.map((s) => s[kind]));
    for (const mode of modes) {
      const xs = samples.get(mode)!.map((s) => s[kind]);
      const m = med(xs);
      console.log(
        `  ${mode.padEnd(18)} ${m.toFixed(2)} µs/call  +${(m - plain).toFixed(2)} µs  (${(((m - plain) / plain) * 100).toFixed(1)} %)  [${xs
          .map((x) => x.toFixed(1))
          .join(' ')}]`,
      );
    }
  }
}

void main();
