import { BASE_PARAMS } from '../params/base';
import { readParams } from '../params/read-params';
import { boundedUtterance } from '../spoken/bounds';
import { readPolarity } from '../spoken/polarity';
import { readTurnCue } from '../spoken/turn-cue-reader';
import { DECLINE_ACKNOWLEDGEMENT, HOLD_ACKNOWLEDGEMENT } from '../spoken/turn-cues';
import {
  ObjectivePreconditionError,
  type ObjectiveState,
  type PrimitiveErrorInfo,
  type PrimitiveHandler,
  type PrimitiveOutcome,
  type Transition,
} from '../types';
import { nBestTurn, readAlternatives, type Hypothesis } from './alternatives';
import { readChoice } from './choice';
import { chooseFrame } from './prompt-frames';
import { vote, type Offered } from './vote';
import type { Captured, CaptureSpec, PartialValue, ReadContext, Reading } from './capture-spec';
import type { ParamDeclarations } from '../params/declaration';
import { readAgainFrame } from './prompt-frames';
import { readbackToken } from './readback-token';
import { KEYPAD_CONVENTION, readKeys } from '../keypad/convention';
import { ssmlPrompt, type SsmlPiece } from '../ssml/build';
import { keptParams, paramsForTurn, type KeptParams } from './kept-params';

/**
 * The objective state machine every capture primitive runs on:
 *
 *   PENDING → ELICITING → CAPTURED → CONFIRMING → CONFIRMED → COMPLETED
 *                 ↑                      │
 *                 └──── REPAIRING ←──────┘  (a "no" or a correction)
 *
 * and FAILED once more than `maxRetries` attempts have failed; DECLINED when
 * the caller declines to give the value ("I'd rather not say"). Turn cues
 * steer it without using up an attempt: a hold ("hang on") is acknowledged
 * with the state unchanged, a request to repeat gets the last question or
 * read-back again. It is deterministic: the same session and input always
 * give the same outcome.
 */

/**
 * What the objective keeps between turns: plain JSON data (see the round-trip test). Every field
 * added later is optional, so that a session stored by an earlier version still reads.
 */
export interface ObjectiveSession<P extends PartialValue = PartialValue> extends KeptParams {
  state: Extract<ObjectiveState, 'eliciting' | 'confirming' | 'repairing'>;
  retryCount: number;
  /** The value read back to the caller, while CONFIRMING (and the last one, while REPAIRING). */
  candidate?: Captured;
  partial?: P;
  /** Values read back so far in this objective: the counter in the read-back token. */
  readbacks?: number;
  /** The two values offered by "Was that … or …?" (n-best voting), while their answer is awaited. */
  offered?: [Offered, Offered];
}

export interface StateMachineOptions {
  /** Utterances below this confidence are not trusted (default 0.4). */
  minConfidence: number;
  /** Failed attempts allowed before FAILED (default 3). */
  maxRetries: number;
}

export const DEFAULT_STATE_MACHINE_OPTIONS: StateMachineOptions = { minConfidence: 0.4, maxRetries: 3 };

const BASE_PARAM_NAMES: readonly string[] = Object.keys(BASE_PARAMS);

export interface TurnInput {
  transcription?: string;
  confirmation?: string;
  confidence: number;
  /** The caller barged in during the read-back: a bare yes does not confirm a critical value. */
  prompt_interrupted?: boolean;
  /** The token of the read-back this confirmation answers; absent: the current one. */
  readback_token?: string;
  /** The recogniser's n-best list for the transcription, best first (the transcription first); see vote.ts. */
  hypotheses?: readonly Hypothesis[];
  /** Keys the caller pressed, as pressed (keypad/convention.ts); they win over transcription and confirmation. */
  dtmf?: string;
}

/** Reads the params every capture primitive shares, rejecting bad and unknown ones. */
export function readTurnInput(params: Readonly<Record<string, string>>, accepted: readonly string[], objectiveType: string): TurnInput {
  const { alternatives: list, ...read } = readParams(BASE_PARAMS, params, {
    objectiveType,
    accepted: [...BASE_PARAM_NAMES, ...accepted],
  });
  // Every utterance is read only up to the bound (spoken/bounds.ts): the work of a turn stays bounded.
  const turn = {
    ...read,
    transcription: read.transcription === undefined ? undefined : boundedUtterance(read.transcription),
    confirmation: read.confirmation === undefined ? undefined : boundedUtterance(read.confirmation),
  };
  const alternatives = readAlternatives(list)?.map((h) => ({ ...h, transcript: boundedUtterance(h.transcript) }));
  if (alternatives === undefined) return turn;
  // An n-best list replaces only what it speaks for (transcription, confidence); every other base param passes as read.
  const confidenceGiven = Object.hasOwn(params, 'confidence') && params.confidence.trim() !== '';
  return { ...turn, ...nBestTurn(alternatives, { ...turn, confidence: confidenceGiven ? turn.confidence : undefined }) };
}

/** Reads a primitive's own params from its declarations and turns them into its options. */
export function readOptions<O, D extends ParamDeclarations>(
  spec: Pick<CaptureSpec<O, any, D>, 'objectiveType' | 'params' | 'options'>,
  params: Readonly<Record<string, string>>,
  now: number,
): O {
  const accepted = [...BASE_PARAM_NAMES, ...Object.keys(spec.params)];
  return spec.options(readParams(spec.params, params, { objectiveType: spec.objectiveType, accepted }), now, params);
}

/** Builds the registry handler for a capture primitive. */
export function captureHandler<O, P extends PartialValue, D extends ParamDeclarations>(
  spec: CaptureSpec<O, P, D>,
  options: StateMachineOptions = DEFAULT_STATE_MACHINE_OPTIONS,
): PrimitiveHandler<ObjectiveSession<P>> {
  const own = Object.keys(spec.params);
  return (input, context) => {
    const turn = readTurnInput(input.params, own, spec.objectiveType);
    // Later turns read with the params (and clock) the objective started with, unless they send their own.
    const { params, now } = paramsForTurn(own, input.params, context.session, context.now);
    const primitiveOptions = readOptions(spec, params, now);
    const result = runTurn(spec, primitiveOptions, turn, context.session, options);
    if (result.session === undefined) return result;
    const kept = keptParams(own, params, now);
    const session: ObjectiveSession<P> = { ...result.session, startedAt: kept.startedAt };
    if (Object.keys(kept.params).length > 0) session.params = kept.params;
    return { outcome: result.outcome, session };
  };
}

/** One turn of the objective. Exported for the unit tables. */
export function runTurn<O, P extends PartialValue>(
  spec: CaptureSpec<O, P, any>,
  primitiveOptions: O,
  turn: TurnInput,
  previous: ObjectiveSession<P> | undefined,
  options: StateMachineOptions = DEFAULT_STATE_MACHINE_OPTIONS,
): { outcome: PrimitiveOutcome; session?: ObjectiveSession<P> } {
  return new Turn(spec, primitiveOptions, turn, previous, options).run();
}

class Turn<O, P extends PartialValue> {
  private state: ObjectiveState;
  private retryCount: number;
  private candidate: Captured | undefined;
  private partial: P | undefined;
  private offered: [Offered, Offered] | undefined;
  /** The confidence decisions are made on: the turn's, or the pooled score of the n-best value that won. */
  private confidence: number;
  /**
   * Read back whatever the policy: the value came from a lower n-best hypothesis only, corrects one
   * heard wrong, or its reading says the words may have stopped early (Reading.readBack).
   */
  private readBack = false;
  private readonly transitions: Transition[] = [];
  /** Evaluated only when the turn ends unfinished: most single-shot turns never need their prompts. */
  private prompt: () => string = () => '';
  private masked: { of: Captured; value: string } | undefined;
  private error: PrimitiveErrorInfo | undefined;
  private readbacks: number;
  /** This turn's answer was keyed: no keypad offer after it fails (the caller already used the keypad). */
  private keyedTurn = false;
  /** The partial value the turn started with: progress is reported (an event) only when this turn adds to it. */
  private readonly previousPartial: P | undefined;

  constructor(
    private readonly spec: CaptureSpec<O, P, any>,
    private readonly primitiveOptions: O,
    private readonly turn: TurnInput,
    previous: ObjectiveSession<P> | undefined,
    private readonly options: StateMachineOptions,
  ) {
    this.state = previous?.state ?? 'pending';
    this.retryCount = previous?.retryCount ?? 0;
    this.candidate = previous?.candidate;
    this.partial = previous?.partial;
    this.previousPartial = previous?.partial;
    this.readbacks = previous?.readbacks ?? 0;
    this.offered = previous?.offered;
    this.confidence = turn.confidence;
  }

  run(): { outcome: PrimitiveOutcome; session?: ObjectiveSession<P> } {
    const { transcription, confirmation } = this.turn;
    if (this.state === 'pending') this.move('eliciting', 'objective started');
    // Keys are exact and deliberate: given with words, the keys are the answer and the words are not read.
    if (this.turn.dtmf !== undefined) {
      this.keyed(this.turn.dtmf);
      return this.finish();
    }
    // "Was that … or …?" is answered in whichever param the caller puts the answer in.
    if (confirmation !== undefined && transcription === undefined && this.offered !== undefined && this.state !== 'confirming') {
      this.capture(confirmation);
      return this.finish();
    }

    if (confirmation !== undefined && transcription === undefined && this.state !== 'confirming') {
      throw new ObjectivePreconditionError(
        `params.confirmation was given but no ${this.spec.objectiveType} value is awaiting confirmation ` +
          `(state ${this.state}); send params.transcription first`,
      );
    }

    let steered = false;
    if (transcription !== undefined) {
      const utterance = this.steer(transcription);
      steered = utterance === undefined;
      if (utterance !== undefined) {
        if (this.state === 'confirming') this.move('repairing', 'new value offered');
        this.capture(utterance.text, utterance.held);
      }
    }
    if (confirmation !== undefined && this.state === 'confirming' && !steered) {
      // A token only names a read-back made before this call: with a transcription, the value is this call's own.
      if (transcription === undefined && !this.tokenMatches()) {
        this.readAgain('params.readback_token does not match the value being confirmed (another turn changed it); it is read back again');
      } else {
        const answer = this.steer(confirmation);
        if (answer !== undefined) this.confirm(answer.text, answer.held);
      }
    }
    if (transcription === undefined && confirmation === undefined) {
      this.prompt = () => this.currentPrompt();
    }
    return this.finish();
  }

  private context(): ReadContext<O, P> {
    return { options: this.primitiveOptions, retryCount: this.retryCount, partial: this.partial };
  }

  /** Reads an utterance meant to give the value: every n-best hypothesis votes (vote.ts). */
  private capture(utterance: string, held = false): void {
    const offered = this.offered;
    this.offered = undefined;
    const choice = offered === undefined ? undefined : readChoice(utterance, [offered[0].said, offered[1].said]);
    if (offered !== undefined && choice?.kind === 'pick' && this.turn.confidence >= this.options.minConfidence) {
      this.accept({ kind: 'value', ...offered[choice.index].captured });
      return;
    }
    const context = this.context();
    const candidate = this.state === 'repairing' ? this.candidate : undefined;
    const read = (words: string): Reading<P> =>
      (candidate !== undefined ? this.spec.repair?.(candidate, words, context) : undefined) ?? this.spec.read(words, context);
    const hypotheses = this.turn.hypotheses ?? [{ transcript: utterance, confidence: this.turn.confidence }];
    const result = vote(hypotheses, read, this.spec.same ?? ((a, b) => a === b), this.options.minConfidence);
    if (offered !== undefined && result.kind === 'reading') {
      // Neither a position nor a value: "neither" asks afresh; words that gave nothing offer the
      // two again; a part or a question of their own (new words) is acted on below.
      if (choice?.kind === 'neither') {
        this.fail('NOT_CONFIRMED', 'the caller said neither value offered is right', () =>
          this.spec.prompts.repair(this.retryCount, offered[0].captured),
        );
        return;
      }
      if (result.reading.kind === 'none') {
        this.offer(offered, 'the answer picked neither value offered');
        return;
      }
    }
    switch (result.kind) {
      case 'low-confidence': {
        const heard = hypotheses.length > 1 ? `every hypothesis's confidence (best ${result.best})` : `confidence ${result.best}`;
        this.fail('LOW_CONFIDENCE', `${heard} is below ${this.options.minConfidence}`, () =>
          this.spec.prompts.lowConfidence(this.retryCount),
        );
        return;
      }
      case 'choose':
        this.offer(result.offered, result.reason);
        return;
      case 'value':
        this.confidence = result.confidence;
        this.readBack = result.fromLower || result.readBack;
        this.accept({ kind: 'value', ...result.captured });
        return;
      case 'reading':
        // "Hang on, it's in my bag somewhere": the caller asked to wait, and gave nothing yet.
        if (held && result.reading.kind === 'none') {
          this.hold();
          return;
        }
        this.accept(result.reading);
        return;
    }
  }

  /** Two values too close to choose between: "Was that … or …?", and the two are kept for the answer. */
  private offer(offered: [Offered, Offered], reason: string): void {
    const speak = (o: Offered): string => this.spec.prompts.speak?.(o.captured) ?? o.captured.value;
    this.fail('AMBIGUOUS', reason, () => chooseFrame(speak(offered[0]), speak(offered[1])));
    if (this.state !== 'failed') this.offered = offered;
  }

  /** Acts on what was read from an utterance meant to give the value. */
  private accept(reading: Reading<P>): void {
    switch (reading.kind) {
      case 'value': {
        if (reading.readBack === true) this.readBack = true;
        this.partial = undefined;
        this.candidate = { value: reading.value, fields: reading.fields ?? {} };
        this.move('captured', 'value read');
        if (this.needsConfirmation()) {
          this.move('confirming', 'read back');
          this.readbacks++;
          const candidate = this.candidate;
          const retryCount = this.retryCount;
          this.prompt = () => this.spec.prompts.confirm(candidate, retryCount);
        } else {
          this.move('confirmed', 'confident');
          this.move('completed', 'done');
        }
        return;
      }
      case 'partial':
        this.partial = reading.partial;
        this.prompt = () => reading.prompt;
        return;
      case 'ambiguous':
        this.fail('AMBIGUOUS', reading.reason, () => reading.prompt);
        if (this.state !== 'failed') this.partial = reading.partial;
        return;
      case 'none':
        this.fail('NO_VALUE', reading.reason, () => reading.prompt ?? this.retryPrompt());
        return;
    }
  }

  private needsConfirmation(): boolean {
    const policy = this.spec.confirmation;
    if (policy.kind === 'always' || this.readBack) return true;
    if (policy.kind === 'never') return false;
    return this.confidence < policy.threshold;
  }

  /** Acts on the caller's answer to "is that right?". */
  private confirm(answer: string, held = false): void {
    const candidate = this.candidate;
    if (candidate === undefined) return;
    if (this.turn.confidence < this.options.minConfidence) {
      this.fail('LOW_CONFIDENCE', `confidence ${this.turn.confidence} is below ${this.options.minConfidence}`, () =>
        this.spec.prompts.unclearConfirmation(candidate),
      );
      return;
    }
    const { polarity, remainder } = readPolarity(answer);
    const isSame = (v: string): boolean => (this.spec.same ?? ((a, b) => a === b))(v, candidate.value);
    // After a "no" (or no yes/no at all), the words are first read against the value being
    // confirmed: "not Lee, Leigh" or "no, the 15th" change part of it. Only then are they
    // read as a value of their own.
    // A yes with more words ("yeah, with a y"), or an unclear answer ("k not c", "yes but with a p h"),
    // may still change part of the value: read against it too. A changed value is read back again.
    const repairs = polarity !== 'affirm' || remainder.length > 0;
    const repaired = repairs ? this.spec.repair?.(candidate, answer, this.context()) : undefined;
    const offered =
      repaired !== undefined && repaired.kind !== 'none'
        ? repaired
        : remainder.length > 0
          ? this.spec.read(remainder, this.context())
          : undefined;
    const offeredValue = offered?.kind === 'value' ? offered.value : undefined;

    if (polarity === 'affirm' && (offeredValue === undefined || isSame(offeredValue))) {
      if (offeredValue === undefined && this.bargedIn()) {
        this.readAgain('a bare yes that interrupted the read-back does not confirm this value; it is read back again');
        return;
      }
      this.move('confirmed', 'caller confirmed');
      this.move('completed', 'done');
      return;
    }
    if (polarity === 'none' && offeredValue !== undefined && isSame(offeredValue)) {
      this.move('confirmed', 'caller repeated the value');
      this.move('completed', 'done');
      return;
    }
    if (offered !== undefined && offered.kind !== 'none' && offered.kind !== 'partial') {
      // The value was heard wrong once: its spoken correction ("no, sixteen" after sixty, "no, it's
      // Danielle") is read back whatever its confidence, since a sound-alike may be misheard again.
      // (A keyed correction is exact and follows the primitive's policy: keyedConfirmation.)
      this.readBack = true;
      this.correct(offered);
      return;
    }
    if (polarity === 'deny') {
      this.move('repairing', 'caller said no');
      this.fail('NOT_CONFIRMED', 'the caller said the value is wrong', () => this.spec.prompts.repair(this.retryCount, candidate));
      return;
    }
    if (held) {
      this.hold();
      return;
    }
    this.fail('NOT_CONFIRMED', 'the answer was neither yes nor no', () => this.spec.prompts.unclearConfirmation(candidate));
  }

  /** A correction replaces the value: it counts as an attempt and is read back again. */
  private correct(reading: Reading<P>): void {
    this.move('repairing', 'caller corrected the value');
    if (reading.kind === 'value') {
      // A failed reading counts itself in accept(); a usable correction is counted here.
      this.retryCount++;
      if (this.retryCount > this.options.maxRetries) {
        this.giveUp();
        return;
      }
    }
    this.accept(reading);
  }

  private fail(code: PrimitiveErrorInfo['code'], message: string, prompt: () => string): void {
    this.retryCount++;
    if (this.retryCount > this.options.maxRetries) {
      this.giveUp();
      return;
    }
    this.error = { code, message };
    const asked = prompt();
    const offer = code === 'NO_VALUE' || code === 'LOW_CONFIDENCE' ? this.keypadOffer() : undefined;
    const text = offer === undefined ? asked : `${asked} ${offer}`;
    this.prompt = () => text;
  }

  /** After a spoken answer that gave no value, a keypad-capable primitive offers the keypad. */
  private keypadOffer(): string | undefined {
    if (this.keyedTurn || this.state === 'confirming') return undefined;
    return this.spec.keypad?.offer(this.context());
  }

  // Keypad input (param dtmf): the convention in keypad/convention.ts, the keys read by the primitive's keypad.ts.

  private keyed(raw: string): void {
    this.keyedTurn = true;
    if (this.state === 'confirming') {
      this.keyedConfirmation(raw);
      return;
    }
    this.offered = undefined;
    const keypad = this.spec.keypad;
    if (keypad === undefined) {
      this.fail('NO_VALUE', `${this.spec.objectiveType} cannot be keyed in; keys are read only at confirmation (1 yes, 2 no)`, () =>
        this.retryPrompt(),
      );
      return;
    }
    const keys = readKeys(raw, keypad.star);
    if (keys === '') {
      this.fail('NO_VALUE', 'no keys before #', () => this.retryPrompt());
      return;
    }
    // Keyed is exact: the value is read back only where the primitive always reads back.
    this.confidence = 1;
    const previous = this.state === 'repairing' ? this.candidate : undefined;
    this.accept(keypad.read(keys, this.context(), previous));
  }

  /** 1 confirms (a read-back token must match, as for a spoken yes), 2 denies, a keyed value corrects. */
  private keyedConfirmation(raw: string): void {
    const candidate = this.candidate;
    if (candidate === undefined) return;
    if (!this.tokenMatches()) {
      this.readAgain('params.readback_token does not match the value being confirmed (another turn changed it); it is read back again');
      return;
    }
    const keys = readKeys(raw);
    if (keys === KEYPAD_CONVENTION.yes) {
      if (this.bargedIn()) {
        this.readAgain('a 1 keyed during the read-back does not confirm this value; it is read back again');
        return;
      }
      this.move('confirmed', 'caller confirmed on the keypad');
      this.move('completed', 'done');
      return;
    }
    if (keys === KEYPAD_CONVENTION.no) {
      this.move('repairing', 'caller keyed no');
      this.fail('NOT_CONFIRMED', 'the caller keyed 2: the value is wrong', () => this.spec.prompts.repair(this.retryCount, candidate));
      return;
    }
    const keypad = this.spec.keypad;
    const correction =
      keypad === undefined || keys.length < 2 ? undefined : keypad.read(readKeys(raw, keypad.star), this.context(), candidate);
    if (correction !== undefined && correction.kind !== 'none' && correction.kind !== 'partial') {
      this.confidence = 1;
      this.correct(correction);
      return;
    }
    this.fail('NOT_CONFIRMED', 'the keys were neither 1 (yes) nor 2 (no)', () => this.spec.prompts.unclearConfirmation(candidate));
  }

  private giveUp(): void {
    this.retryCount = this.options.maxRetries;
    this.move('failed', 'too many attempts');
    this.error = { code: 'MAX_RETRIES_EXCEEDED', message: `no confirmed value after ${this.options.maxRetries} retries` };
    this.prompt = () => this.spec.prompts.failed();
    this.candidate = undefined;
  }

  // Turn control: declines, holds, requests to repeat, barge-in and the read-back token.
  // None of them uses up an attempt.

  /**
   * Reads a turn cue in an utterance: a decline, a hold or a request to repeat is acted on here
   * (undefined returned); otherwise the words to read as the answer, after a hold that started them.
   */
  private steer(text: string): { text: string; held: boolean } | undefined {
    // Words heard with too little confidence steer nothing: they fail as LOW_CONFIDENCE like any answer.
    if (this.turn.confidence < this.options.minConfidence) return { text, held: false };
    const cue = readTurnCue(text, { refusalsOnly: this.spec.declines === 'refusals' });
    switch (cue?.kind) {
      case undefined:
        return { text, held: false };
      case 'decline':
        this.decline();
        return undefined;
      case 'repeat': {
        const prompt = this.repeatPrompt(text);
        this.prompt = () => prompt;
        return undefined;
      }
      case 'hold':
        if (cue.rest !== '') return { text: cue.rest, held: true };
        this.hold();
        return undefined;
    }
  }

  /**
   * The last question again: the read-back while confirming; while eliciting, the primitive's own
   * answer to the request when it has one (the part it awaits: "the postcode for Fitzroy").
   */
  private repeatPrompt(text: string): string {
    if (this.state !== 'confirming') {
      const reading = this.spec.read(text, this.context());
      if (reading.kind === 'none' && reading.prompt !== undefined) return reading.prompt;
    }
    return this.currentPrompt();
  }

  /** The caller declined to give the value: the objective ends, with no attempt used. */
  private decline(): void {
    this.candidate = undefined;
    this.partial = undefined;
    this.move('declined', 'caller declined');
    this.error = { code: 'DECLINED', message: `the caller declined to give the ${this.spec.objectiveType} value` };
    this.prompt = () => DECLINE_ACKNOWLEDGEMENT;
  }

  /** The caller asked to wait: acknowledged, with the state, the partial value and the candidate kept. */
  private hold(): void {
    this.prompt = () => HOLD_ACKNOWLEDGEMENT;
  }

  /** Whether the caller barged in on the read-back of a value that is always confirmed. */
  private bargedIn(): boolean {
    return this.turn.prompt_interrupted === true && this.spec.confirmation.kind === 'always';
  }

  /** The confirmation answered no read-back the caller heard in full: the current value is read back again. */
  private readAgain(message: string): void {
    const candidate = this.candidate;
    if (candidate === undefined) return;
    this.error = { code: 'NOT_CONFIRMED', message };
    const retryCount = this.retryCount;
    this.prompt = () => readAgainFrame(this.spec.prompts.confirm(candidate, retryCount));
  }

  private currentToken(): string | undefined {
    return this.state === 'confirming' && this.candidate !== undefined ? readbackToken(this.readbacks, this.candidate.value) : undefined;
  }

  private tokenMatches(): boolean {
    const sent = this.turn.readback_token;
    return sent === undefined || sent === this.currentToken();
  }

  private retryPrompt(): string {
    if (this.state === 'repairing' && this.candidate !== undefined) return this.spec.prompts.repair(this.retryCount, this.candidate);
    return this.spec.prompts.elicit(this.retryCount, this.primitiveOptions);
  }

  private currentPrompt(): string {
    if (this.state === 'confirming' && this.candidate !== undefined) return this.spec.prompts.confirm(this.candidate, this.retryCount);
    return this.retryPrompt();
  }

  private move(to: ObjectiveState, reason: string): void {
    const data: Record<string, string> = { reason, retry_count: String(this.retryCount) };
    if (to === 'captured' || to === 'confirmed' || to === 'completed') {
      if (this.candidate !== undefined) {
        data.value_masked = this.maskedCandidate(this.candidate);
        const fields = this.maskedFields(this.candidate.fields);
        if (fields !== undefined) data.fields_masked = fields;
      }
    }
    this.transitions.push({ from: this.state, to, data });
    this.state = to;
  }

  /** How the values a prompt may say (the one read back, the two offered) are said in SSML. */
  private ssmlPieces(): SsmlPiece[] {
    const ssml = this.spec.ssml;
    if (ssml === undefined) return [];
    const values = [this.candidate, ...(this.offered ?? []).map((o) => o.captured)];
    return values.flatMap((v) => (v === undefined ? [] : ssml.call(this.spec, v)));
  }

  /** Fields as events carry them, for a primitive with progressive fields: JSON of each field masked. */
  private maskedFields(fields: Readonly<Record<string, string>>): string | undefined {
    const progressive = this.spec.progressive;
    if (progressive === undefined) return undefined;
    const masked: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields)) masked[name] = progressive.mask(name, value);
    return JSON.stringify(masked);
  }

  /** The parts heard so far while the rest is asked for (progressive fields); empty otherwise. */
  private partialFields(partial: P | undefined): Record<string, string> {
    const progressive = this.spec.progressive;
    if (progressive === undefined || partial === undefined) return {};
    return progressive.fields(partial);
  }

  /**
   * While eliciting or repairing, `fields` holds the parts heard so far; a turn that changed them
   * says so in an event (a transition to the same state) carrying them masked.
   */
  private progress(): Record<string, string> {
    if (this.state !== 'eliciting' && this.state !== 'repairing') return {};
    const fields = this.partialFields(this.partial);
    if (Object.keys(fields).length === 0) return fields;
    if (this.partial !== this.previousPartial) {
      const before = JSON.stringify(this.partialFields(this.previousPartial));
      if (JSON.stringify(fields) !== before) {
        this.transitions.push({
          from: this.state,
          to: this.state,
          data: {
            reason: 'part of the value heard',
            retry_count: String(this.retryCount),
            fields_masked: this.maskedFields(fields) ?? '{}',
          },
        });
      }
    }
    return fields;
  }

  private maskedCandidate(candidate: Captured): string {
    if (this.masked?.of !== candidate) this.masked = { of: candidate, value: this.spec.mask(candidate.value) };
    return this.masked.value;
  }

  private finish(): { outcome: PrimitiveOutcome; session?: ObjectiveSession<P> } {
    const done = this.state === 'completed' || this.state === 'failed' || this.state === 'declined';
    const showsValue = this.state === 'completed' || this.state === 'confirming';
    // Progressive fields never make a value: success and value wait for the whole of it.
    const fields = showsValue && this.candidate ? this.candidate.fields : this.progress();
    const outcome: PrimitiveOutcome = {
      success: this.state === 'completed',
      state: this.state,
      value: showsValue && this.candidate ? this.candidate.value : '',
      fields,
      prompt: this.state === 'completed' ? '' : this.prompt(),
      error: this.error,
      retryCount: this.retryCount,
      confidence: this.confidence,
      transitions: this.transitions,
    };
    const token = this.currentToken();
    if (token !== undefined) outcome.readbackToken = token;
    if (outcome.prompt !== '') outcome.promptSsml = ssmlPrompt(outcome.prompt, this.ssmlPieces());
    if (done) return { outcome };
    return {
      outcome,
      session: {
        state: this.state as ObjectiveSession<P>['state'],
        retryCount: this.retryCount,
        candidate: this.candidate,
        partial: this.partial,
        readbacks: this.readbacks > 0 ? this.readbacks : undefined,
        offered: this.offered,
      },
    };
  }
}
