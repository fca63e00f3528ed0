import type { Event } from '../../generated/voice_core/voice_core';
import type { Transition } from '../primitives/types';
import type { StoreCommandMetrics } from './redis/command-stats';

/**
 * The two seams between the runtime and where its state lives: sessions and
 * the event log. The in-memory implementations answer synchronously and are
 * the default; the Redis ones answer with promises. Methods return either, so
 * that the in-memory path costs no extra await per call.
 */
export type MaybePromise<T> = T | Promise<T>;

/** A session as stored: plain, JSON-serialisable data and the version of the last turn that wrote it. */
export interface VersionedSession {
  /** 1 after the first turn, +1 per committed turn. 0 means "no session" when committing. */
  readonly version: number;
  readonly data: unknown;
  /**
   * Names the write that stored this session, where the store keeps one (Redis). Versions start again at 1
   * when a session ends or expires; revisions never repeat, so a stale cached session cannot pass for a newer one.
   */
  readonly revision?: string;
}

export type NewEvent = Omit<Event, 'sequence' | 'epoch' | 'timestamp' | 'conversationId' | 'eventId'>;

export interface Subscription {
  /** The epoch of the conversation's log, known before any event arrives. */
  epoch: string;
  events: AsyncGenerator<Event>;
}

/**
 * Every method takes the caller's tenant last (DEFAULT_TENANT when omitted): every conversation, session and
 * event belongs to exactly one tenant, and the same conversation id in two tenants is two conversations.
 */
export interface SessionStore {
  load(conversationId: string, objectiveType: string, tenant?: string): MaybePromise<VersionedSession | undefined>;
  /**
   * Commits one turn atomically: the session (undefined ends it) and the
   * turn's state transitions as events. Throws VoiceCoreRequestError ABORTED,
   * with nothing applied, when another turn committed since `expectedVersion`
   * was loaded.
   */
  commit(
    conversationId: string,
    objectiveType: string,
    expectedVersion: number,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
    tenant?: string,
  ): MaybePromise<void>;
  /**
   * Optional, for a store one round trip away (Redis): the session this process last committed or loaded, without
   * asking the store (version 0 and no data when it knows none). It may be stale: `commitIfCurrent` checks it.
   */
  cached?(conversationId: string, objectiveType: string, tenant?: string): VersionedSession;
  /**
   * Optional, with `cached`: commits like `commit` when the stored session is still `expected` (same version and
   * revision). Otherwise applies nothing and resolves to the session stored now (version 0 when there is none),
   * so that a pure handler can run again on it; resolves to undefined once committed.
   */
  commitIfCurrent?(
    conversationId: string,
    objectiveType: string,
    expected: VersionedSession,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
    tenant?: string,
  ): Promise<VersionedSession | undefined>;
  /** Sessions held, where the store can count them cheaply (in memory); absent for Redis. */
  readonly size?: number;
}

/** Tenant-scoped like SessionStore: the tenant is the last argument, DEFAULT_TENANT when omitted. */
export interface EventLog {
  /** Appends one event (a timeout or a primitive failure) outside a turn's commit; returns it when at hand. */
  append(conversationId: string, event: NewEvent, tenant?: string): MaybePromise<Event | void>;
  /**
   * Retained events after `fromSequence`, then live ones until `signal`
   * aborts. FAILED_PRECONDITION when `epoch` names another incarnation of the
   * log, OUT_OF_RANGE when `fromSequence` is past its end or events the
   * subscriber needs are no longer retained. FAILED_PRECONDITION too when
   * `lastEventId` is given and the event the log holds at `fromSequence` is
   * another (its tail was lost and the sequences given again; see event-ids.ts),
   * and, on a log that can lose its tail, when that is found while following.
   */
  subscribe(
    conversationId: string,
    fromSequence: number,
    epoch: string,
    signal: AbortSignal,
    tenant?: string,
    lastEventId?: string,
  ): MaybePromise<Subscription>;
  /** Last sequence and epoch of a conversation's log (0 and '' when there is none). */
  position(conversationId: string, tenant?: string): MaybePromise<{ last: number; epoch: string }>;
  /** Subscriptions served by this process (both built-in stores count them). */
  readonly openSubscriptions?: number;
  /** Conversations and events retained: where countable cheaply (in memory; not in a shared Redis). */
  readonly conversationCount?: number;
  retainedEventCount?(): number;
}

/** Whether the stores can serve. In memory they always can; Redis can be down. */
export interface StoreStatus {
  readonly available: boolean;
  /** Called on every change of `available`; returns a function that removes the listener. */
  onChange(listener: (available: boolean) => void): () => void;
}

export interface Stores {
  /** A short, fixed name for health and metrics: "redis". */
  name?: string;
  sessions: SessionStore;
  events: EventLog;
  status?: StoreStatus;
  /** What a remote store (Redis) measures of its own commands, for the metrics. */
  metrics?: StoreCommandMetrics;
  /** Releases connections. */
  close?(): Promise<void>;
}

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
