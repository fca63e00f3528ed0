import type { StarKey } from '../keypad/convention';
import type { ParamDeclarations, ParamValues } from '../params/declaration';
import type { SsmlPiece } from '../ssml/build';

/**
 * What a capture primitive tells the objective state machine: the params it
 * takes, how to read a value out of an utterance, how to repair one, what to
 * say, and when a value must be confirmed. The state machine does the rest,
 * identically for every primitive. CONTRIBUTING.md walks through writing one.
 */

export interface Captured {
  /** Canonical form, e.g. a lowercase email address or an E.164 number. */
  value: string;
  /** Structured parts, for values that have parts (address: street, suburb, …). */
  fields: Record<string, string>;
}

/** Data that survives JSON.stringify and JSON.parse unchanged: sessions may be stored as JSON. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
/** A JSON object; an undefined property is simply left out of the JSON. */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/**
 * Parts of a value gathered over several turns (an email asked for in parts,
 * a clarifying question waiting for its answer). Each primitive types its own
 * (a type alias, not an interface, so that it checks as JSON); kept in the
 * session, opaque to the state machine.
 */
export type PartialValue = JsonObject;

/** An interface's fields as a plain object type, which TypeScript checks against JsonObject (an interface it does not). */
export type Plain<T> = { [K in keyof T]: T[K] };

export type Reading<P extends PartialValue = PartialValue> =
  | {
      kind: 'value';
      value: string;
      fields?: Record<string, string>;
      /** The words may have stopped before the caller did ("… two thousand" may go on "and five"): read back whatever the confidence. */
      readBack?: true;
    }
  /** More than one value fits: nothing is guessed; `prompt` asks which. */
  | { kind: 'ambiguous'; reason: string; prompt: string; partial?: P }
  /** Part of the value was heard; `prompt` asks for the rest. Not a failed attempt. */
  | { kind: 'partial'; partial: P; prompt: string }
  /** No acceptable value. `prompt` overrides the primitive's re-elicitation. */
  | { kind: 'none'; reason: string; prompt?: string };

export interface ReadContext<O, P extends PartialValue = PartialValue> {
  options: O;
  /** Failed attempts so far in this objective: later attempts may change strategy. */
  retryCount: number;
  /** Parts kept from earlier turns of this objective, if any. */
  partial: P | undefined;
}

export interface CapturePrompts<O = unknown> {
  /**
   * Asks for the value; `retryCount` > 0 after failed attempts, so the strategy can change.
   * `options` are the primitive's params (e.g. the question a yes/no answers).
   */
  elicit(retryCount: number, options?: O): string;
  /** Reads the value back and asks whether it is right. */
  confirm(captured: Captured, retryCount: number): string;
  /** After a "no" without a correction. */
  repair(retryCount: number, previous: Captured): string;
  /** When the recogniser's confidence was too low to trust the words. */
  lowConfidence(retryCount: number): string;
  /** When the answer to a confirmation was neither yes nor no. */
  unclearConfirmation(captured: Captured): string;
  /** Said when the objective gives up. */
  failed(): string;
  /**
   * The value as the read-back says it ("jane at gmail dot com"), for prompts that offer
   * values ("Was that … or …?"). Without it the canonical value is said.
   */
  speak?(captured: Captured): string;
}

/**
 * How a primitive takes its value keyed on the telephone keypad (param `dtmf`). The state machine
 * applies the convention (keypad/convention.ts) first and handles 1/2 at confirmation itself.
 */
export interface KeypadInput<O, P extends PartialValue = PartialValue> {
  /** What `*` does for this primitive (default: deletes the key before it). */
  star?: StarKey;
  /**
   * The keyed digits as the primitive's reading, validated like a spoken value. `previous` is the
   * value being confirmed or repaired, for keys that change part of it (an address's postcode).
   */
  read(keys: string, context: ReadContext<O, P>, previous?: Captured): Reading<P>;
  /** Offered after a failed spoken attempt ("Or key it in on your keypad, then press hash."); undefined: no offer now. */
  offer(context: ReadContext<O, P>): string | undefined;
}

/** When a captured value is read back before it is accepted. */
export type ConfirmationPolicy =
  /** Critical data (email, phone, address, datetime): always. */
  | { kind: 'always' }
  /** Confirm only when the utterance's confidence is below `threshold`. */
  | { kind: 'below-confidence'; threshold: number }
  /** The answer is itself a confirmation (yes/no). */
  | { kind: 'never' };

/**
 * A capture primitive. `O` is what its params read as (its options), `P` the
 * partial value it keeps between turns, `D` its param declarations. Write a
 * spec `satisfies CaptureSpec<O, P, typeof PARAMS>` with `objectiveType: '…' as const`,
 * so the SDK can derive its typed params from it (src/client/types.ts).
 */
export interface CaptureSpec<O = undefined, P extends PartialValue = PartialValue, D extends ParamDeclarations = ParamDeclarations> {
  objectiveType: string;
  confirmation: ConfirmationPolicy;
  /**
   * Params the primitive accepts beyond transcription, confidence and
   * confirmation: the state machine reads and checks them from these declarations.
   */
  params: D;
  /**
   * Turns the params, already read and checked, into the primitive's options;
   * may throw InvalidParamsError for what a declaration cannot say. `now` is
   * the runtime clock in ms. `given` is the params as the caller sent them, for a check that must
   * tell a param left to its default from one given (a contradiction between two params).
   */
  options(params: ParamValues<D>, now: number, given?: Readonly<Record<string, string>>): O;
  read(utterance: string, context: ReadContext<O, P>): Reading<P>;
  /**
   * Applies a correction to a value the caller did not confirm ("not outlook,
   * optusnet"). Returns undefined when the words do not change the value.
   */
  repair?(previous: Captured, utterance: string, context: ReadContext<O, P>): Reading<P> | undefined;
  /** Whether two readings are the same value (a caller repeating the value means yes). */
  same?(a: string, b: string): boolean;
  prompts: CapturePrompts<O>;
  /**
   * Which declines end the objective (default 'all'): 'refusals' takes only refusals to answer
   * ("I'd rather not say", "skip it"), for a primitive whose answers include "I don't have one"
   * and "I'd rather not" (yes/no). See spoken/turn-cues.ts.
   */
  declines?: 'all' | 'refusals';
  /** Whether and how the value can be keyed in (param `dtmf`); without it keys are read only at confirmation (1 yes, 2 no). */
  keypad?: KeypadInput<O, P>;
  /**
   * The value's read-back in SSML: each piece names the words the plain prompts say for the value
   * and the SSML that says them (ssml/build.ts). Without it the prompt's SSML is its escaped text.
   */
  ssml?(captured: Captured): readonly SsmlPiece[];
  /** The value as it may appear in events and logs. */
  mask(value: string): string;
  /**
   * Progressive fields: the parts of a value heard so far (address street before suburb, name first
   * before last), shown in the response's `fields` while the rest is asked for. Without it `fields`
   * stays empty until a value is read.
   */
  progressive?: ProgressiveFields<P>;
}

/**
 * How a primitive shows the parts it keeps between turns. The fields are derived from the session's
 * partial value each turn (nothing more is stored), so the session schema is unchanged.
 */
export interface ProgressiveFields<P extends PartialValue = PartialValue> {
  /** The parts heard so far, named as the value's fields will be; only parts actually heard. */
  fields(partial: P): Record<string, string>;
  /** One field as it may appear in events (masked as that part is masked in the value). */
  mask(name: string, value: string): string;
}

/** Any capture primitive, whatever its options, partial and params (for registries and lists). */
export type AnyCaptureSpec = CaptureSpec<any, any, any>;
