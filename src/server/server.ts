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
import { DEFAULT_CHANNEL_LIMITS, grpcServerOptions, http2Settings, type ChannelLimits } from './channel-limits';
import { Limits, type LimitsOptions } from './limits';
import { TerminatorMiddleware } from './terminator';
import { ServerMetrics } from './observability/metrics';
import { serveMetrics, type MetricsEndpoint } from './observability/metrics-http';
import {
  otelTraceIdBridge,
  primitiveSpanObserver,
  rememberStreamTrace,
  serverTracingMiddleware,
  traceUnary,
} from './observability/tracing';
import { safeExecutePrimitive, safeStreamEvents } from './request-decoding';
import { methodPath, type UnaryHandler } from './observability/unary-call';
import { Authenticator, hasCredentialSource, type AuthOptions } from './auth/authenticator';
import { authenticateUnary, authMiddleware } from './auth/middleware';
import { peerTenantInterceptor } from './auth/peer-certificate';
import { ReloadingTlsCredentials, type TlsFiles } from './auth/tls-files';

export interface VoiceCoreServerOptions {
  /**
   * host:port to listen on; port 0 picks a free one. Default 127.0.0.1:50051. A non-loopback host
   * needs a credential source (`auth`) or `allowUnauthenticated`.
   */
  address: string;
  /** The runtime to serve; a default one (all built-in primitives) when absent. */
  core: VoiceCore | Partial<VoiceCoreOptions>;
  logger: Logger;
  /** How long shutdown waits for in-flight unary calls before cancelling them (ms). */
  drainTimeoutMs: number;
  /** TLS, e.g. `ServerCredentials.createSsl(null, [{ private_key, cert_chain }])`; plaintext when absent. */
  credentials?: ServerCredentials;
  /**
   * TLS from files, reloaded when they change (instead of `credentials`). With `clientCaFile`,
   * clients must present a certificate signed by it (mTLS), and it names their tenant.
   */
  tls?: TlsFiles;
  /**
   * Credential sources (API key file, JWT). With any of them, or mTLS, every Voice Core call must
   * authenticate and is served as its credential's tenant; grpc.health.v1 stays open.
   */
  auth?: AuthOptions;
  /** Serve on a non-loopback address with no credential source (every call is tenant "default"). */
  allowUnauthenticated?: boolean;
  /** grpc.reflection.v1 (default true). */
  reflection?: boolean;
  /**
   * A connection is closed (GOAWAY) after this long, so that long-lived client channels spread again
   * over replicas added since; the SDK resumes its event streams elsewhere. Default 10 min.
   * (The same as `channel.maxConnectionAgeMs`, which wins when both are given.)
   */
  maxConnectionAgeMs: number;
  /** How long calls on an aged connection may still run before it is cut. Default 30 s. */
  maxConnectionAgeGraceMs: number;
  /** HTTP/2 and gRPC connection limits (streams per connection, message size, idle and age, keepalive). */
  channel?: Partial<ChannelLimits>;
  /** Quotas and load shedding: per-tenant calls per second and streams, calls in flight, metadata size. */
  limits?: Partial<LimitsOptions>;
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
  /** Quotas and load shedding in force (calls in flight, streams held). */
  readonly limits: Limits;
  /** The metrics registry and HTTP port, when metrics are on. */
  readonly metrics?: { readonly registry: ServerMetrics['registry']; readonly port: number };
  /** Re-reads the API key file, a JWKS file and the TLS files (the CLI calls it on SIGHUP). */
  reloadCredentials(): void;
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
  const address = options.address ?? `127.0.0.1:${DEFAULT_PORT}`;
  const auth: AuthOptions = {
    ...options.auth,
    clientCertificates: options.tls?.clientCaFile !== undefined || options.auth?.clientCertificates,
  };
  const authenticated = hasCredentialSource(auth);
  if (!authenticated && !isLoopback(hostOf(address))) {
    if (options.allowUnauthenticated !== true) {
      throw new Error(
        `refusing to listen on ${address} without authentication: configure API keys (VOICE_CORE_API_KEYS_FILE), ` +
          'JWT (VOICE_CORE_JWT_JWKS) or mTLS (--tls-client-ca), listen on 127.0.0.1, or pass --allow-unauthenticated',
      );
    }
    logger.warn({ address }, 'serving WITHOUT authentication on a non-loopback address: every caller is tenant "default"');
  }
  if (options.tls !== undefined && options.credentials !== undefined) throw new Error('give either tls (files) or credentials, not both');
  // A core made here is also closed here (its stores' connections); a core passed in belongs to the caller.
  // Credentials first: a file that does not load fails startup before anything needs closing.
  const channelLimits: ChannelLimits = {
    ...DEFAULT_CHANNEL_LIMITS,
    maxConnectionAgeMs: options.maxConnectionAgeMs ?? DEFAULT_MAX_CONNECTION_AGE_MS,
    maxConnectionAgeGraceMs: options.maxConnectionAgeGraceMs ?? DEFAULT_MAX_CONNECTION_AGE_GRACE_MS,
    ...definedOnly(options.channel ?? {}),
  };
  const limits = new Limits(options.limits);
  const tlsFiles =
    options.tls === undefined
      ? undefined
      : new ReloadingTlsCredentials(options.tls, logger, http2Settings(channelLimits, limits.options.maxMetadataBytes));
  let authenticator: Authenticator | undefined;
  try {
    authenticator = authenticated ? new Authenticator(auth, logger) : undefined;
  } catch (error) {
    tlsFiles?.close();
    throw error;
  }
  const ownsCore = !(options.core instanceof VoiceCore);
  const core = options.core instanceof VoiceCore ? options.core : new VoiceCore({ logger, ...options.core });
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const state: ServiceState = { serving: true, startedAt: Date.now(), storeAvailable: () => core.storeStatus?.available ?? true };

  const terminator = TerminatorMiddleware();
  const health = HealthState();
  const server: Server = createServer({
    ...grpcServerOptions(channelLimits),
    // mTLS: the client certificate's tenant reaches the call as a header only this interceptor sets.
    ...(auth.clientCertificates === true ? { interceptors: [peerTenantInterceptor] } : {}),
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
  // Authentication wraps the handler innermost, so that metrics and spans count its refusals;
  // without a credential source nothing is added to the call.
  const observeUnary = <Req, Res>(method: { name: string }, handler: UnaryHandler<Req, Res>): UnaryHandler<Req, Res> => {
    const unary = { path: methodPath(VoiceCoreServiceDefinition, method) };
    const checked = authenticator === undefined ? handler : authenticateUnary(authenticator, handler);
    const traced = options.tracing === true ? traceUnary(unary, checked) : checked;
    return metrics === undefined ? traced : metrics.observeUnary(unary, traced);
  };
  server.add(
    { ...VoiceCoreServiceDefinition, methods: { executePrimitive, healthCheck } },
    {
      executePrimitive: observeUnary(executePrimitive, limits.unary(service.executePrimitive)),
      healthCheck: observeUnary(healthCheck, service.healthCheck),
    },
  );
  const streams = server.with(terminator);
  const observedStreams = observed === undefined ? streams : streams.with(observed);
  (authenticator === undefined ? observedStreams : observedStreams.with(authMiddleware(authenticator))).add(
    { ...VoiceCoreServiceDefinition, methods: { streamEvents } },
    {
      streamEvents:
        options.tracing === true ? rememberStreamTrace(limits.stream(service.streamEvents)) : limits.stream(service.streamEvents),
    },
  );
  server.with(terminator).add(HealthDefinition, HealthServiceImpl(health));
  if (options.reflection !== false) {
    server
      .with(terminator)
      .add(ServerReflectionService, ServerReflection(loadDescriptorSet(), [SERVICE_NAME, HEALTH_SERVICE_NAME, REFLECTION_SERVICE_NAME]));
  }

  let port: number;
  try {
    port = await server.listen(address, tlsFiles ?? options.credentials ?? ServerCredentials.createInsecure());
  } catch (error) {
    tlsFiles?.close();
    authenticator?.close();
    for (const undo of detach) undo();
    if (ownsCore) await core.close();
    throw error;
  }
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
  logger.info(
    { address, port, tls: options.credentials !== undefined || tlsFiles !== undefined, authentication: authenticated },
    'Voice Core serving',
  );

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
      authenticator?.close();
      tlsFiles?.close();
      if (ownsCore) await core.close();
      logger.info({}, 'stopped');
    })();
    return stopping;
  };

  return {
    port,
    core,
    limits,
    shutdown,
    reloadCredentials() {
      authenticator?.reload();
      tlsFiles?.reload();
    },
    metrics:
      metrics === undefined || metricsEndpoint === undefined ? undefined : { registry: metrics.registry, port: metricsEndpoint.port },
  };
}

/** The given options without those given as undefined (which keep their defaults). */
function definedOnly<T extends object>(given: T): Partial<T> {
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Loopback hosts: a server there is reachable from this machine only. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The host part of host:port ("[::1]:50051" gives "::1"). */
function hostOf(address: string): string {
  const host = address.slice(0, address.lastIndexOf(':'));
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
