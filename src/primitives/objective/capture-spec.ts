/**
 * What a capture primitive tells the objective state machine: how to read a
 * value out of an utterance, how to repair one, what to say, and when a value
 * must be confirmed. The state machine does the rest, identically for every
 * primitive.
 */

export interface Captured {
  /** Canonical form, e.g. a lowercase email address or an E.164 number. */
  value: string;
  /** Structured parts, for values that have parts (address: street, suburb, …). */
  fields: Record<string, string>;
}

/**
 * Parts of a value gathered over several turns (an email asked for in parts,
 * a clarifying question waiting for its answer). Kept in the session, opaque
 * to the state machine.
 */
export type PartialValue = Readonly<Record<string, string>>;

export type Reading =
  | { kind: 'value'; value: string; fields?: Record<string, string> }
  /** More than one value fits: nothing is guessed; `prompt` asks which. */
  | { kind: 'ambiguous'; reason: string; prompt: string; partial?: PartialValue }
  /** Part of the value was heard; `prompt` asks for the rest. Not a failed attempt. */
  | { kind: 'partial'; partial: PartialValue; prompt: string }
  /** No acceptable value. `prompt` overrides the primitive's re-elicitation. */
  | { kind: 'none'; reason: string; prompt?: string };

export interface ReadContext<O> {
  options: O;
  /** Failed attempts so far in this objective: later attempts may change strategy. */
  retryCount: number;
  /** Parts kept from earlier turns of this objective, if any. */
  partial: PartialValue | undefined;
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
}

/** When a captured value is read back before it is accepted. */
export type ConfirmationPolicy =
  /** Critical data (email, phone, address, datetime): always. */
  | { kind: 'always' }
  /** Confirm only when the utterance's confidence is below `threshold`. */
  | { kind: 'below-confidence'; threshold: number }
  /** The answer is itself a confirmation (yes/no). */
  | { kind: 'never' };

export interface CaptureSpec<O = undefined> {
  objectiveType: string;
  confirmation: ConfirmationPolicy;
  /** Params the primitive accepts beyond transcription, confidence and confirmation. */
  extraParams: readonly string[];
  /**
   * Reads primitive-specific params; throws InvalidParamsError naming the
   * field. `now` is the runtime clock in ms.
   */
  options(params: Readonly<Record<string, string>>, now: number): O;
  read(utterance: string, context: ReadContext<O>): Reading;
  /**
   * Applies a correction to a value the caller did not confirm ("not outlook,
   * optusnet"). Returns undefined when the words do not change the value.
   */
  repair?(previous: Captured, utterance: string, context: ReadContext<O>): Reading | undefined;
  /** Whether two readings are the same value (a caller repeating the value means yes). */
  same?(a: string, b: string): boolean;
  prompts: CapturePrompts<O>;
  /** The value as it may appear in events and logs. */
  mask(value: string): string;
}
