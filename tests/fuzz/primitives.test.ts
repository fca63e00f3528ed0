import fc from 'fast-check';
import { VoiceCore } from '../../src/runtime/voice-core';
import { checkCase, fuzzCase, fuzzSeed } from './fuzz-cases';

/**
 * Every primitive, single-shot and turn by turn, under word soups, corpus mutations, hostile
 * strings and hostile params, run in-process (VoiceCore) for speed. `FUZZ_SEED=n` replays a run;
 * bench/fuzz.ts runs the same properties a million times.
 */
describe('fuzz: every primitive through the runtime', () => {
  const core = new VoiceCore({ eventLog: { maxEventsPerConversation: 50 } });

  test('no throw, no INTERNAL, no garbage, valid values, deterministic, bounded time', async () => {
    const seed = fuzzSeed();
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const result = await checkCase(core, c, 250);
        if (result.failed.length > 0) throw new Error(`${result.failed.join(', ')}: ${result.detail ?? ''}`);
      }),
      { seed, numRuns: Number(process.env.FUZZ_RUNS ?? 400), endOnFailure: true },
    );
  }, 60_000);
});
