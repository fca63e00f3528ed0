import { ErrorCode } from '../../generated/voice_core/voice_core';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What the second blind corpus's last misses found, through a real server over real gRPC: a
 * spoken correction is read back (and a keyed 1 then confirms it), one name alone corrects the
 * part it sounds like, "… two thousand" and three figures are dates read back, a day alone is no
 * date of birth, and a time tied to today that has passed is asked about.
 */
const TUESDAY = '2027-03-09T10:15:00+11:00';

describe('blind corpus 2 fixes over real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (objectiveType: string, conversationId: string, params: Record<string, string>) =>
    t.client.executePrimitive({ objectiveType, conversationId, params });

  test('a number corrected at the read-back is read back again, and a keyed 1 confirms it', async () => {
    expect(await call('capture_number', 'b2-number', { transcription: 'seventy', confidence: '0.7' })).toMatchObject({
      state: 'confirming',
      value: '70',
    });
    const corrected = await call('capture_number', 'b2-number', { confirmation: 'no seventeen' });
    expect(corrected).toMatchObject({ state: 'confirming', value: '17' });
    expect(corrected.prompt).toMatch(/seventeen/);
    expect(await call('capture_number', 'b2-number', { dtmf: '1' })).toMatchObject({ state: 'completed', success: true, value: '17' });
  });

  test('"no, Shawn" to Sean Kelly replaces the first name', async () => {
    await call('capture_name_au', 'b2-name', { transcription: 'sean kelly', confidence: '0.7' });
    const corrected = await call('capture_name_au', 'b2-name', { confirmation: 'no shawn s h a w n' });
    expect(corrected).toMatchObject({ state: 'confirming', value: 'Shawn Kelly', fields: { first: 'Shawn', last: 'Kelly' } });
  });

  test('dates of birth: "… two thousand" and three figures are read back; a day alone is asked for whole', async () => {
    const dob = { kind: 'date_of_birth', reference_time: TUESDAY, confidence: '0.95' };
    expect(await call('capture_date_au', 'b2-dob-2000', { ...dob, transcription: 'the second of may two thousand' })).toMatchObject({
      state: 'confirming',
      value: '2000-05-02',
    });
    expect(await call('capture_date_au', 'b2-dob-figures', { ...dob, transcription: 'nineteen six seventy one' })).toMatchObject({
      state: 'confirming',
      value: '1971-06-19',
    });
    const day = await call('capture_date_au', 'b2-dob-day', { ...dob, transcription: 'the nineteenth' });
    expect(day).toMatchObject({ state: 'eliciting', value: '' });
    expect(day.error?.code).toBe(ErrorCode.ERROR_CODE_NO_VALUE);
  });

  test('a time this morning already past is asked about, not taken', async () => {
    const passed = await call('capture_time_au', 'b2-time', { transcription: 'eight this morning', reference_time: TUESDAY });
    expect(passed).toMatchObject({ state: 'eliciting', value: '' });
    expect(passed.prompt).toMatch(/^Sorry, 8 am today has already passed\./);
    expect(await call('capture_time_au', 'b2-time', { transcription: 'eleven this morning' })).toMatchObject({
      state: 'completed',
      value: '11:00',
    });
  });
});
