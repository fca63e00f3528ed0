import type { ObjectiveState, PrimitiveErrorCode } from '../primitives/types';

/** Params every capture primitive takes. `confidence` is a number here; the wire carries strings. */
export interface CaptureParams {
  /** What the caller said when asked for the value. */
  transcription?: string;
  /** What the caller said when the value was read back. */
  confirmation?: string;
  /** The recogniser's confidence for this turn's utterance, 0..1 (default 1). */
  confidence?: number;
}

/** Params of the date and time primitives. */
export interface WhenParams extends CaptureParams {
  /** What "today", "tomorrow" and "Friday" are relative to; an ISO 8601 string with an offset, or a Date. Default: now. */
  referenceTime?: string | Date;
  /** The caller's IANA time zone (default Australia/Sydney): relative dates resolve in it, never in the server's. */
  timezone?: string;
  /** Whether an underspecified date is in the future (a booking), the past (a date of birth) or either. */
  tense?: 'future' | 'past' | 'any';
}

/** Params of capture_yes_no. */
export interface YesNoParams extends CaptureParams {
  /** The question the caller is answering; it decides answers such as "not at all" or "I do". */
  question?: string;
}

/** Params of capture_address_au. */
export interface AddressParams extends CaptureParams {
  /** Whether a PO Box, GPO Box, Locked Bag or Private Bag may stand in for a street (default true). */
  allowPoBox?: boolean;
}

/** Params of capture_name_au. */
export interface NameParams extends CaptureParams {
  /** Whether the last name is required (default true); false accepts a first name alone. */
  requireLastName?: boolean;
}

/**
 * The params of each built-in objective type. `executePrimitive` checks a
 * known type's params against this at compile time (camelCase here; the wire
 * carries snake_case strings); other (custom) types take a string map, sent as is.
 */
export interface PrimitiveParamTypes {
  capture_email_au: CaptureParams;
  capture_phone_au: CaptureParams;
  capture_address_au: AddressParams;
  capture_name_au: NameParams;
  capture_date_au: WhenParams;
  capture_time_au: WhenParams;
  capture_datetime_au: WhenParams;
  capture_yes_no: YesNoParams;
  capture_number: CaptureParams;
}

export type KnownObjectiveType = keyof PrimitiveParamTypes;

export interface ExecuteOptions {
  /** The conversation the objective belongs to; turn-by-turn state is kept per conversation. */
  conversationId: string;
  /** Trace id for this call; generated when absent. */
  traceId?: string;
  /** Free text for the server's logs. */
  purpose?: string;
  /** The primitive's time budget (default 30 s). The call's deadline is this plus a small margin. */
  timeoutSeconds?: number;
  /** Cancels the call. */
  signal?: AbortSignal;
}

export interface VoiceCoreResult {
  /** True when the objective produced its confirmed value (state "completed"). */
  success: boolean;
  /** The value in canonical form; set when completed, and while confirming (the value read back). */
  value: string;
  fields: Record<string, string>;
  state: ObjectiveState;
  /** What the agent should say next, when the objective is not finished. */
  prompt: string;
  /** Why the turn did not succeed: TIMEOUT, LOW_CONFIDENCE, AMBIGUOUS, NOT_CONFIRMED, … */
  error?: { code: PrimitiveErrorCode | 'UNSPECIFIED'; message: string };
  metadata: { durationMs: number; retryCount: number; confidence: number; state: ObjectiveState };
  traceId: string;
  conversationId: string;
  objectiveType: string;
}

export interface VoiceCoreEvent {
  /** "state_transition", "primitive_timeout" or "primitive_error". */
  eventType: string;
  conversationId: string;
  traceId: string;
  objectiveType: string;
  /** 1, 2, 3, … within the conversation's log. */
  sequence: number;
  timestamp: Date;
  fromState: string;
  toState: string;
  data: Record<string, string>;
  /** The incarnation of the conversation's log; sequences compare only within one epoch. */
  epoch: string;
}

export interface StreamOptions {
  /** Deliver events after this sequence (default 0: everything retained). */
  fromSequence?: number;
  /** The epoch of `fromSequence`, when resuming from an earlier stream. */
  epoch?: string;
  /** Ends the stream (iteration then simply finishes). */
  signal?: AbortSignal;
  /** Trace id sent with the subscription. */
  traceId?: string;
}

export interface HealthStatus {
  serving: boolean;
  version: string;
  uptimeSeconds: number;
  /** The store in use ("memory", "redis") and whether it answers; undefined from a server too old to say. */
  store?: { name: string; reachable: boolean };
  /** The registered primitives with their versions (empty from a server too old to say). */
  primitives: Array<{ objectiveType: string; version: string }>;
  openSessions: number;
  openStreams: number;
}
