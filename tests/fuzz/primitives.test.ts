import fc from 'fast-check';
import { VoiceCore } from '../../src/runtime/voice-core';
import { checkCase, fuzzCase, fuzzSeed, type FuzzCase } from './fuzz-cases';

/** Cases `npm run fuzz` found (seed 1), kept whole: each failed a property before its fix. */
const FOUND: ReadonlyArray<[string, FuzzCase]> = [
  [
    'capture_email_au offered monday@10am (a domain without a dot) as a choice, and captured it',
    {
      objectiveType: 'capture_email_au',
      turns: [{ transcription: 'monday or tuesday at 10am' }, { transcription: 'the first one', confirmation: 'yes' }],
      params: {},
    },
  ],
  [
    'capture_datetime_au read "in 1e40 weeks" as a date and failed with INTERNAL speaking it',
    {
      objectiveType: 'capture_datetime_au',
      turns: [
        { confirmation: 'no' },
        { transcription: '27 mona vale road st ives nsw 2075' },
        {
          transcription: `wait 91884 nsw fifty as in ${'9'.repeat(40)} week .............................. {"transcript":"x"} uh 59799 that`,
          confirmation: "yeah that's right",
        },
        {
          transcription: "bigpond .............................. nt \u0430\u0442 I'd oh 54410 nope week 21801",
          confirmation: 'friday the twenty seventh',
        },
      ],
      params: {},
    },
  ],
  [
    'capture_date_au read "in 4000000 weeks" as the year 78688',
    { objectiveType: 'capture_date_au', turns: [{ transcription: 'in 4000000 weeks', confirmation: 'yes' }], params: {} },
  ],
];

/**
 * Every primitive, single-shot and turn by turn, under word soups, corpus mutations, hostile
 * strings and hostile params, run in-process (VoiceCore) for speed. `FUZZ_SEED=n` replays a run;
 * bench/fuzz.ts runs the same properties a million times.
 */
describe('fuzz: every primitive through the runtime', () => {
  const core = new VoiceCore({ eventLog: { maxEventsPerConversation: 50 } });

  test.each(FOUND)('found by the long run: %s', async (_, c) => {
    const result = await checkCase(core, c, 250);
    expect([result.failed, result.detail]).toEqual([[], undefined]);
  });

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
