import type { Event } from '../../generated/voice_core/voice_core';
import type { Transition } from '../primitives/types';

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
}

export type NewEvent = Omit<Event, 'sequence' | 'epoch' | 'timestamp' | 'conversationId'>;

export interface Subscription {
  /** The epoch of the conversation's log, known before any event arrives. */
  epoch: string;
  events: AsyncGenerator<Event>;
}

export interface SessionStore {
  load(conversationId: string, objectiveType: string): MaybePromise<VersionedSession | undefined>;
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
  ): MaybePromise<void>;
  /** Sessions held, where the store can count them cheaply (in memory); absent for Redis. */
  readonly size?: number;
}

export interface EventLog {
  /** Appends one event (a timeout or a primitive failure) outside a turn's commit; returns it when at hand. */
  append(conversationId: string, event: NewEvent): MaybePromise<Event | void>;
  /**
   * Retained events after `fromSequence`, then live ones until `signal`
   * aborts. FAILED_PRECONDITION when `epoch` names another incarnation of the
   * log, OUT_OF_RANGE when `fromSequence` is past its end or events the
   * subscriber needs are no longer retained.
   */
  subscribe(conversationId: string, fromSequence: number, epoch: string, signal: AbortSignal): MaybePromise<Subscription>;
  /** Last sequence and epoch of a conversation's log (0 and '' when there is none). */
  position(conversationId: string): MaybePromise<{ last: number; epoch: string }>;
  /** Subscriptions served by this process, conversations and events retained: where countable cheaply (in memory). */
  readonly openSubscriptions?: number;
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
  /** Releases connections. */
  close?(): Promise<void>;
}

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
