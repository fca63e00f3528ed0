import { serverWithSdk } from '../support/server-with-sdk';

/** Values cut off before their end, through the SDK over real gRPC: asked for the rest, completed next turn. */
describe('cut-off values over real gRPC', () => {
  const t = serverWithSdk();

  test('"four hundred and" asks for the rest; "twenty" completes 420', async () => {
    const options = { conversationId: 'trunc-number' };
    const first = await t.sdk.executePrimitive('capture_number', { transcription: 'four hundred and' }, options);
    expect(first).toMatchObject({ success: false, state: 'eliciting', value: '', error: { code: 'AMBIGUOUS' } });
    expect(first.prompt).toBe("I caught four hundred and, but not the rest. What's the whole number?");
    const done = await t.sdk.executePrimitive('capture_number', { transcription: 'twenty' }, options);
    expect(done).toMatchObject({ success: true, state: 'completed', value: '420' });
  });

  test('"the twenty" asks for the whole date, keeping it; "first" completes the 21st', async () => {
    const options = { conversationId: 'trunc-date' };
    const params = { reference_time: '2027-03-09T10:15:00+11:00', timezone: 'Australia/Sydney' };
    const first = await t.sdk.executePrimitive('capture_date_au', { ...params, transcription: 'the twenty' }, options);
    expect(first).toMatchObject({ success: false, state: 'eliciting', value: '' });
    expect(first.prompt).toBe("Sorry, I only caught the twenty. What's the whole date?");
    const done = await t.sdk.executePrimitive('capture_date_au', { ...params, transcription: 'first' }, options);
    expect(done).toMatchObject({ success: true, state: 'completed', value: '2027-03-21' });
  });
});
