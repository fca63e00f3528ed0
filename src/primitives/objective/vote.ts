import type { Hypothesis } from './alternatives';
import type { Captured, PartialValue, Reading } from './capture-spec';

/**
 * Voting across the recogniser's n-best list. Every hypothesis at or above the minimum
 * confidence is read the same way (same context); hypotheses that give the same value (by
 * the primitive's `same`) pool their confidences, so agreement raises confidence. The value
 * with the highest pooled score wins, unless a different value scores within
 * AMBIGUITY_MARGIN of it: then nothing is guessed and both are offered. Deterministic: ties
 * go to the better-ranked hypothesis.
 */

/** Two values whose pooled confidences differ by no more than this are too close to choose between. */
export const AMBIGUITY_MARGIN = 0.15;
/** Floating-point slack, so that 0.6 − 0.45 counts as within 0.15. */
const EPSILON = 1e-9;

export type Vote<P extends PartialValue> =
  /** The winning value; `fromLower` when the top hypothesis did not give it (it is then always read back). */
  | { kind: 'value'; captured: Captured; confidence: number; fromLower: boolean; readBack: boolean }
  /** Two different values, too close to choose between: offered to the caller, best first. */
  | { kind: 'choose'; offered: [Offered, Offered]; reason: string }
  /** No hypothesis gave a value: what the best usable hypothesis read as (partial, ambiguous, none). */
  | { kind: 'reading'; reading: Exclude<Reading<P>, { kind: 'value' }>; confidence: number }
  /** Every hypothesis is below the minimum confidence; `best` is the highest. */
  | { kind: 'low-confidence'; best: number };

/** A value offered by "Was that … or …?", with the words of the best hypothesis that gave it. */
export interface Offered {
  captured: Captured;
  /** Kept so that an answer repeating part of them ("the thirtieth") picks this value. */
  said: string;
}

interface Pool {
  captured: Captured;
  said: string;
  score: number;
  /** The best rank among the hypotheses that gave this value (0 is the top of the list). */
  rank: number;
  /** Some hypothesis that gave it asked for a read-back (Reading.readBack). */
  readBack: boolean;
}

export function vote<P extends PartialValue>(
  hypotheses: readonly Hypothesis[],
  read: (utterance: string) => Reading<P>,
  same: (a: string, b: string) => boolean,
  minConfidence: number,
): Vote<P> {
  const pools: Pool[] = [];
  let firstOther: { reading: Exclude<Reading<P>, { kind: 'value' }>; confidence: number } | undefined;
  let best = 0;
  // The same words read the same way: a list that repeats a transcript is read once per distinct text.
  const readings = new Map<string, Reading<P>>();
  hypotheses.forEach((hypothesis, rank) => {
    best = Math.max(best, hypothesis.confidence);
    if (hypothesis.confidence < minConfidence) return;
    let reading = readings.get(hypothesis.transcript);
    if (reading === undefined) {
      reading = read(hypothesis.transcript);
      readings.set(hypothesis.transcript, reading);
    }
    if (reading.kind !== 'value') {
      firstOther ??= { reading, confidence: hypothesis.confidence };
      return;
    }
    const pool = pools.find((p) => same(p.captured.value, reading.value));
    if (pool !== undefined) {
      pool.score += hypothesis.confidence;
      pool.readBack ||= reading.readBack === true;
    } else
      pools.push({
        captured: { value: reading.value, fields: reading.fields ?? {} },
        said: hypothesis.transcript,
        score: hypothesis.confidence,
        rank,
        readBack: reading.readBack === true,
      });
  });

  if (pools.length === 0) return firstOther === undefined ? { kind: 'low-confidence', best } : { kind: 'reading', ...firstOther };
  // Highest pooled score first; on a tie, the value the better-ranked hypothesis gave.
  pools.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const [winner, runnerUp] = pools;
  if (runnerUp !== undefined && winner.score - runnerUp.score <= AMBIGUITY_MARGIN + EPSILON) {
    return {
      kind: 'choose',
      offered: [
        { captured: winner.captured, said: winner.said },
        { captured: runnerUp.captured, said: runnerUp.said },
      ],
      reason: `the recogniser's hypotheses give two different values with close confidence (${round(winner.score)} and ${round(runnerUp.score)})`,
    };
  }
  return {
    kind: 'value',
    captured: winner.captured,
    confidence: Math.min(1, winner.score),
    fromLower: winner.rank > 0,
    readBack: winner.readBack,
  };
}

function round(x: number): string {
  return x.toFixed(2);
}
