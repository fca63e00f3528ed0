/**
 * `npm run fuzz [-- --cases N --seed S]`: the properties of tests/fuzz/ over N cases (default
 * 1 000 000), in-process against the runtime. Reports cases/s, the slowest call, and failures by
 * property with the first example of each; exits non-zero on any failure. Not part of the tests.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { VoiceCore } from '../src/runtime/voice-core';
import { checkCase, fuzzCase, type Property } from '../tests/fuzz/fuzz-cases';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) ? value : fallback;
}

const BATCH = 1000;
/** Each property's first failing case, whole, one JSON line each. */
const FAILURES_FILE = process.env.FUZZ_FAILURES ?? 'fuzz-failures.jsonl';

async function main(): Promise<void> {
  const cases = arg('cases', 1_000_000);
  const seed = arg('seed', 1);
  const maxCallMs = arg('max-call-ms', 250);
  // A small retained log per conversation: a million conversations must not hold a million logs' worth.
  const core = new VoiceCore({ eventLog: { maxEventsPerConversation: 20 } });
  const failures = new Map<Property, { count: number; example: string; seed: number }>();
  let done = 0;
  let calls = 0;
  let slowest = 0;
  const started = performance.now();
  let reported = started;
  // Stopped early (SIGINT, SIGTERM): the report covers the cases run so far.
  let stopped = false;
  process.once('SIGINT', () => (stopped = true)).once('SIGTERM', () => (stopped = true));
  for (let batch = 0; done < cases && !stopped; batch++) {
    const batchSeed = seed + batch;
    for (const c of fc.sample(fuzzCase, { seed: batchSeed, numRuns: Math.min(BATCH, cases - done) })) {
      if (stopped) break;
      const result = await checkCase(core, c, maxCallMs);
      done++;
      calls += result.calls;
      slowest = Math.max(slowest, result.slowestMs);
      for (const property of result.failed) {
        const seen = failures.get(property);
        if (seen === undefined) {
          failures.set(property, { count: 1, example: `${result.detail ?? ''} in ${JSON.stringify(c).slice(0, 600)}`, seed: batchSeed });
          // The whole case, to replay it: the summary at the end cuts it.
          appendFileSync(FAILURES_FILE, `${JSON.stringify({ property, detail: result.detail, case: c })}\n`);
        } else seen.count++;
      }
    }
    if (performance.now() - reported > 10_000) {
      reported = performance.now();
      const seconds = (reported - started) / 1000;
      console.log(
        `${done} cases, ${(done / seconds).toFixed(0)} cases/s, ${failures.size === 0 ? 'no failures' : `${[...failures.values()].reduce((n, f) => n + f.count, 0)} failures`}`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n${done} cases${stopped ? ' (stopped early)' : ''} (${calls} calls) in ${seconds.toFixed(1)} s: ${(done / seconds).toFixed(0)} cases/s, ` +
      `${(calls / seconds).toFixed(0)} calls/s, slowest call ${slowest.toFixed(1)} ms, seed ${seed}`,
  );
  if (failures.size === 0) {
    console.log('no property failed');
    return;
  }
  console.log('failures by property:');
  for (const [property, { count, example, seed: batchSeed }] of failures) {
    console.log(`  ${property}: ${count} (first in the batch of seed ${batchSeed}): ${example}`);
  }
  process.exitCode = 1;
}

void main();
