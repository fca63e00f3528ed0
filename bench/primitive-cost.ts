/**
 * Primitive cost, in-process: µs per capture for each built-in primitive, over the utterances of
 * its labelled corpus (tests/fixtures/corpus), each a first turn through the registry handler
 * (params parsing, extraction, the state machine). No gRPC, no event log.
 */
import { createDefaultRegistry, BUILT_IN_CAPTURES } from '../src/primitives/defaults';
import { loadCorpus } from '../tests/accuracy/harness';
import { LOAD_CPU, percentile, pinSelf } from './lib';

export interface PrimitiveCostRow {
  primitive: string;
  utterances: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

/** The first turns of a primitive's corpus, as the registry handler takes them. */
export function corpusInputs(objectiveType: string) {
  return loadCorpus(objectiveType).map((c) => ({
    objectiveType,
    conversationId: 'bench',
    traceId: 'bench',
    purpose: '',
    params: { transcription: c.transcription, confidence: '0.9', ...c.params },
  }));
}

export function benchPrimitiveCost(repetitions = 200): PrimitiveCostRow[] {
  pinSelf(LOAD_CPU);
  const registry = createDefaultRegistry();
  const rows: PrimitiveCostRow[] = [];
  for (const spec of BUILT_IN_CAPTURES) {
    const handler = registry.get(spec.objectiveType)!;
    const inputs = corpusInputs(spec.objectiveType);
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
    });
  }
  return rows;
}

if (require.main === module) {
  console.table(benchPrimitiveCost(Number(process.argv[2] ?? 200)));
}
