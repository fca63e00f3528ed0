import { randomUUID } from 'node:crypto';
import type { ExecutePrimitiveRequest, ExecutePrimitiveResponse, StreamEventsRequest } from '../../generated/voice_core/voice_core';
import { createDefaultRegistry } from '../primitives/defaults';
import type { PrimitiveRegistry } from '../primitives/registry';
import { maxParamLength } from '../primitives/params/limits';
import {
  InvalidParamsError,
  ObjectivePreconditionError,
  type PrimitiveErrorCode,
  type PrimitiveHandler,
  type PrimitiveInput,
  type PrimitiveOutcome,
  type PrimitiveResult,
} from '../primitives/types';
import { VoiceCoreRequestError, concurrentTurn, invalidArgument } from './errors';
import {
  MAX_EPOCH_LENGTH,
  MAX_EVENT_ID_LENGTH,
  MAX_ID_LENGTH,
  MAX_PURPOSE_LENGTH,
  checkLength,
  checkTraceId,
  shown,
} from './request-bounds';
import { MemoryEventLog, type EventLogOptions } from './event-log';
import { DEFAULT_TENANT } from './redis/keys';
import { silentLogger, type Logger } from './logger';
import { combineObservers, type RuntimeObserver } from './observer';
import { MemorySessionStore, type SessionStoreOptions } from './session-store';
import { IN_MEMORY_STORE, type StoreHealth } from './store-health';
import {
  isPromise,
  type EventLog,
  type MaybePromise,
  type SessionStore,
  type StoreStatus,
  type Stores,
  type Subscription,
  type VersionedSession,
} from './stores';
import { HandlerContext, TimeoutSignal, withinBudget } from './time-budget';
import { isAbortError, toProtoErrorCode } from './wire';

/**
 * The Voice Core runtime: runs primitives from the registry with time
 * budgets, keeps turn-by-turn sessions and the event log. It knows nothing of
 * gRPC: the server adapts it to the wire, and the SDK's embedded mode calls
 * it in-process, so both give identical results and events.
 */
export interface VoiceCoreOptions {
  registry: PrimitiveRegistry;
  /** Time budget when a request gives none (seconds). */
  defaultTimeoutSeconds: number;
  /** Largest time budget a request may ask for (seconds). */
  maxTimeoutSeconds: number;
  /** Options of the in-memory event log (ignored when `stores` is given). */
  eventLog: Partial<EventLogOptions>;
  /** Options of the in-memory session store (ignored when `stores` is given). */
  sessions: Partial<SessionStoreOptions>;
  /** Where sessions and events live, e.g. `createRedisStores(...)`; in memory when absent. */
  stores?: Stores;
  logger: Logger;
  now: () => number;
  /** Hooks for metrics and tracing; none by default (the runtime then does no extra work). */
  observers: readonly RuntimeObserver[];
  /** The store in use, for health and metrics (the in-memory one by default). */
  store: StoreHealth;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MAX_TIMEOUT_SECONDS = 600;

/** An id field: bounded in length, and required when `requiredMessage` is given. */
function checkId(field: string, value: string, requiredMessage?: string): void {
  checkLength(field, value, MAX_ID_LENGTH, requiredMessage);
}
const MAX_PARAMS = 32;

export interface ExecuteOptions {
  /** Aborts the call (the caller went away, or its deadline passed). */
  signal?: AbortSignal;
  /** Trace id from transport metadata; the request's own trace_id wins over it. */
  traceId?: string;
  /**
   * The caller's tenant, from its credentials ("default" when absent: no credential source is
   * configured). Every conversation, session and event belongs to exactly one tenant.
   */
  tenant?: string;
  /**
   * Opaque to the runtime: handed to the observers with the call's run (PrimitiveRun.scope). The
   * server's tracing passes the call's OpenTelemetry context this way, explicitly, rather than
   * through AsyncLocalStorage (see src/server/observability/context-manager.ts).
   */
  scope?: unknown;
}

export interface StreamOptions {
  /** The caller's tenant, as in ExecuteOptions.tenant. */
  tenant?: string;
}

export class VoiceCore {
  readonly registry: PrimitiveRegistry;
  readonly events: EventLog;
  readonly sessions: SessionStore;
  /** Whether the stores can serve; absent for the in-memory stores, which always can. */
  readonly storeStatus: StoreStatus | undefined;
  private readonly stores: Stores;
  private readonly options: VoiceCoreOptions;
  private observers: RuntimeObserver[];
  /** The observers as one, or undefined when there is none: stores report their errors here. */
  observer: RuntimeObserver | undefined;

  constructor(options: Partial<VoiceCoreOptions> = {}) {
    const now = options.now ?? Date.now;
    this.options = {
      registry: options.registry ?? createDefaultRegistry(),
      defaultTimeoutSeconds: options.defaultTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      maxTimeoutSeconds: options.maxTimeoutSeconds ?? MAX_TIMEOUT_SECONDS,
      eventLog: options.eventLog ?? {},
      sessions: options.sessions ?? {},
      logger: options.logger ?? silentLogger,
      now,
      observers: options.observers ?? [],
      store: options.store ?? (options.stores === undefined ? IN_MEMORY_STORE : storeHealthOf(options.stores)),
    };
    this.observers = [...this.options.observers];
    this.observer = combineObservers(this.observers);
    this.registry = this.options.registry;
    if (options.stores !== undefined) {
      this.stores = options.stores;
    } else {
      const events = new MemoryEventLog({ now, ...this.options.eventLog });
      this.stores = { events, sessions: new MemorySessionStore({ now, ...this.options.sessions }, events) };
    }
    this.events = this.stores.events;
    this.sessions = this.stores.sessions;
    this.storeStatus = this.stores.status;
  }

  /** Releases the stores' connections (Redis); nothing to do in memory. */
  async close(): Promise<void> {
    await this.stores.close?.();
  }

  get store(): StoreHealth {
    return this.options.store;
  }

  /** The remote store's own command metrics (Redis), when it has them. */
  get storeMetrics(): Stores['metrics'] {
    return this.stores.metrics;
  }

  /** Attaches an observer (metrics, tracing); returns a function that detaches it. */
  observe(observer: RuntimeObserver): () => void {
    this.observers.push(observer);
    this.observer = combineObservers(this.observers);
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
      this.observer = combineObservers(this.observers);
    };
  }

  /**
   * Runs one turn of a primitive. Throws VoiceCoreRequestError for a request
   * that cannot run (bad field, unknown objective type, nothing to confirm);
   * every other outcome, including a timeout, is a response.
   */
  async execute(request: ExecutePrimitiveRequest, options: ExecuteOptions = {}): Promise<ExecutePrimitiveResponse> {
    const started = performance.now();
    const traceId = resolveTraceId(request.traceId, options.traceId);
    const timeoutMs = this.validate(request, options);
    const tenant = options.tenant ?? DEFAULT_TENANT;
    const handler = this.registry.get(request.objectiveType);
    if (handler === undefined) {
      throw new VoiceCoreRequestError(
        'NOT_FOUND',
        `objective_type "${shown(request.objectiveType)}" is not a registered primitive; registered: ${this.registry.types().join(', ')}`,
        'objective_type',
      );
    }
    const input = {
      objectiveType: request.objectiveType,
      conversationId: request.conversationId,
      traceId,
      purpose: request.purpose,
      params: request.params,
    };
    const { cached, commitIfCurrent } = this.sessions;
    // Only a pure handler may run on a session that could be stale: it is run again, never an impure one.
    if (cached !== undefined && commitIfCurrent !== undefined && this.registry.isPure(request.objectiveType)) {
      const response = await this.executeOnCache(request, input, handler, traceId, timeoutMs, options, started, tenant);
      if (response !== undefined) return response;
    }
    const loaded = this.sessions.load(request.conversationId, request.objectiveType, tenant);
    // In memory the session is at hand: no await on the hot path.
    const stored = isPromise(loaded) ? await this.counted(loaded, 'load') : loaded;
    const context = new HandlerContext(stored?.data, this.options.now());
    return this.runTurn(request, traceId, timeoutMs, options, stored, context, () => handler(input, context), started, tenant);
  }

  /**
   * One round trip per turn on a store that caches sessions (Redis), for a pure handler: it runs on the session
   * this process last saw, and the commit checks that it is still the stored one. When another replica took a turn
   * since (or the session expired, or Redis lost it), the commit applies nothing and returns the stored session,
   * and the handler runs again on that. Resolves to undefined when the handler refused the cached session (it
   * threw): the caller then reads the session first, as for any other handler.
   */
  private async executeOnCache(
    request: ExecutePrimitiveRequest,
    input: PrimitiveInput,
    handler: PrimitiveHandler<unknown>,
    traceId: string,
    timeoutMs: number,
    options: ExecuteOptions,
    started: number,
    tenant: string,
  ): Promise<ExecutePrimitiveResponse | undefined> {
    const sessions = this.sessions as Required<Pick<SessionStore, 'cached' | 'commitIfCurrent'>>;
    const { conversationId, objectiveType } = request;
    let stored = sessions.cached(conversationId, objectiveType, tenant);
    for (let attempt = 1; ; attempt++) {
      const context = new HandlerContext(stored.data, this.options.now());
      let returned: MaybePromise<PrimitiveResult<unknown>>;
      try {
        returned = handler(input, context);
      } catch (error) {
        // On the cached session an error may be an artefact of staleness; on the stored one it is the answer.
        if (attempt === 1) return undefined;
        return this.failure(error, request, traceId, stored.data, started, options.scope, tenant);
      }
      if (isPromise(returned)) {
        // Registered as pure but asynchronous after all: it may have side effects, so it must not run twice.
        const pending = returned;
        return this.runTurn(request, traceId, timeoutMs, options, stored, context, () => pending, started, tenant);
      }
      const result = returned;
      const current = await this.counted(
        sessions.commitIfCurrent(conversationId, objectiveType, stored, result.session, traceId, result.outcome.transitions, tenant),
        'commit',
      );
      if (current === undefined) return this.finish(request, traceId, stored.data, result.outcome, started, options.scope);
      // Stored again between our reply and this commit: a true race, answered as ever (the SDK retries once).
      if (attempt === 2) throw concurrentTurn(conversationId, objectiveType);
      stored = current;
    }
  }

  /** Runs (or awaits) the handler within its budget, then commits the turn if the session is still `stored`. */
  private async runTurn(
    request: ExecutePrimitiveRequest,
    traceId: string,
    timeoutMs: number,
    options: ExecuteOptions,
    stored: VersionedSession | undefined,
    context: HandlerContext,
    run: () => MaybePromise<PrimitiveResult<unknown>>,
    started: number,
    tenant: string,
  ): Promise<ExecutePrimitiveResponse> {
    const session = stored?.data;
    let result: PrimitiveResult<unknown>;
    try {
      const returned = run();
      // Built-in primitives answer synchronously: no timer is armed and no AbortController made for them.
      result = isPromise(returned) ? await withinBudget(returned, context.controller(), timeoutMs, options.signal) : returned;
    } catch (error) {
      if (error instanceof TimeoutSignal) {
        return this.timedOut(request, traceId, session, error.ms, started, options.scope, tenant);
      }
      return this.failure(error, request, traceId, session, started, options.scope, tenant);
    }

    const committed = this.sessions.commit(
      request.conversationId,
      request.objectiveType,
      stored?.version ?? 0,
      result.session,
      traceId,
      result.outcome.transitions,
      tenant,
    );
    if (isPromise(committed)) await this.counted(committed, 'commit');
    return this.finish(request, traceId, session, result.outcome, started, options.scope);
  }

  /** Awaits a store operation, counting its failure (Redis away: UNAVAILABLE) for the observers. */
  private async counted<T>(operation: Promise<T>, name: string): Promise<T> {
    try {
      return await operation;
    } catch (error) {
      if (error instanceof VoiceCoreRequestError && error.status === 'UNAVAILABLE') this.observer?.storeError?.(this.store.name, name);
      throw error;
    }
  }

  /** The response for a turn, after telling the observers (if any) about it. */
  private finish(
    request: ExecutePrimitiveRequest,
    traceId: string,
    session: unknown,
    outcome: PrimitiveOutcome,
    started: number,
    scope: unknown,
  ): ExecutePrimitiveResponse {
    const durationMs = performance.now() - started;
    const observer = this.observer;
    if (observer?.primitiveRun !== undefined) {
      observer.primitiveRun({
        objectiveType: request.objectiveType,
        conversationId: request.conversationId,
        traceId,
        stateBefore: stateOf(session),
        stateAfter: outcome.state,
        success: outcome.success,
        errorCode: outcome.error?.code,
        retryCount: outcome.retryCount,
        confidence: outcome.confidence,
        startedAtMs: performance.timeOrigin + started,
        durationMs,
        transitions: outcome.transitions,
        scope,
      });
    }
    return toResponse(request, traceId, outcome, durationMs);
  }

  /** Retained events after from_sequence, then live ones; see EventLog.subscribe. */
  streamEvents(request: StreamEventsRequest, signal: AbortSignal, options: StreamOptions = {}): MaybePromise<Subscription> {
    checkId('conversation_id', request.conversationId, 'conversation_id is required');
    checkLength('epoch', request.epoch, MAX_EPOCH_LENGTH);
    checkLength('last_event_id', request.lastEventId, MAX_EVENT_ID_LENGTH);
    // The wire decoder gives a from_sequence past 2^53 as an unsafe number rather than failing (see request-decoding.ts).
    if (!Number.isSafeInteger(request.fromSequence) || request.fromSequence < 0) {
      throw invalidArgument('from_sequence', `from_sequence must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
    }
    return this.events.subscribe(
      request.conversationId,
      request.fromSequence,
      request.epoch,
      signal,
      options.tenant ?? DEFAULT_TENANT,
      request.lastEventId,
    );
  }

  /** Checks the request and returns its time budget in ms. */
  private validate(request: ExecutePrimitiveRequest, options: ExecuteOptions): number {
    checkId('objective_type', request.objectiveType, 'objective_type is required, e.g. "capture_email_au"');
    checkId('conversation_id', request.conversationId, 'conversation_id is required');
    checkTraceId('trace_id', request.traceId);
    if (options.traceId !== undefined) checkTraceId('trace-id header', options.traceId);
    checkLength('purpose', request.purpose, MAX_PURPOSE_LENGTH);
    const keys = Object.keys(request.params);
    if (keys.length > MAX_PARAMS) throw invalidArgument('params', `params has ${keys.length} entries; at most ${MAX_PARAMS} are accepted`);
    for (const k of keys) {
      const limit = maxParamLength(k);
      if (request.params[k].length > limit) {
        throw invalidArgument(`params.${shown(k)}`, `params.${shown(k)} is longer than ${limit} characters`);
      }
    }
    const seconds = request.timeoutSeconds;
    if (seconds === 0) return this.options.defaultTimeoutSeconds * 1000;
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > this.options.maxTimeoutSeconds) {
      throw invalidArgument(
        'timeout_seconds',
        `timeout_seconds must be greater than 0 and at most ${this.options.maxTimeoutSeconds} (0 means the default of ` +
          `${this.options.defaultTimeoutSeconds}), got ${seconds}`,
      );
    }
    return seconds * 1000;
  }

  private async timedOut(
    request: ExecutePrimitiveRequest,
    traceId: string,
    session: unknown,
    ms: number,
    started: number,
    scope: unknown,
    tenant: string,
  ): Promise<ExecutePrimitiveResponse> {
    const state = stateOf(session);
    await this.events.append(
      request.conversationId,
      {
        eventType: 'primitive_timeout',
        traceId,
        objectiveType: request.objectiveType,
        fromState: state,
        toState: state,
        data: { timeout_ms: String(ms) },
      },
      tenant,
    );
    this.options.logger.warn(
      { trace_id: traceId, conversation_id: request.conversationId, objective_type: request.objectiveType, timeout_ms: ms },
      'primitive timed out',
    );
    return this.finish(
      request,
      traceId,
      session,
      failedTurn(state, 'TIMEOUT', `${request.objectiveType} did not finish within ${ms / 1000} s`),
      started,
      scope,
    );
  }

  /** Caller errors become VoiceCoreRequestError; a primitive's own failure becomes an INTERNAL outcome. */
  private async failure(
    error: unknown,
    request: ExecutePrimitiveRequest,
    traceId: string,
    session: unknown,
    started: number,
    scope: unknown,
    tenant: string,
  ): Promise<ExecutePrimitiveResponse> {
    if (error instanceof InvalidParamsError) throw invalidArgument(error.field, error.message);
    if (error instanceof ObjectivePreconditionError) throw new VoiceCoreRequestError('FAILED_PRECONDITION', error.message);
    if (error instanceof VoiceCoreRequestError || isAbortError(error)) throw error;
    this.options.logger.error(
      { trace_id: traceId, conversation_id: request.conversationId, objective_type: request.objectiveType, err: error },
      'primitive failed',
    );
    const state = stateOf(session);
    await this.events.append(
      request.conversationId,
      { eventType: 'primitive_error', traceId, objectiveType: request.objectiveType, fromState: state, toState: state, data: {} },
      tenant,
    );
    return this.finish(
      request,
      traceId,
      session,
      failedTurn(state, 'INTERNAL', `${request.objectiveType} failed unexpectedly; the server log has the details under trace ${traceId}`),
      started,
      scope,
    );
  }
}

function failedTurn(state: string, code: PrimitiveErrorCode, message: string): PrimitiveOutcome {
  return {
    success: false,
    state: state as PrimitiveOutcome['state'],
    value: '',
    fields: {},
    prompt: '',
    error: { code, message },
    retryCount: 0,
    confidence: 0,
    transitions: [],
  };
}

export function resolveTraceId(fromRequest: string, fromMetadata: string | undefined): string {
  if (fromRequest !== '') return fromRequest;
  if (fromMetadata !== undefined && fromMetadata !== '') return fromMetadata;
  return randomUUID();
}

function toResponse(
  request: ExecutePrimitiveRequest,
  traceId: string,
  outcome: PrimitiveOutcome,
  durationMs: number,
): ExecutePrimitiveResponse {
  return {
    success: outcome.success,
    value: outcome.value,
    fields: outcome.fields,
    state: outcome.state,
    prompt: outcome.prompt,
    promptSsml: outcome.promptSsml ?? '',
    readbackToken: outcome.readbackToken ?? '',
    error: outcome.error === undefined ? undefined : { code: toProtoErrorCode(outcome.error.code), message: outcome.error.message },
    metadata: {
      durationMs,
      retryCount: outcome.retryCount,
      confidence: outcome.confidence,
      state: outcome.state,
    },
    traceId,
    conversationId: request.conversationId,
    objectiveType: request.objectiveType,
  };
}

/** Health of stores given without their own: their name, and reachable while their status says available. */
function storeHealthOf(stores: Stores): StoreHealth {
  return {
    name: stores.name ?? 'custom',
    reachable: () => Promise.resolve(stores.status?.available ?? true),
  };
}

function stateOf(session: unknown): string {
  const state = (session as { state?: unknown } | undefined)?.state;
  return typeof state === 'string' ? state : 'pending';
}
