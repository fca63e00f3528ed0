import type { CaptureSpec, PartialValue } from '../../src/primitives/objective/capture-spec';
import { readOptions, runTurn, type ObjectiveSession, type TurnInput } from '../../src/primitives/objective/state-machine';
import type { PrimitiveOutcome } from '../../src/primitives/types';

/**
 * One turn of a conversation table: what the caller sent, then the state and
 * value expected, then optionally the error code expected (a string) or a
 * pattern the prompt must match (a RegExp).
 */
export type Step = readonly [input: Partial<TurnInput>, state: string, value: string, expected?: string | RegExp];

export interface PlayOptions {
  /** The primitive's params, as the wire carries them (read through its declarations). */
  params?: Record<string, string>;
  /** The runtime clock, ms (default 0). */
  now?: number;
  /** Whether a step without an expected error code must have none (default true). */
  strictErrors?: boolean;
  /** Stores the session between turns as the Redis store will: JSON. */
  viaJson?: boolean;
  /** Extra checks on every outcome (e.g. that no value leaks into the events). */
  each?: (outcome: PrimitiveOutcome) => void;
}

export interface Played {
  /** The prompt of each turn. */
  prompts: string[];
  /** Every transition made, as "from>to". */
  path: string[];
  outcomes: PrimitiveOutcome[];
}

/** Plays turns of a capture primitive on the state machine, checking each outcome against its step. */
export function play<O, P extends PartialValue>(spec: CaptureSpec<O, P, any>, steps: readonly Step[], options: PlayOptions = {}): Played {
  const { params = {}, now = 0, strictErrors = true, viaJson = false, each } = options;
  const primitiveOptions = readOptions(spec, params, now);
  let session: ObjectiveSession<P> | undefined;
  const played: Played = { prompts: [], path: [], outcomes: [] };
  for (const [input, state, value, expected] of steps) {
    const { outcome, session: next } = runTurn(spec, primitiveOptions, { confidence: 0.9, ...input }, session);
    expect({ state: outcome.state, value: outcome.value }).toEqual({ state, value });
    if (typeof expected === 'string' || strictErrors)
      expect(outcome.error?.code).toEqual(typeof expected === 'string' ? expected : undefined);
    if (expected instanceof RegExp) expect(outcome.prompt).toMatch(expected);
    if (outcome.state !== 'completed') expect(outcome.prompt).not.toBe('');
    each?.(outcome);
    played.prompts.push(outcome.prompt);
    played.path.push(...outcome.transitions.map((t) => `${t.from}>${t.to}`));
    played.outcomes.push(outcome);
    session = viaJson && next !== undefined ? (JSON.parse(JSON.stringify(next)) as ObjectiveSession<P>) : next;
  }
  return played;
}
