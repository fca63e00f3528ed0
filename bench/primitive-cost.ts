/**
 * Primitive cost, in-process: µs per capture for each built-in primitive, over the utterances of
 * its labelled corpus (tests/fixtures/corpus), each a first turn through the registry handler
 * (params parsing, extraction, the state machine). No gRPC, no event log. `nBest` sends each
 * utterance as an n-best list of 5 (itself and four recogniser-style confusions, every one above
 * the minimum confidence, so all five are read and vote): cost per call and per hypothesis.
 */
import { createDefaultRegistry, BUILT_IN_CAPTURES } from '../src/primitives/defaults';
import { loadCorpus } from '../tests/accuracy/harness';
import { LOAD_CPU, percentile, pinSelf } from './lib';
import { nBestOf } from './nbest-variants';

export interface PrimitiveCostRow {
  primitive: string;
  utterances: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  /** With n-best lists: the hypotheses per call (the per-call figures above divide by it per hypothesis). */
  hypotheses: number;
}

/** Hypotheses per n-best list in the bench. */
export const N_BEST_SIZE = 5;

/** The first turns of a primitive's corpus, as the registry handler takes them. */
export function corpusInputs(objectiveType: string, nBest = false) {
  return loadCorpus(objectiveType).map((c) => ({
    objectiveType,
    conversationId: 'bench',
    traceId: 'bench',
    purpose: '',
    params: nBest
      ? { alternatives: JSON.stringify(nBestOf(c.transcription, N_BEST_SIZE)), ...c.params }
      : { transcription: c.transcription, confidence: '0.9', ...c.params },
  }));
}

export function benchPrimitiveCost(repetitions = 200, nBest = false): PrimitiveCostRow[] {
  pinSelf(LOAD_CPU);
  const registry = createDefaultRegistry();
  const rows: PrimitiveCostRow[] = [];
  for (const spec of BUILT_IN_CAPTURES) {
    const handler = registry.get(spec.objectiveType)!;
    const inputs = corpusInputs(spec.objectiveType, nBest);
    if (inputs.length === 0) continue;
    const context = { signal: new AbortController().signal, session: undefined, now: Date.parse('2026-11-26T09:00:00+11:00') };
    const samples: number[] = [];
    // Warm-up rounds first, not measured: JIT compilation and chrono's first pattern compiles.
    const warmUp = 20;
    for (let r = 0; r < warmUp + repetitions; r++) {
      for (const input of inputs) {
        const start = process.hrtime.bigint();
        try {
          handler(input, context);
        } catch {
          // a refused param still costs its time
        }
        if (r >= warmUp) samples.push(Number(process.hrtime.bigint() - start) / 1000);
      }
    }
    samples.sort((a, b) => a - b);
    rows.push({
      primitive: spec.objectiveType,
      utterances: inputs.length,
      p50Us: percentile(samples, 0.5),
      p99Us: percentile(samples, 0.99),
      maxUs: samples[samples.length - 1],
      hypotheses: nBest ? N_BEST_SIZE : 1,
    });
  }
  return rows;
}

if (require.main === module) {
  const repetitions = Number(process.argv[2] ?? 200);
  console.table(benchPrimitiveCost(repetitions));
  console.table(
    benchPrimitiveCost(repetitions, true).map((r) => ({
      ...r,
      'p50 µs per hypothesis': Number((r.p50Us / r.hypotheses).toFixed(1)),
      'p99 µs per hypothesis': Number((r.p99Us / r.hypotheses).toFixed(1)),
    })),
  );
}
