import { randomUUID } from 'node:crypto';
import type { ChannelCredentials, ChannelOptions } from 'nice-grpc';
import {
  errorCodeToJSON,
  HealthCheckResponse_ServingStatus,
  type Event,
  type ExecutePrimitiveResponse,
} from '../../generated/voice_core/voice_core';
import type { ObjectiveState, PrimitiveErrorCode } from '../primitives/types';
import type { VoiceCore, VoiceCoreOptions } from '../runtime/voice-core';
import {
  CircuitBreaker,
  isRejection,
  type CircuitBreakerOptions,
  type CircuitSnapshot,
  type CircuitStateChange,
  type Disposable,
} from './circuit-breaker';
import { EmbeddedTransport } from './embedded-transport';
import { isConcurrentTurn, toVoiceCoreError, VoiceCoreError } from './errors';
import { resumableEvents, type StreamRetryOptions } from './event-stream';
import { classifyOutcome } from './failure-classifier';
import { GrpcTransport } from './grpc-transport';
import type { Transport } from './transport';
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
  /** TLS credentials, e.g. `ChannelCredentials.createSsl(ca)`; plaintext when absent. */
  credentials?: ChannelCredentials;
  /** grpc-js channel options (keepalive, reconnect backoff, message sizes, …). */
  channelOptions?: ChannelOptions;
  /** Primitive time budget when a call gives none (default 30 s). */
  defaultTimeoutSeconds: number;
  /** Added to the time budget to make the call's deadline, so the server's TIMEOUT answer arrives first (default 1000 ms). */
  deadlineMarginMs: number;
  circuitBreaker: Partial<CircuitBreakerOptions>;
  /** Reconnection of event streams. */
  streamRetry: Partial<StreamRetryOptions>;
  /** Embedded mode: the runtime to use, or options for a new one (e.g. a registry with custom primitives). */
  embedded?: VoiceCore | Partial<VoiceCoreOptions>;
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
    defaultTimeoutSeconds: 30,
    deadlineMarginMs: 1000,
    circuitBreaker: {},
    streamRetry: {},
    ...stripUndefined(options),
  });
}

const ERROR_CODES = new Set<string>([
  'TIMEOUT',
  'MAX_RETRIES_EXCEEDED',
  'INTERNAL',
  'CANCELLED',
  'LOW_CONFIDENCE',
  'NO_VALUE',
  'AMBIGUOUS',
  'NOT_CONFIRMED',
]);

export class VoiceCoreClient {
  readonly mode: 'grpc' | 'embedded';
  private readonly transport: Transport;
  private readonly breaker: CircuitBreaker;
  private readonly options: VoiceCoreClientOptions;

  constructor(options: VoiceCoreClientOptions) {
    this.options = options;
    if (!(options.defaultTimeoutSeconds > 0)) throw new RangeError('defaultTimeoutSeconds must be greater than 0');
    this.transport = options.useGrpc
      ? new GrpcTransport({
          endpoint: options.endpoints !== undefined ? endpointsTarget(options.endpoints) : options.endpoint,
          credentials: options.credentials,
          channelOptions: options.channelOptions,
        })
      : new EmbeddedTransport(options.embedded);
    this.mode = this.transport.mode;
    this.breaker = new CircuitBreaker(options.circuitBreaker);
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
    const traceId = options.traceId !== undefined && options.traceId !== '' ? options.traceId : randomUUID();
    const permit = this.breaker.acquire();
    if (isRejection(permit)) {
      throw new VoiceCoreError('CIRCUIT_BREAKER_OPEN', `Voice Core circuit breaker is open; retry in ${permit.retryAfterMs} ms`, {
        traceId,
        retryAfterMs: permit.retryAfterMs,
      });
    }
    const timeoutSeconds = options.timeoutSeconds ?? 0;
    const budgetMs = (timeoutSeconds > 0 ? timeoutSeconds : this.options.defaultTimeoutSeconds) * 1000;
    const request = {
      objectiveType,
      conversationId: options.conversationId,
      traceId,
      purpose: options.purpose ?? '',
      params: isKnownObjectiveType(objectiveType) ? toWireParams(params) : (params as Record<string, string>),
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
      permit.release(classifyOutcome(error));
      throw toVoiceCoreError(error, traceId, 'execute');
    }
    permit.release('success');
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
    return resumableEvents(this.transport, conversationId, { ...options, traceId }, this.options.streamRetry, toEvent);
  }

  async healthCheck(options: { signal?: AbortSignal; timeoutSeconds?: number } = {}): Promise<HealthStatus> {
    const traceId = randomUUID();
    try {
      const response = await this.transport.health({
        traceId,
        deadline: Date.now() + (options.timeoutSeconds ?? 5) * 1000,
        signal: options.signal,
      });
      return {
        serving: response.status === HealthCheckResponse_ServingStatus.SERVING_STATUS_SERVING,
        version: response.version,
        uptimeSeconds: response.uptimeSeconds,
      };
    } catch (error) {
      throw toVoiceCoreError(error, traceId, 'health');
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
}

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

const KNOWN_OBJECTIVE_TYPES: ReadonlySet<string> = new Set<KnownObjectiveType>([
  'capture_email_au',
  'capture_phone_au',
  'capture_address_au',
  'capture_name_au',
  'capture_date_au',
  'capture_time_au',
  'capture_datetime_au',
  'capture_yes_no',
  'capture_number',
]);

function isKnownObjectiveType(objectiveType: string): boolean {
  return KNOWN_OBJECTIVE_TYPES.has(objectiveType);
}

/** Typed params to the wire's string map: camelCase keys become snake_case, numbers and dates strings. */
function toWireParams(params: object): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const key in params) {
    const value = (params as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const wireKey = /[A-Z]/.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key;
    wire[wireKey] = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value);
  }
  return wire;
}

function toResult(r: ExecutePrimitiveResponse): VoiceCoreResult {
  const state = r.state as ObjectiveState;
  let error: VoiceCoreResult['error'];
  if (r.error !== undefined) {
    const name = errorCodeToJSON(r.error.code).replace(/^ERROR_CODE_/, '');
    error = { code: ERROR_CODES.has(name) ? (name as PrimitiveErrorCode) : 'UNSPECIFIED', message: r.error.message };
  }
  return {
    success: r.success,
    value: r.value,
    fields: r.fields,
    state,
    prompt: r.prompt,
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
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
