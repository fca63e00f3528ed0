import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ErrorCode } from '../../generated/voice_core/voice_core';
import { sessionKey } from '../../src/runtime/redis/keys';
import { storeBackends } from '../support/store-backends';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What the third blind corpus found, through a real server over real gRPC: a year said as two
 * pairs ("eighteen ninety"), a phone correction that contradicts the read-back, and later turns
 * that send no reference_time or kind (they keep the objective's). Run with the in-memory stores
 * and with Redis (a real redis-server), where the session, and the params it keeps, go through JSON.
 */
const TUESDAY = '2027-03-09T10:15:00+11:00';
const { backends, redis, stop } = storeBackends();
afterAll(stop);

describe.each(backends)('blind corpus 3 fixes over real gRPC (%s store)', (name, makeStores) => {
  let t: TestServer;
  beforeAll(async () => {
    const stores = await makeStores();
    t = await startTestServer(stores === undefined ? {} : { core: { stores } });
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (objectiveType: string, conversationId: string, params: Record<string, string>) =>
    t.client.executePrimitive({ objectiveType, conversationId: `${conversationId}-${name}`, params });

  test('a date of birth said with a year in two pairs, "eighteen ninety", is 1890: an age over 120, asked again', async () => {
    const heard = await call('capture_date_au', 'b3-dob-1890', {
      transcription: 'third of may eighteen ninety',
      kind: 'date_of_birth',
      reference_time: TUESDAY,
    });
    expect(heard).toMatchObject({ state: 'eliciting', value: '', success: false });
    expect(heard.error?.code).toBe(ErrorCode.ERROR_CODE_NO_VALUE);
    expect(heard.prompt).toMatch(/^Sorry, 1890 would make an age over 120\./);
    const pairs = await call('capture_date_au', 'b3-dob-2005', {
      transcription: 'the fifth of may twenty oh five',
      kind: 'date_of_birth',
      reference_time: TUESDAY,
    });
    expect(pairs).toMatchObject({ state: 'completed', value: '2005-05-05' });
  });

  test('"it ends in 789 not 788" after 0412 345 678 is asked about: no value awaits a plain yes', async () => {
    const read = await call('capture_phone_au', 'b3-phone', { transcription: 'oh four one two three four five six seven eight' });
    expect(read).toMatchObject({ state: 'confirming', value: '+61412345678' });
    const asked = await call('capture_phone_au', 'b3-phone', { confirmation: 'it ends in seven eight nine not seven eight eight' });
    expect(asked).toMatchObject({ state: 'repairing', value: '', success: false, readbackToken: '' });
    expect(asked.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(asked.prompt).toBe(
      "Sorry, I'm not sure which digits to change. I've got oh four one two, three four five, six seven eight. What's the right number?",
    );
    const bareYes = await call('capture_phone_au', 'b3-phone', { transcription: 'yes' });
    expect(bareYes).toMatchObject({ state: 'repairing', value: '' });
    const fixed = await call('capture_phone_au', 'b3-phone', { transcription: 'it ends in seven eight nine' });
    expect(fixed).toMatchObject({ state: 'confirming', value: '+61412345789' });
  });

  test('a confirmation that sends no reference_time keeps the one the objective started with', async () => {
    const read = await call('capture_datetime_au', 'b3-tomorrow', { transcription: 'tomorrow at three pm', reference_time: TUESDAY });
    expect(read).toMatchObject({ state: 'confirming', value: '2027-03-10T15:00' });
    // Barged in, but the yes restates the value: it confirms that same tomorrow, not the wall clock's.
    const done = await call('capture_datetime_au', 'b3-tomorrow', { confirmation: 'yes tomorrow at three', prompt_interrupted: 'true' });
    expect(done).toMatchObject({ state: 'completed', success: true, value: '2027-03-10T15:00' });
  });

  test('a repair that sends no kind still repairs a date of birth: "no nineteen eighty six"', async () => {
    await call('capture_date_au', 'b3-dob-repair', {
      transcription: 'fourteenth of april nineteen eighty five',
      confidence: '0.7',
      kind: 'date_of_birth',
      reference_time: TUESDAY,
    });
    const repaired = await call('capture_date_au', 'b3-dob-repair', { confirmation: 'no nineteen eighty six' });
    // A spoken correction is read back again, whatever its confidence.
    expect(repaired).toMatchObject({ state: 'confirming', value: '1986-04-14' });
    const confirmed = await call('capture_date_au', 'b3-dob-repair', { confirmation: 'yes' });
    expect(confirmed).toMatchObject({ state: 'completed', value: '1986-04-14' });
  });

  if (name === 'redis') {
    test('a session stored before params were kept (no params, no startedAt) is still read', async () => {
      const conversationId = `b3-old-session-${name}`;
      await t.client.executePrimitive({
        objectiveType: 'capture_datetime_au',
        conversationId,
        params: { transcription: 'tomorrow at three pm', reference_time: TUESDAY },
      });
      const direct = new Redis(redis()!.url);
      try {
        const key = sessionKey(conversationId, 'capture_datetime_au');
        const stored = JSON.parse((await direct.get(key)) ?? 'null') as { data: Record<string, unknown>; rev?: string };
        expect(stored.data).toMatchObject({ params: { reference_time: TUESDAY }, startedAt: expect.any(Number) });
        delete stored.data.params;
        delete stored.data.startedAt;
        // A new revision: the server's cached copy is stale and the stored (old-shape) one is read.
        await direct.set(key, JSON.stringify({ ...stored, rev: randomUUID() }), 'KEEPTTL');
      } finally {
        direct.disconnect();
      }
      const done = await t.client.executePrimitive({
        objectiveType: 'capture_datetime_au',
        conversationId,
        params: { confirmation: 'yes', reference_time: TUESDAY },
      });
      expect(done).toMatchObject({ state: 'completed', value: '2027-03-10T15:00' });
    });
  }
});
