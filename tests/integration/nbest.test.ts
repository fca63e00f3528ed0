import { VoiceCoreError, type Alternative } from '../../src';
import { serverWithSdk } from '../support/server-with-sdk';

/** N-best input (`alternatives`) through the SDK over real gRPC: voting, the offer of two values and its answer, refusals. */
describe('n-best input over real gRPC', () => {
  const t = serverWithSdk();

  async function refusal(alternatives: readonly Alternative[] | string): Promise<VoiceCoreError> {
    try {
      await t.sdk.executePrimitive('capture_phone_au', { alternatives }, { conversationId: `nbest-bad-${Math.random()}` });
    } catch (error) {
      if (error instanceof VoiceCoreError) return error;
      throw error;
    }
    throw new Error('accepted');
  }

  test('a value only a lower hypothesis gives is taken and read back; "yes" completes it', async () => {
    const options = { conversationId: 'nbest-lower' };
    const first = await t.sdk.executePrimitive(
      'capture_phone_au',
      {
        alternatives: [
          { transcript: 'oh four nine one five seven oh one five', confidence: 0.82 },
          { transcript: 'oh four nine one five seven oh one five six', confidence: 0.61 },
        ],
      },
      options,
    );
    expect(first).toMatchObject({ success: false, state: 'confirming', value: '+61491570156' });
    expect(first.prompt).toMatch(/^Just to confirm/);
    expect(first.error).toBeUndefined();
    const done = await t.sdk.executePrimitive('capture_phone_au', { confirmation: 'yes' }, options);
    expect(done).toMatchObject({ success: true, state: 'completed', value: '+61491570156' });
  });

  test('two close values are offered, not guessed; the answer "the second one" takes the second', async () => {
    const options = { conversationId: 'nbest-offer' };
    const offer = await t.sdk.executePrimitive(
      'capture_number',
      {
        alternatives: [
          { transcript: 'fifteen dollars', confidence: 0.52 },
          { transcript: 'fifty dollars', confidence: 0.47 },
        ],
      },
      options,
    );
    expect(offer).toMatchObject({ success: false, state: 'eliciting', value: '', error: { code: 'AMBIGUOUS' } });
    expect(offer.prompt).toBe('Sorry, was that fifteen dollars, or fifty dollars?');
    const answer = await t.sdk.executePrimitive('capture_number', { transcription: 'the second one', confidence: 0.9 }, options);
    expect(answer).toMatchObject({ success: true, state: 'completed', value: '50', fields: { unit: 'dollars' } });
  });

  test('the list may be sent as the JSON string the wire carries; transcription defaults to its first hypothesis', async () => {
    const result = await t.sdk.executePrimitive(
      'capture_yes_no',
      { alternatives: '[{"transcript":"yeah","confidence":0.9},{"transcript":"yeah nah","confidence":0.3}]' },
      { conversationId: 'nbest-string' },
    );
    expect(result).toMatchObject({ success: true, value: 'yes', metadata: { confidence: 0.9 } });
  });

  test.each([
    ['not JSON', '[{"transcript": "oh four"', /^params\.alternatives must be a JSON array.*it is not JSON$/],
    ['not an array', '{"transcript":"oh four","confidence":0.5}', /^params\.alternatives must be a JSON array.*got an object$/],
    [
      'more than 10 entries',
      Array.from({ length: 11 }, (_, i) => ({ transcript: `oh four ${i}`, confidence: 0.5 })),
      /^params\.alternatives has 11 entries; at most 10 are accepted$/,
    ],
    [
      'a confidence above 1',
      [{ transcript: 'oh four', confidence: 1.2 }],
      /^params\.alternatives\[0\]\.confidence must be a number from 0 to 1, got 1\.2$/,
    ],
    [
      'a transcript over the size limit',
      [{ transcript: 'nine '.repeat(1000), confidence: 0.5 }],
      /^params\.alternatives\[0\]\.transcript is longer than 4096 characters$/,
    ],
    ['the whole param over its size limit', 'x'.repeat(50_000), /^params\.alternatives is longer than 41600 characters$/],
  ])('%s is refused with INVALID_ARGUMENT naming params.alternatives', async (_name, alternatives, message) => {
    const error = await refusal(alternatives as readonly Alternative[] | string);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/oh four|nine/);
  });

  test('hypotheses never reach the logs in clear', () => {
    const text = JSON.stringify(t.logs);
    expect(text).not.toMatch(/fifteen dollars|fifty dollars|oh four nine/);
  });
});
