/**
 * Domain types shared by the objective state machine, the primitives and the
 * registry. Nothing here knows about gRPC: the server and the embedded SDK
 * both run this code.
 */

export type ObjectiveState =
  | 'pending'
  | 'eliciting'
  | 'captured'
  | 'confirming'
  | 'confirmed'
  | 'completed'
  | 'repairing'
  | 'failed'
  /** Terminal: the caller declined to give the value (error code DECLINED). */
  | 'declined';

/** Why a turn did not produce a confirmed value. Mirrors the proto ErrorCode. */
export type PrimitiveErrorCode =
  | 'TIMEOUT'
  | 'MAX_RETRIES_EXCEEDED'
  | 'INTERNAL'
  | 'CANCELLED'
  | 'LOW_CONFIDENCE'
  | 'NO_VALUE'
  | 'AMBIGUOUS'
  | 'NOT_CONFIRMED'
  | 'DECLINED';

export interface PrimitiveErrorInfo {
  code: PrimitiveErrorCode;
  message: string;
}

export interface Transition {
  from: ObjectiveState;
  to: ObjectiveState;
  /** Details for the event log. Never a captured value in clear. */
  data?: Record<string, string>;
}

/** What one turn of a primitive produced. */
export interface PrimitiveOutcome {
  success: boolean;
  state: ObjectiveState;
  value: string;
  fields: Record<string, string>;
  prompt: string;
  /** The same prompt as SSML for text-to-speech (empty or absent when there is none). */
  promptSsml?: string;
  /** Identifies the value being read back while confirming (see the proto's readback_token). */
  readbackToken?: string;
  error?: PrimitiveErrorInfo;
  retryCount: number;
  confidence: number;
  /** State transitions made during this turn, in order; each becomes an event. */
  transitions: Transition[];
}

/** One call of a primitive, as the runtime hands it over. */
export interface PrimitiveInput {
  objectiveType: string;
  conversationId: string;
  traceId: string;
  purpose: string;
  params: Readonly<Record<string, string>>;
}

/**
 * Per-call context. `signal` aborts when the call's time budget runs out or
 * the caller goes away; long-running primitives must honour it.
 * `session` is the objective's state saved by the previous turn of the same
 * conversation and objective type (undefined on the first turn); a handler
 * returns the session to keep (or undefined to end it) in its result.
 */
export interface PrimitiveContext<S = unknown> {
  signal: AbortSignal;
  session: S | undefined;
  /** Milliseconds since the epoch, from the runtime's clock (injectable in tests). */
  now: number;
}

export interface PrimitiveResult<S = unknown> {
  outcome: PrimitiveOutcome;
  /** State to keep for the next turn; undefined ends the objective's session. */
  session?: S;
}

/**
 * A primitive handler: the unit the registry maps an objective_type to.
 * Built-in capture primitives are made by `captureHandler`; custom ones may be
 * any async function honouring this contract.
 */
export type PrimitiveHandler<S = unknown> = (
  input: PrimitiveInput,
  context: PrimitiveContext<S>,
) => PrimitiveResult<S> | Promise<PrimitiveResult<S>>;

/**
 * A caller error found while reading params: the runtime reports it as
 * INVALID_ARGUMENT (gRPC) with the message, which names the field.
 */
export class InvalidParamsError extends Error {
  override readonly name = 'InvalidParamsError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The caller asked to continue an objective that is not in a state to take
 * this input (e.g. a confirmation when no value awaits confirmation): reported
 * as FAILED_PRECONDITION.
 */
export class ObjectivePreconditionError extends Error {
  override readonly name = 'ObjectivePreconditionError';
}
