import { ClientError, Status } from 'nice-grpc';
import { ErrorCode } from '../../generated/voice_core/voice_core';
import { VoiceCoreError } from '../../src';
import { serverWithSdk } from '../support/server-with-sdk';

/**
 * Dates that know their purpose (param kind), dates asked about instead of guessed, and repairs
 * of part of a date, through a real server over real gRPC and the SDK. Said on Tuesday 9 March
 * 2027 in Sydney.
 */
const TUESDAY = '2027-03-09T10:15:00+11:00';

describe('date kinds, date asks and date part repairs over real gRPC', () => {
  const t = serverWithSdk();

  const call = (conversationId: string, params: Record<string, string>, objectiveType = 'capture_date_au') =>
    t.client.executePrimitive({ objectiveType, conversationId, params: { reference_time: TUESDAY, ...params } });

  test('a date of birth without its year: the year is asked for, the day and month kept, then captured', async () => {
    const asked = await call('dk-dob', { kind: 'date_of_birth', transcription: 'the 14th of march' });
    expect(asked).toMatchObject({ state: 'eliciting', value: '', prompt: 'Thanks, the 14th of March. And what year?' });
    expect(asked.error).toBeUndefined();
    expect(await call('dk-dob', { kind: 'date_of_birth', transcription: 'nineteen eighty five' })).toMatchObject({
      state: 'completed',
      success: true,
      value: '1985-03-14',
    });
  });

  test('a date of birth said relatively, or over 120 years ago, is asked about', async () => {
    const relative = await call('dk-dob-rel', { kind: 'date_of_birth', transcription: 'tomorrow' });
    expect(relative).toMatchObject({ state: 'eliciting', value: '' });
    expect(relative.error?.code).toBe(ErrorCode.ERROR_CODE_NO_VALUE);
    expect(relative.prompt).toMatch(/the day, the month and the year/);
    const old = await call('dk-dob-old', { kind: 'date_of_birth', transcription: 'the 3rd of may 1890' });
    expect(old).toMatchObject({ state: 'eliciting', value: '' });
    expect(old.prompt).toMatch(/over 120/);
  });

  test('kind sets the tense: an appointment is the coming Friday, an event the last one (datetime too)', async () => {
    expect(await call('dk-appt', { kind: 'appointment', transcription: 'friday' })).toMatchObject({ value: '2027-03-12' });
    expect(await call('dk-event', { kind: 'event', transcription: 'friday' })).toMatchObject({ value: '2027-03-05' });
    expect(await call('dk-event-dt', { kind: 'event', transcription: 'friday at 2pm' }, 'capture_datetime_au')).toMatchObject({
      state: 'confirming',
      value: '2027-03-05T14:00',
    });
  });

  test.each([
    ['capture_date_au', 'date_of_birth', 'future'],
    ['capture_datetime_au', 'appointment', 'past'],
  ])('%s: kind %s with tense %s given is INVALID_ARGUMENT naming both params', async (objectiveType, kind, tense) => {
    const error = await call('dk-contradiction', { kind, tense, transcription: 'friday' }, objectiveType).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(Status.INVALID_ARGUMENT);
    expect((error as ClientError).details).toMatch(/params\.tense "\w+" contradicts params\.kind/);
    expect((error as ClientError).details).not.toMatch(/\n\s+at |\.js:\d+/);
  });

  test('an unknown kind, and kind on capture_time_au, are INVALID_ARGUMENT naming params.kind', async () => {
    for (const [objectiveType, kind] of [
      ['capture_date_au', 'birthday'],
      ['capture_time_au', 'appointment'],
    ]) {
      const error = await call('dk-bad-kind', { kind, transcription: '3 pm' }, objectiveType).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as ClientError).code).toBe(Status.INVALID_ARGUMENT);
      expect((error as ClientError).details).toMatch(/params\.kind/);
    }
  });

  test('"Tuesday" said on a Tuesday offers today or next week, and the answer is understood', async () => {
    const asked = await call('dk-same-weekday', { transcription: 'tuesday' });
    expect(asked).toMatchObject({ state: 'eliciting', value: '' });
    expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(asked.prompt).toBe('Just to check, do you mean today, Tuesday the 9th, or Tuesday the 16th?');
    expect(await call('dk-same-weekday', { transcription: 'next week' })).toMatchObject({ state: 'completed', value: '2027-03-16' });
  });

  test('the 31st of April offers the 30th or the 1st of May; never rolled over', async () => {
    const asked = await call('dk-no-such', { transcription: 'the 31st of april' });
    expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(asked.prompt).toBe("Sorry, there's no 31st of April. Did you mean the 30th of April, or the 1st of May?");
    expect(await call('dk-no-such', { transcription: 'the 1st of may' })).toMatchObject({ state: 'completed', value: '2027-05-01' });
  });

  test('the 29th of February in a year without one is asked about', async () => {
    const asked = await call('dk-leap', { transcription: 'the 29th of february 2029' });
    expect(asked).toMatchObject({ state: 'eliciting', value: '' });
    expect(asked.prompt).toContain("there's no 29th of February in 2029");
  });

  test('a date of birth repaired at confirmation: only the year, then only the month', async () => {
    const c = 'dk-repair';
    const params = { kind: 'date_of_birth' };
    expect(await call(c, { ...params, transcription: 'the 14th of april 1985', confidence: '0.5' })).toMatchObject({
      state: 'confirming',
      value: '1985-04-14',
    });
    expect(await call(c, { ...params, confirmation: 'no, 1986', confidence: '0.5' })).toMatchObject({
      state: 'confirming',
      value: '1986-04-14',
    });
    expect(await call(c, { ...params, confirmation: 'not april, may', confidence: '0.5' })).toMatchObject({
      state: 'confirming',
      value: '1986-05-14',
    });
    expect(await call(c, { ...params, confirmation: 'yes' })).toMatchObject({ state: 'completed', value: '1986-05-14' });
  });

  test('a repair that names a part the date has not got is asked about, never guessed', async () => {
    await call('dk-unclear', { transcription: 'the 14th of april', confidence: '0.5' });
    const asked = await call('dk-unclear', { confirmation: 'not march, may' });
    expect(asked).toMatchObject({ state: 'repairing', value: '' });
    expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
  });

  test('a datetime: "same day but at 3" keeps the day; a month repaired in the same breath', async () => {
    await call('dk-dt', { transcription: 'friday at 2pm' }, 'capture_datetime_au');
    expect(await call('dk-dt', { confirmation: 'same day but at 3' }, 'capture_datetime_au')).toMatchObject({
      state: 'confirming',
      value: '2027-03-12T15:00',
    });
    expect(await call('dk-dt-inline', { transcription: 'the 14th of may at 2pm, not may, june' }, 'capture_datetime_au')).toMatchObject({
      state: 'confirming',
      value: '2027-06-14T14:00',
    });
  });

  test('a datetime: "no, 5" at the read-back is asked about (the 5th, or 5 o\'clock?), and the answer settles it', async () => {
    const dt = (c: string, params: Record<string, string>) => call(c, params, 'capture_datetime_au');
    await dt('dk-dt-5', { transcription: 'the 14th of may at 2pm' });
    const asked = await dt('dk-dt-5', { confirmation: 'no, 5' });
    expect(asked).toMatchObject({ state: 'repairing', value: '', prompt: "Sorry, did you mean the 5th, or 5 o'clock?" });
    expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(await dt('dk-dt-5', { transcription: 'the 5th' })).toMatchObject({ state: 'confirming', value: '2027-05-05T14:00' });
    expect(await dt('dk-dt-5', { confirmation: 'yes' })).toMatchObject({ state: 'completed', value: '2027-05-05T14:00' });

    // Through the SDK: the answer names the part.
    const c = { conversationId: 'dk-dt-5-sdk' };
    const params = { referenceTime: TUESDAY };
    await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'the 14th of may at 2pm' }, c);
    const again = await t.sdk.executePrimitive('capture_datetime_au', { ...params, confirmation: 'nah, 5' }, c);
    expect(again).toMatchObject({ state: 'repairing', prompt: "Sorry, did you mean the 5th, or 5 o'clock?" });
    expect(await t.sdk.executePrimitive('capture_datetime_au', { ...params, transcription: 'the time' }, c)).toMatchObject({
      state: 'confirming',
      value: '2027-05-14T17:00',
    });

    // A number that can only be one part is read as that part: over 12 a day; 2 when 2 pm was read back, the day.
    await dt('dk-dt-20', { transcription: 'the 14th of may at 2pm' });
    expect(await dt('dk-dt-20', { confirmation: 'no, 20' })).toMatchObject({ state: 'confirming', value: '2027-05-20T14:00' });
    expect(await dt('dk-dt-20', { confirmation: 'no, 2' })).toMatchObject({ state: 'confirming', value: '2027-05-02T14:00' });
  });

  test('through the SDK: kind is typed, and a contradiction is a VoiceCoreError', async () => {
    const c = { conversationId: 'dk-sdk' };
    const asked = await t.sdk.executePrimitive(
      'capture_date_au',
      { kind: 'date_of_birth', referenceTime: TUESDAY, transcription: 'the 2nd of july' },
      c,
    );
    expect(asked).toMatchObject({ state: 'eliciting', prompt: 'Thanks, the 2nd of July. And what year?' });
    const done = await t.sdk.executePrimitive(
      'capture_date_au',
      { kind: 'date_of_birth', referenceTime: TUESDAY, transcription: 'oh five' },
      c,
    );
    expect(done).toMatchObject({ success: true, value: '2005-07-02', fields: { year: '2005', month: '07', day: '02' } });
    await expect(
      t.sdk.executePrimitive(
        'capture_datetime_au',
        { kind: 'appointment', tense: 'past', transcription: 'friday at 2' },
        { conversationId: 'dk-sdk-bad' },
      ),
    ).rejects.toThrow(VoiceCoreError);
  });
});
