import { randomUUID } from 'node:crypto';
import type { ChannelCredentials, ChannelOptions } from 'nice-grpc';
import { HealthCheckResponse_ServingStatus, type Event, type ExecutePrimitiveResponse } from '../../generated/voice_core/voice_core';
import { BUILT_IN_OBJECTIVE_TYPES } from '../primitives/defaults';
import type { ObjectiveState } from '../primitives/types';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, type VoiceCore, type VoiceCoreOptions } from '../runtime/voice-core';
import { fromProtoErrorCode } from '../runtime/wire';
import { BreakerTransport } from './breaker-transport';
import {
  CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitSnapshot,
  type CircuitStateChange,
  type Disposable,
} from './circuit-breaker';
import { EmbeddedTransport } from './embedded-transport';
import { isConcurrentTurn, toVoiceCoreError, VoiceCoreError } from './errors';
import { resumableEvents, type StreamRetryOptions } from './event-stream';
import { GrpcTransport } from './grpc-transport';
import { isClientCredentials, tlsChannelCredentials, type ClientCredentials, type ClientTlsOptions } from './credentials';
import type { Transport } from './transport';
import { activeTraceId } from './tracing';
import { ClientMetrics, countStreamFailures, type ClientMetricsOptions } from './metrics';
import { ReadbackTokens } from './readback-tokens';
import type {
  ExecuteOptions,
  HealthStatus,
  KnownObjectiveType,
  PrimitiveParamTypes,
  StreamOptions,
  VoiceCoreEvent,
  VoiceCoreResult,
} from './types';

export interface VoiceCoreClientOptions {
  /**
   * The server (gRPC mode): host:port, or any grpc-js target such as `dns:///voice-core:50051`, whose
   * addresses are then balanced round robin. Default: VOICE_CORE_ENDPOINT, else localhost:50051.
   */
  endpoint: string;
  /** Several replicas as ip:port, balanced round robin; replaces `endpoint`. */
  endpoints?: readonly string[];
  /**
   * true: talk gRPC to `endpoint`. false: run the primitives in-process (embedded), with the
   * same API, results and events. Default: VOICE_CORE_USE_GRPC === "true".
   */
  useGrpc: boolean;
  /**
   * What to authenticate with: `{ apiKey }` or `{ token: () => jwt }` (called before every call, so it
   * may refresh), sent as `authorization: Bearer …`. A grpc-js `ChannelCredentials` here is still
   * taken as the channel's TLS (the older form of `tls`).
   */
  credentials?: ClientCredentials | ChannelCredentials;
  /** TLS for the channel (PEM): `ca` of the server, and `cert`/`key` for mTLS. Plaintext when absent. */
  tls?: ClientTlsOptions;
  /** grpc-js channel options (keepalive, reconnect backoff, message sizes, …). */
  channelOptions?: ChannelOptions;
  /** Primitive time budget when a call gives none (default: the runtime's DEFAULT_TIMEOUT_SECONDS, 30 s). */
  defaultTimeoutSeconds: number;
  /** Added to the time budget to make the call's deadline, so the server's TIMEOUT answer arrives first (default 1000 ms). */
  deadlineMarginMs: number;
  circuitBreaker: Partial<CircuitBreakerOptions>;
  /** Reconnection of event streams. */
  streamRetry: Partial<StreamRetryOptions>;
  /** Embedded mode: the runtime to use, or options for a new one (e.g. a registry with custom primitives). */
  embedded?: VoiceCore | Partial<VoiceCoreOptions>;
  /**
   * gRPC mode: a client span per call that sends W3C `traceparent` from the active context, using
   * the application's OpenTelemetry SDK; a call without a traceId then takes the active trace id.
   * Default false.
   */
  tracing: boolean;
  /** The SDK's Prometheus metrics, registered into the application's prom-client registry. Off when absent. */
  metrics?: ClientMetricsOptions;
  /**
   * Remember each objective's read-back token and send it with the next `confirmation` (default
   * true), so a "yes" only confirms the value this client was given to read back. Off: no token is
   * sent unless the call's params carry `readbackToken` (a blank one opts a single call out).
   */
  readbackTokens: boolean;
}

export const DEFAULT_ENDPOINT = 'localhost:50051';

/** Options from the environment, for whatever the caller does not set. */
function fromEnvironment(env: NodeJS.ProcessEnv): Pick<VoiceCoreClientOptions, 'endpoint' | 'useGrpc'> {
  return {
    endpoint: env.VOICE_CORE_ENDPOINT !== undefined && env.VOICE_CORE_ENDPOINT !== '' ? env.VOICE_CORE_ENDPOINT : DEFAULT_ENDPOINT,
    useGrpc: (env.VOICE_CORE_USE_GRPC ?? '').trim().toLowerCase() === 'true',
  };
}

/** Creates a client; options default from VOICE_CORE_ENDPOINT and VOICE_CORE_USE_GRPC. */
export function createVoiceCoreClient(options: Partial<VoiceCoreClientOptions> = {}): VoiceCoreClient {
  return new VoiceCoreClient({
    ...fromEnvironment(process.env),
    defaultTimeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    deadlineMarginMs: 1000,
    tracing: false,
    readbackTokens: true,
    circuitBreaker: {},
    streamRetry: {},
    ...stripUndefined(options),
  });
}

export class VoiceCoreClient {
  readonly mode: 'grpc' | 'embedded';
  private readonly transport: Transport;
  private readonly breaker: CircuitBreaker;
  private readonly options: VoiceCoreClientOptions;
  private readonly metrics: ClientMetrics | undefined;
  private readonly readbackTokens: ReadbackTokens | undefined;

  constructor(options: VoiceCoreClientOptions) {
    this.options = options;
    if (!(options.deadlineMarginMs >= 0 && options.deadlineMarginMs <= MAX_TIMER_MS)) {
      throw new RangeError(`deadlineMarginMs must be a number of ms from 0 to ${MAX_TIMER_MS}, got ${options.deadlineMarginMs}`);
    }
    if (!(options.defaultTimeoutSeconds > 0 && options.defaultTimeoutSeconds <= this.maxTimeoutSeconds())) {
      throw new RangeError(
        `defaultTimeoutSeconds must be greater than 0 and at most ${this.maxTimeoutSeconds()}, got ${options.defaultTimeoutSeconds}`,
      );
    }
    this.breaker = new CircuitBreaker(options.circuitBreaker);
    // `!== false`: a client constructed directly, without createVoiceCoreClient's defaults, keeps the check.
    if (options.readbackTokens !== false) this.readbackTokens = new ReadbackTokens();
    const transport = options.useGrpc
      ? new GrpcTransport({
          endpoint: options.endpoints !== undefined ? endpointsTarget(options.endpoints) : options.endpoint,
          credentials: channelCredentials(options),
          auth: isClientCredentials(options.credentials) ? options.credentials : undefined,
          channelOptions: options.channelOptions,
          tracing: options.tracing,
        })
      : new EmbeddedTransport(options.embedded);
    this.transport = new BreakerTransport(transport, this.breaker);
    this.mode = this.transport.mode;
    if (options.metrics !== undefined) {
      const metrics = new ClientMetrics(options.metrics, () => this.breaker.snapshot());
      this.breaker.onStateChange((change) => metrics.breakerChanged(change));
      this.metrics = metrics;
    }
  }

  /**
   * Runs one turn of a primitive. Known objective types get typed params
   * (`confidence` is a number); custom types take a string map. Resolves with
   * the result, including domain outcomes such as `state: "confirming"` or
   * `error.code: "TIMEOUT"`; rejects with a VoiceCoreError when the call
   * itself fails (deadline, unavailable, open circuit, invalid request).
   */
  executePrimitive<T extends KnownObjectiveType>(
    objectiveType: T,
    params: PrimitiveParamTypes[T],
    options: ExecuteOptions,
  ): Promise<VoiceCoreResult>;
  executePrimitive<T extends string>(
    objectiveType: T extends KnownObjectiveType ? never : T,
    params: Readonly<Record<string, string>>,
    options: ExecuteOptions,
  ): Promise<VoiceCoreResult>;
  async executePrimitive(objectiveType: string, params: object, options: ExecuteOptions): Promise<VoiceCoreResult> {
    const traceId =
      options.traceId !== undefined && options.traceId !== ''
        ? options.traceId
        : ((this.options.tracing ? activeTraceId() : undefined) ?? randomUUID());
    const timeoutSeconds = options.timeoutSeconds ?? 0;
    this.checkTimeout(timeoutSeconds, traceId);
    // 0 (or a negative value, which the server refuses with its own message) means the default budget.
    const budgetMs = (timeoutSeconds > 0 ? timeoutSeconds : this.options.defaultTimeoutSeconds) * 1000;
    const wireParams = isKnownObjectiveType(objectiveType) ? toWireParams(params) : (params as Record<string, string>);
    const request = {
      objectiveType,
      conversationId: options.conversationId,
      traceId,
      purpose: options.purpose ?? '',
      params: this.readbackTokens?.attach(options.conversationId, objectiveType, wireParams) ?? wireParams,
      timeoutSeconds,
    };
    const call = { traceId, deadline: Date.now() + budgetMs + this.options.deadlineMarginMs, signal: options.signal };
    let response: ExecutePrimitiveResponse;
    try {
      try {
        response = await this.transport.execute(request, call);
      } catch (error) {
        // ABORTED: a concurrent turn of the same objective won and nothing of this one was applied, so
        // running it once more on the new session is safe. Once only: a second loss is the caller's to see.
        if (!isConcurrentTurn(error)) throw error;
        response = await this.transport.execute(request, call);
      }
    } catch (error) {
      const failure = toVoiceCoreError(error, traceId, 'execute');
      this.metrics?.call('ExecutePrimitive', failure.code);
      throw failure;
    }
    this.metrics?.call('ExecutePrimitive', 'OK');
    this.readbackTokens?.remember(options.conversationId, objectiveType, response.readbackToken);
    return toResult(response);
  }

  /**
   * The conversation's events: retained ones after `fromSequence`, then live
   * ones, for `for await`. A dropped connection is resumed from the last
   * delivered event (no loss, no duplicate); if the server no longer holds
   * the events needed, iteration throws VoiceCoreError EVENTS_LOST. Aborting
   * `signal` (or breaking out of the loop) ends it.
   */
  streamEvents(conversationId: string, options: StreamOptions = {}): AsyncIterable<VoiceCoreEvent> {
    const traceId = options.traceId !== undefined && options.traceId !== '' ? options.traceId : randomUUID();
    const metrics = this.metrics;
    if (metrics === undefined)
      return resumableEvents(this.transport, conversationId, { ...options, traceId }, this.options.streamRetry, toEvent);
    return countStreamFailures(
      resumableEvents(this.transport, conversationId, { ...options, traceId }, this.options.streamRetry, toEvent, () =>
        metrics.reconnected(),
      ),
      metrics,
    );
  }

  async healthCheck(options: { signal?: AbortSignal; timeoutSeconds?: number } = {}): Promise<HealthStatus> {
    const traceId = randomUUID();
    this.checkTimeout(options.timeoutSeconds ?? 0, traceId);
    try {
      const response = await this.transport.health({
        traceId,
        deadline: Date.now() + (options.timeoutSeconds ?? 5) * 1000,
        signal: options.signal,
      });
      this.metrics?.call('HealthCheck', 'OK');
      return {
        serving: response.status === HealthCheckResponse_ServingStatus.SERVING_STATUS_SERVING,
        version: response.version,
        uptimeSeconds: response.uptimeSeconds,
        store: response.store === undefined ? undefined : { name: response.store.name, reachable: response.store.reachable },
        primitives: response.primitives.map((p) => ({ objectiveType: p.objectiveType, version: p.version })),
        openSessions: response.openSessions,
        openStreams: response.openStreams,
      };
    } catch (error) {
      const failure = toVoiceCoreError(error, traceId, 'health');
      this.metrics?.call('HealthCheck', failure.code);
      throw failure;
    }
  }

  /** The breaker's state, counters and, while open, how long until a probe may go. */
  circuitState(): CircuitSnapshot {
    return this.breaker.snapshot();
  }

  resetCircuitBreaker(): void {
    this.breaker.reset();
  }

  onCircuitStateChange(listener: (change: CircuitStateChange) => void): Disposable {
    return this.breaker.onStateChange(listener);
  }

  /** Closes the connection (gRPC mode). Calls after close fail. */
  close(): void {
    this.transport.close();
  }

  /** The longest budget whose deadline (budget + margin) a timer can hold. */
  private maxTimeoutSeconds(): number {
    return Math.floor((MAX_TIMER_MS - this.options.deadlineMarginMs) / 1000);
  }

  /**
   * Refuses, before the call and without counting it in the breaker, a budget whose deadline the
   * timer cannot hold: beyond MAX_TIMER_MS the timer fires at once and the call would "time out"
   * against a healthy server. Budgets within it are left to the server, which knows its own limit.
   */
  private checkTimeout(timeoutSeconds: number, traceId: string): void {
    if (Number.isFinite(timeoutSeconds) && timeoutSeconds <= this.maxTimeoutSeconds()) return;
    throw new VoiceCoreError(
      'INVALID_ARGUMENT',
      `timeoutSeconds must be a finite number of seconds, at most ${this.maxTimeoutSeconds()} here (the server's own limit is ` +
        `${MAX_TIMEOUT_SECONDS} s by default; 0 means the default of ${this.options.defaultTimeoutSeconds} s), got ${timeoutSeconds}`,
      { traceId },
    );
  }
}

/** The channel's TLS: `tls`, else a ChannelCredentials given as `credentials`, else plaintext. */
function channelCredentials(options: VoiceCoreClientOptions): ChannelCredentials | undefined {
  if (options.tls !== undefined) {
    if (options.credentials !== undefined && !isClientCredentials(options.credentials)) {
      throw new RangeError('give the channel TLS either as tls or as ChannelCredentials in credentials, not both');
    }
    return tlsChannelCredentials(options.tls);
  }
  return options.credentials === undefined || isClientCredentials(options.credentials) ? undefined : options.credentials;
}

/** The longest delay setTimeout holds (2^31-1 ms, about 24.8 days); Node fires longer ones after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A list of replicas as one grpc-js target (`ipv4:a:p,b:q`); the channel balances it round robin
 * (see GrpcTransport). Host names need DNS instead: `dns:///name:port`.
 */
export function endpointsTarget(endpoints: readonly string[]): string {
  if (endpoints.length === 0) throw new RangeError('endpoints must list at least one ip:port');
  const v6 = endpoints.every((e) => /^\[[0-9a-fA-F:.]+\]:\d+$/.test(e));
  const v4 = endpoints.every((e) => /^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(e));
  if (!v4 && !v6) {
    throw new RangeError(
      `endpoints must all be IPv4 ip:port or all [IPv6]:port (got ${endpoints.join(', ')}); ` +
        'for host names use endpoint "dns:///name:port", which balances over every address the name has',
    );
  }
  return `${v4 ? 'ipv4' : 'ipv6'}:${endpoints.join(',')}`;
}

/** Known types get their typed params converted for the wire; the list is the registry's own built-ins. */
function isKnownObjectiveType(objectiveType: string): boolean {
  return BUILT_IN_OBJECTIVE_TYPES.has(objectiveType);
}

/**
 * Typed params to the wire's string map: camelCase keys become snake_case, numbers and dates strings,
 * arrays JSON (an n-best list), except keypad keys, which are joined ("0412345678#").
 */
function toWireParams(params: object): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const key in params) {
    const value = (params as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const wireKey = /[A-Z]/.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key;
    wire[wireKey] =
      typeof value === 'string'
        ? value
        : value instanceof Date
          ? value.toISOString()
          : Array.isArray(value)
            ? wireKey === 'dtmf'
              ? value.join('')
              : JSON.stringify(value)
            : String(value);
  }
  return wire;
}

function toResult(r: ExecutePrimitiveResponse): VoiceCoreResult {
  const state = r.state as ObjectiveState;
  let error: VoiceCoreResult['error'];
  if (r.error !== undefined) error = { code: fromProtoErrorCode(r.error.code), message: r.error.message };
  return {
    success: r.success,
    value: r.value,
    fields: r.fields,
    state,
    prompt: r.prompt,
    promptSsml: r.promptSsml,
    readbackToken: r.readbackToken === '' ? undefined : r.readbackToken,
    error,
    metadata: {
      durationMs: r.metadata?.durationMs ?? 0,
      retryCount: r.metadata?.retryCount ?? 0,
      confidence: r.metadata?.confidence ?? 0,
      state: (r.metadata?.state ?? state) as ObjectiveState,
    },
    traceId: r.traceId,
    conversationId: r.conversationId,
    objectiveType: r.objectiveType,
  };
}

function toEvent(e: Event): VoiceCoreEvent {
  return {
    eventType: e.eventType,
    conversationId: e.conversationId,
    traceId: e.traceId,
    objectiveType: e.objectiveType,
    sequence: e.sequence,
    timestamp: e.timestamp ?? new Date(0),
    fromState: e.fromState,
    toState: e.toState,
    data: e.data,
    epoch: e.epoch,
    eventId: e.eventId,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
