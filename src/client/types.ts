import type { BUILT_IN_CAPTURES } from '../primitives/defaults';
import type { BASE_PARAMS } from '../primitives/params/base';
import type { ParamDeclarations } from '../primitives/params/declaration';
import type { ObjectiveState, PrimitiveErrorCode } from '../primitives/types';

/**
 * The SDK's typed params, derived from the primitives' own param declarations
 * (src/primitives/params): a primitive added to BUILT_IN_CAPTURES gets typed
 * params here, and its type is known to `executePrimitive`, with no edit in
 * the SDK. Keys are camelCase here (the wire carries snake_case strings);
 * booleans and numbers are typed, enums are unions, ISO times take a Date too.
 */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

type SdkValue<D> = D extends { readonly type: 'boolean' }
  ? boolean
  : D extends { readonly type: 'number' }
    ? number
    : D extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
      ? V
      : D extends { readonly type: 'iso-time' }
        ? string | Date
        : string;

/** Declared params as SDK params: every one optional (absent means its default). */
export type SdkParams<D extends ParamDeclarations> = { [K in keyof D & string as CamelCase<K>]?: SdkValue<D[K]> };

/** One hypothesis of the recogniser's n-best list: its words and its confidence, 0..1. */
export interface Alternative {
  transcript: string;
  confidence: number;
}

/** A key of the telephone keypad. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';

/**
 * Params every capture primitive takes: transcription, confirmation, `confidence` as a number
 * (0..1, default 1), `alternatives`, the recogniser's n-best list for this turn, best first
 * (at most 10): an array the SDK sends as JSON, or a string already holding that JSON (sent as is),
 * and `dtmf`, the keys the caller pressed: a string ("0412345678#") or an array of keys, sent joined.
 */
export type CaptureParams = Omit<SdkParams<typeof BASE_PARAMS>, 'alternatives' | 'dtmf'> & {
  alternatives?: readonly Alternative[] | string;
  dtmf?: string | readonly KeypadKey[];
};

type BuiltInCapture = (typeof BUILT_IN_CAPTURES)[number];

type DerivedParamTypes = { [S in BuiltInCapture as S['objectiveType']]: CaptureParams & SdkParams<S['params']> };

/**
 * The params of each built-in objective type. `executePrimitive` checks a
 * known type's params against this at compile time (camelCase here; the wire
 * carries snake_case strings); other (custom) types take a string map, sent as is.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface keeps the public name and its hover
export interface PrimitiveParamTypes extends DerivedParamTypes {}

/** Params of the date and time primitives: referenceTime, timezone, tense. */
export type WhenParams = PrimitiveParamTypes['capture_date_au'];
/** Params of capture_yes_no: question. */
export type YesNoParams = PrimitiveParamTypes['capture_yes_no'];
/** Params of capture_address_au: allowPoBox. */
export type AddressParams = PrimitiveParamTypes['capture_address_au'];
/** Params of capture_name_au: requireLastName. */
export type NameParams = PrimitiveParamTypes['capture_name_au'];

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
  /** The same prompt in SSML (`<speak>…</speak>`, values in <say-as>); empty when `prompt` is. */
  promptSsml: string;
  /**
   * While confirming: identifies the value read back. The client sends it with the next
   * `confirmation` of this objective by itself (option `readbackTokens`), so that "yes" cannot
   * confirm a value another turn put there since.
   */
  readbackToken?: string;
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
  /** Names this event within its conversation (opaque; '' for events stored before it existed). */
  eventId: string;
}

export interface StreamOptions {
  /** Deliver events after this sequence (default 0: everything retained). */
  fromSequence?: number;
  /** The epoch of `fromSequence`, when resuming from an earlier stream. */
  epoch?: string;
  /** The eventId of the event at `fromSequence`, when resuming: checked, so that events that do not follow it are refused. */
  lastEventId?: string;
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
