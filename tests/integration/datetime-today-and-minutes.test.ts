import { ErrorCode } from '../../generated/voice_core/voice_core';
import { serverWithSdk } from '../support/server-with-sdk';

/**
 * Two datetime weak spots, through a real server over real gRPC and the SDK:
 * - "today at half seven" said at 4 pm for a forward-looking objective (kind appointment, or tense
 *   future given) is 19:30: 7:30 am has passed; without that, or with both readings ahead, it is asked;
 * - "no, 5" to a read-back of 4:30 pm is asked about (5 o'clock, or 5:30?) and the answer understood.
 * Said on Tuesday 9 March 2027 in Sydney.
 */
const FOUR_PM = '2027-03-09T16:00:00+11:00';
const SEVEN_AM = '2027-03-09T07:00:00+11:00';

describe('datetime: today at an hour already past, and a lone hour replacing minutes, over real gRPC', () => {
  const t = serverWithSdk();

  const dt = (conversationId: string, params: Record<string, string>) =>
    t.client.executePrimitive({ objectiveType: 'capture_datetime_au', conversationId, params: { reference_time: FOUR_PM, ...params } });

  test('"today at half seven" at 4 pm for an appointment is 7:30 pm, read back without asking am or pm', async () => {
    const got = await dt('tm-appt', { kind: 'appointment', transcription: 'today at half seven' });
    expect(got).toMatchObject({ state: 'confirming', value: '2027-03-09T19:30' });
    expect(got.error).toBeUndefined();
    expect(got.prompt).toContain('7:30 pm');
    // tense=future given says the same; the day can come after the time.
    expect(await dt('tm-tense', { tense: 'future', transcription: 'today at half seven' })).toMatchObject({ value: '2027-03-09T19:30' });
    await dt('tm-later-day', { kind: 'appointment', transcription: 'half seven' });
    expect(await dt('tm-later-day', { kind: 'appointment', transcription: 'today' })).toMatchObject({ value: '2027-03-09T19:30' });
  });

  test('still asked: nothing says the time is ahead, both readings are ahead, or another day', async () => {
    const plain = await dt('tm-plain', { transcription: 'today at half seven' });
    expect(plain).toMatchObject({ state: 'eliciting', value: '' });
    expect(plain.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(plain.prompt).toMatch(/morning.*evening/);
    const early = await dt('tm-early', { kind: 'appointment', reference_time: SEVEN_AM, transcription: 'today at half eight' });
    expect(early).toMatchObject({ state: 'eliciting', value: '' });
    expect(early.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    const tomorrow = await dt('tm-tomorrow', { kind: 'appointment', transcription: 'tomorrow at half seven' });
    expect(tomorrow.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    const any = await dt('tm-any', { tense: 'any', transcription: 'today at half seven' });
    expect(any.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
  });

  test('through the SDK: kind appointment settles it', async () => {
    const got = await t.sdk.executePrimitive(
      'capture_datetime_au',
      { kind: 'appointment', referenceTime: FOUR_PM, transcription: 'today at half seven' },
      { conversationId: 'tm-sdk' },
    );
    expect(got).toMatchObject({ state: 'confirming', value: '2027-03-09T19:30' });
  });

  test('"no, 5" to 4:30 pm asks 5 o\'clock or 5:30, and each answer settles it', async () => {
    const answers: Array<[string, string]> = [
      ['5:30', '2027-03-11T17:30'],
      ['half past', '2027-03-11T17:30'],
      ["five o'clock", '2027-03-11T17:00'],
      ['on the hour', '2027-03-11T17:00'],
      ['the first one', '2027-03-11T17:00'],
      ['the second one', '2027-03-11T17:30'],
    ];
    for (const [answer, value] of answers) {
      const id = `tm-5-${answer}`;
      expect(await dt(id, { transcription: 'thursday at 4:30 pm' })).toMatchObject({ state: 'confirming', value: '2027-03-11T16:30' });
      const asked = await dt(id, { confirmation: 'no, at 5' });
      expect(asked).toMatchObject({ state: 'repairing', value: '', prompt: "Sorry, is that 5 o'clock, or 5:30?" });
      expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
      expect(await dt(id, { transcription: answer })).toMatchObject({ state: 'confirming', value });
    }
    // Settled, then confirmed.
    expect(await dt('tm-5-5:30', { confirmation: 'yes' })).toMatchObject({ state: 'completed', value: '2027-03-11T17:30' });
  });

  test('"no, 5" that could also be the day offers the day, the hour and the hour with the minutes (SDK)', async () => {
    const c = { conversationId: 'tm-sdk-day' };
    const params = { referenceTime: FOUR_PM };
    await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'thursday at 4:30 pm' }, c);
    const asked = await t.sdk.executePrimitive('capture_datetime_au', { ...params, confirmation: 'no, 5' }, c);
    expect(asked).toMatchObject({ state: 'repairing', value: '', prompt: "Sorry, did you mean the 5th, 5 o'clock, or 5:30?" });
    expect(await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'half past' }, c)).toMatchObject({
      state: 'confirming',
      value: '2027-03-11T17:30',
    });
    // "the time" picks the hour; its minutes are then asked.
    const d = { conversationId: 'tm-sdk-time' };
    await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'thursday at 4:30 pm' }, d);
    await t.sdk.executePrimitive('capture_datetime_au', { ...params, confirmation: 'no, 5' }, d);
    const minutes = await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'the time' }, d);
    expect(minutes).toMatchObject({ state: 'repairing', prompt: "Sorry, is that 5 o'clock, or 5:30?" });
    expect(await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'five' }, d)).toMatchObject({
      state: 'confirming',
      value: '2027-03-11T17:00',
    });
  });

  test('capture_time_au asks the same at its read-back (low confidence), and reads the answer', async () => {
    const time = (params: Record<string, string>) =>
      t.client.executePrimitive({
        objectiveType: 'capture_time_au',
        conversationId: 'tm-time',
        params: { reference_time: FOUR_PM, ...params },
      });
    expect(await time({ transcription: '4:30 pm', confidence: '0.6' })).toMatchObject({ state: 'confirming', value: '16:30' });
    const asked = await time({ confirmation: 'no, 5' });
    expect(asked).toMatchObject({ state: 'repairing', value: '', prompt: "Sorry, is that 5 o'clock, or 5:30?" });
    expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(await time({ transcription: 'half past' })).toMatchObject({ value: '17:30', fields: { hour: '17', minute: '30' } });
  });

  test('a lone hour replacing a time on the hour is not asked; inside one utterance the time said last stands', async () => {
    await dt('tm-on-hour', { transcription: 'thursday at 4 pm' });
    expect(await dt('tm-on-hour', { confirmation: 'no, 5 pm' })).toMatchObject({ state: 'confirming', value: '2027-03-11T17:00' });
    expect(await dt('tm-inline', { transcription: 'thursday at 4:30 pm, no, 5' })).toMatchObject({
      state: 'confirming',
      value: '2027-03-11T17:00',
    });
  });
});
