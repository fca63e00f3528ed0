import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerCredentials } from '@grpc/grpc-js';
import { createServer, type Server, type ServerMiddleware } from 'nice-grpc';
import { composeServerMiddleware } from 'nice-grpc-common';
import { HealthDefinition, HealthServiceImpl, HealthState } from 'nice-grpc-server-health';
import { ServerReflection, ServerReflectionService } from 'nice-grpc-server-reflection';
import { VoiceCoreServiceDefinition } from '../../generated/voice_core/voice_core';
import { createLogger, type Logger } from '../runtime/logger';
import { VoiceCore, type VoiceCoreOptions } from '../runtime/voice-core';
import { createVoiceCoreService, type ServiceState } from './service';
import { TerminatorMiddleware } from './terminator';
import { ServerMetrics } from './observability/metrics';
import { serveMetrics, type MetricsEndpoint } from './observability/metrics-http';
import { otelTraceIdBridge, primitiveSpanObserver, serverTracingMiddleware, traceUnary } from './observability/tracing';
import { safeExecutePrimitive, safeStreamEvents } from './request-decoding';
import { methodPath, type UnaryHandler } from './observability/unary-call';

export interface VoiceCoreServerOptions {
  /** host:port to listen on; port 0 picks a free one. Default 0.0.0.0:50051. */
  address: string;
  /** The runtime to serve; a default one (all built-in primitives) when absent. */
  core: VoiceCore | Partial<VoiceCoreOptions>;
  logger: Logger;
  /** How long shutdown waits for in-flight unary calls before cancelling them (ms). */
  drainTimeoutMs: number;
  /** TLS, e.g. `ServerCredentials.createSsl(null, [{ private_key, cert_chain }])`; plaintext when absent. */
  credentials?: ServerCredentials;
  /**
   * A connection is closed (GOAWAY) after this long, so that long-lived client channels spread again
   * over replicas added since; the SDK resumes its event streams elsewhere. Default 10 min.
   */
  maxConnectionAgeMs: number;
  /** How long calls on an aged connection may still run before it is cut. Default 30 s. */
  maxConnectionAgeGraceMs: number;
  /**
   * OpenTelemetry spans for every RPC and every primitive run, through the global OpenTelemetry API
   * (register an SDK first: see startTracingFromEnv). Off by default: ExecutePrimitive then runs
   * without any middleware.
   */
  tracing?: boolean;
  /**
   * Prometheus metrics over HTTP at GET /metrics on this port (0 picks a free one); off when absent.
   * `host` defaults to the gRPC address's host.
   */
  metrics?: { port: number; host?: string };
}

export interface RunningServer {
  readonly port: number;
  readonly core: VoiceCore;
  /** The metrics registry and HTTP port, when metrics are on. */
  readonly metrics?: { readonly registry: ServerMetrics['registry']; readonly port: number };
  /**
   * Graceful shutdown: health turns NOT_SERVING, event streams end with
   * UNAVAILABLE "Server shutting down", new calls are refused, in-flight
   * unary calls get up to drainTimeoutMs to finish, then the rest are cancelled.
   */
  shutdown(): Promise<void>;
}

export const DEFAULT_PORT = 50051;
export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CONNECTION_AGE_MS = 10 * 60_000;
export const DEFAULT_MAX_CONNECTION_AGE_GRACE_MS = 30_000;

const SERVICE_NAME = 'voice_core.VoiceCoreService';
const HEALTH_SERVICE_NAME = 'grpc.health.v1.Health';
const REFLECTION_SERVICE_NAME = 'grpc.reflection.v1.ServerReflection';

/** The descriptor set written by `npm run generate`: generated/ beside src/, in the sources and in dist/. */
function loadDescriptorSet(): Uint8Array {
  for (const candidate of [join(__dirname, '../../generated/voice_core.binpb'), join(__dirname, '../../../generated/voice_core.binpb')]) {
    try {
      return readFileSync(candidate);
    } catch {
      // try the next location
    }
  }
  throw new Error('generated/voice_core.binpb is missing: run `npm run generate`');
}

export async function startVoiceCoreServer(options: Partial<VoiceCoreServerOptions> = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  // A core made here is also closed here (its stores' connections); a core passed in belongs to the caller.
  const ownsCore = !(options.core instanceof VoiceCore);
  const core = options.core instanceof VoiceCore ? options.core : new VoiceCore({ logger, ...options.core });
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const state: ServiceState = { serving: true, startedAt: Date.now(), storeAvailable: () => core.storeStatus?.available ?? true };

  const terminator = TerminatorMiddleware();
  const health = HealthState();
  const server: Server = createServer({
    // Idle connections are kept; a dead peer is noticed by keepalive pings.
    'grpc.keepalive_time_ms': 60_000,
    'grpc.keepalive_timeout_ms': 20_000,
    'grpc.max_connection_age_ms': options.maxConnectionAgeMs ?? DEFAULT_MAX_CONNECTION_AGE_MS,
    'grpc.max_connection_age_grace_ms': options.maxConnectionAgeGraceMs ?? DEFAULT_MAX_CONNECTION_AGE_GRACE_MS,
  });
  const detach: Array<() => void> = [];
  const observability: ServerMiddleware[] = [];
  let metrics: ServerMetrics | undefined;
  if (options.metrics !== undefined) {
    metrics = new ServerMetrics(core);
    observability.push(metrics.middleware);
    detach.push(core.observe(metrics.observer));
  }
  if (options.tracing === true) {
    observability.push(serverTracingMiddleware());
    detach.push(core.observe(primitiveSpanObserver()));
  }
  const observed = observability.length === 0 ? undefined : observability.reduce((outer, inner) => composeServerMiddleware(outer, inner));
  const service = createVoiceCoreService(core, logger, state, options.tracing === true ? otelTraceIdBridge : undefined);
  // Only streams need the terminator. The unary methods are registered without any middleware: on
  // the hot path each middleware layer costs an async generator, an AbortController and listeners
  // per call, and shutdown drains unary calls anyway. Metrics and tracing wrap their handlers
  // instead (metrics outermost, as the middleware were composed), with the same metrics and spans.
  const { healthCheck } = VoiceCoreServiceDefinition.methods;
  const executePrimitive = safeExecutePrimitive;
  const streamEvents = safeStreamEvents;
  const observeUnary = <Req, Res>(method: { name: string }, handler: UnaryHandler<Req, Res>): UnaryHandler<Req, Res> => {
    const unary = { path: methodPath(VoiceCoreServiceDefinition, method) };
    const traced = options.tracing === true ? traceUnary(unary, handler) : handler;
    return metrics === undefined ? traced : metrics.observeUnary(unary, traced);
  };
  server.add(
    { ...VoiceCoreServiceDefinition, methods: { executePrimitive, healthCheck } },
    {
      executePrimitive: observeUnary(executePrimitive, service.executePrimitive),
      healthCheck: observeUnary(healthCheck, service.healthCheck),
    },
  );
  const streams = server.with(terminator);
  (observed === undefined ? streams : streams.with(observed)).add(
    { ...VoiceCoreServiceDefinition, methods: { streamEvents } },
    { streamEvents: service.streamEvents },
  );
  server.with(terminator).add(HealthDefinition, HealthServiceImpl(health));
  server
    .with(terminator)
    .add(ServerReflectionService, ServerReflection(loadDescriptorSet(), [SERVICE_NAME, HEALTH_SERVICE_NAME, REFLECTION_SERVICE_NAME]));

  const address = options.address ?? `0.0.0.0:${DEFAULT_PORT}`;
  const port = await server.listen(address, options.credentials ?? ServerCredentials.createInsecure());
  let metricsEndpoint: MetricsEndpoint | undefined;
  if (metrics !== undefined && options.metrics !== undefined) {
    metricsEndpoint = await serveMetrics(metrics.registry, options.metrics.host ?? hostOf(address), options.metrics.port, logger);
  }
  // Health follows the stores: NOT_SERVING while Redis is away, SERVING again when it is back.
  const reportHealth = (): void => {
    const status = state.serving && state.storeAvailable() ? 'healthy' : 'unhealthy';
    health.setStatus(status);
    health.setStatus(status, SERVICE_NAME);
  };
  reportHealth();
  const stopWatchingStores = core.storeStatus?.onChange(reportHealth);
  logger.info({ address, port, tls: options.credentials !== undefined }, 'Voice Core serving');

  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ drain_timeout_ms: drainTimeoutMs }, 'shutting down');
      state.serving = false;
      stopWatchingStores?.();
      reportHealth();
      terminator.terminate();
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        server.shutdown().then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), drainTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) {
        logger.warn({ drain_timeout_ms: drainTimeoutMs }, 'calls still running after the drain time: cancelling them');
        server.forceShutdown();
      }
      await metricsEndpoint?.close();
      for (const undo of detach) undo();
      if (ownsCore) await core.close();
      logger.info({}, 'stopped');
    })();
    return stopping;
  };

  return {
    port,
    core,
    shutdown,
    metrics:
      metrics === undefined || metricsEndpoint === undefined ? undefined : { registry: metrics.registry, port: metricsEndpoint.port },
  };
}

/** The host part of host:port ("[::1]:50051" gives "::1"). */
function hostOf(address: string): string {
  const host = address.slice(0, address.lastIndexOf(':'));
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
