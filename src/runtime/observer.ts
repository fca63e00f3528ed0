import type { ObjectiveState, PrimitiveErrorCode, Transition } from '../primitives/types';

/**
 * What the runtime tells observers (metrics, tracing) about its work. The
 * runtime calls these hooks synchronously after the fact, so an observer never
 * changes a result, and with none attached the runtime does no extra work.
 *
 * Privacy: a run carries no value, transcription or param; conversationId is
 * there for correlation inside an observer only and must never become a
 * metric label or a span attribute.
 */
export interface PrimitiveRun {
  objectiveType: string;
  conversationId: string;
  /** Our trace id for the call (see the README's trace-id rules). */
  traceId: string;
  stateBefore: ObjectiveState | string;
  stateAfter: ObjectiveState | string;
  success: boolean;
  errorCode: PrimitiveErrorCode | undefined;
  retryCount: number;
  confidence: number;
  /** When the run started, in ms since the epoch (high resolution), and how long it took. */
  startedAtMs: number;
  durationMs: number;
  /** The state transitions of this turn, in order (their data may hold masked values: observers read from/to only). */
  transitions: readonly Transition[];
  /** What the caller of execute passed as ExecuteOptions.scope (the server's tracing: the call's trace context). */
  scope?: unknown;
}

export interface RuntimeObserver {
  /** One turn of a primitive ran (including a timed-out or failed one). */
  primitiveRun?(run: PrimitiveRun): void;
  /**
   * A session or event store operation failed. Stores call this (through
   * VoiceCore.observer) so that store errors are counted whichever store is in use.
   */
  storeError?(store: string, operation: string): void;
}

/** Several observers as one; undefined when there is none, so callers can skip the call altogether. */
export function combineObservers(observers: readonly RuntimeObserver[]): RuntimeObserver | undefined {
  if (observers.length === 0) return undefined;
  if (observers.length === 1) return observers[0];
  return {
    primitiveRun(run) {
      for (const o of observers) o.primitiveRun?.(run);
    },
    storeError(store, operation) {
      for (const o of observers) o.storeError?.(store, operation);
    },
  };
}
