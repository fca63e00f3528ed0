import { createVoiceCoreClient, type VoiceCoreClient, type VoiceCoreEvent } from '../../src';
import { storeBackends } from '../support/store-backends';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Progressive fields through a real server over real gRPC and the SDK, turn by turn: while the
 * rest is asked for, `fields` holds the parts heard so far; value and success wait for the whole.
 * Run with the in-memory stores and with Redis (a real redis-server), where the session goes
 * through JSON between turns.
 */
const { backends, stop } = storeBackends();
afterAll(stop);

describe.each(backends)('progressive fields over real gRPC (%s store)', (name, makeStores) => {
  let t: TestServer;
  let sdk: VoiceCoreClient;
  beforeAll(async () => {
    const stores = await makeStores();
    t = await startTestServer(stores === undefined ? {} : { core: { stores } });
    sdk = createVoiceCoreClient({ useGrpc: true, endpoint: t.address });
  });
  afterAll(async () => {
    sdk.close();
    await t.close();
  });

  /** The events of a conversation so far (the stream is cancelled once `count` have arrived). */
  async function events(conversationId: string, count: number): Promise<VoiceCoreEvent[]> {
    const controller = new AbortController();
    const got: VoiceCoreEvent[] = [];
    try {
      for await (const e of sdk.streamEvents(conversationId, { signal: controller.signal })) {
        got.push(e);
        if (got.length === count) controller.abort();
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
    return got;
  }

  test('address through the SDK: street, then suburb, then postcode; fields grow, value waits', async () => {
    const c = { conversationId: `pf-address-${name}` };
    const street = await sdk.executePrimitive('capture_address_au', { transcription: 'twelve Smith Street' }, c);
    expect(street).toMatchObject({ success: false, state: 'eliciting', value: '', fields: { street: '12 Smith Street' } });
    expect(street.prompt).not.toBe('');
    const suburb = await sdk.executePrimitive('capture_address_au', { transcription: 'Fitzroy' }, c);
    expect(suburb).toMatchObject({ success: false, state: 'eliciting', value: '' });
    expect(suburb.fields).toEqual({ street: '12 Smith Street', suburb: 'Fitzroy' });
    const whole = await sdk.executePrimitive('capture_address_au', { transcription: '3065' }, c);
    expect(whole).toMatchObject({ success: false, state: 'confirming', value: '12 Smith Street, Fitzroy VIC 3065' });
    const done = await sdk.executePrimitive('capture_address_au', { confirmation: 'yes' }, c);
    expect(done).toMatchObject({ success: true, state: 'completed', value: '12 Smith Street, Fitzroy VIC 3065' });
    expect(done.fields).toEqual({ street: '12 Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' });

    const log = await events(c.conversationId, 7);
    const progress = log.filter((e) => e.fromState === 'eliciting' && e.toState === 'eliciting');
    expect(progress.map((e) => JSON.parse(e.data.fields_masked))).toEqual([
      { street: '** Smith Street' },
      { street: '** Smith Street', suburb: 'Fitzroy' },
    ]);
    const completed = log.find((e) => e.toState === 'completed');
    expect(JSON.parse(completed?.data.fields_masked ?? '')).toEqual({
      street: '** Smith Street',
      suburb: 'Fitzroy',
      state: 'VIC',
      postcode: '3065',
    });
    expect(JSON.stringify(log)).not.toMatch(/\b12 Smith/);
  });

  test('name over raw gRPC: first name, then surname', async () => {
    const call = (transcription: string) =>
      t.client.executePrimitive({ objectiveType: 'capture_name_au', conversationId: `pf-name-${name}`, params: { transcription } });
    const first = await call("it's Caitlin");
    expect(first).toMatchObject({ success: false, state: 'eliciting', value: '', fields: { first: 'Caitlin' } });
    const done = await call('Nguyen');
    expect(done).toMatchObject({
      success: true,
      state: 'completed',
      value: 'Caitlin Nguyen',
      fields: { first: 'Caitlin', last: 'Nguyen' },
    });
    const log = await events(`pf-name-${name}`, 5);
    expect(JSON.stringify(log)).not.toContain('Caitlin');
    expect(JSON.parse(log.find((e) => e.fromState === e.toState)?.data.fields_masked ?? '')).toEqual({ first: 'C******' });
  });

  test('datetime through the SDK: the day, then the time', async () => {
    const c = { conversationId: `pf-datetime-${name}` };
    const day = await sdk.executePrimitive('capture_datetime_au', { transcription: 'the 14th of March next year' }, c);
    expect(day).toMatchObject({ success: false, state: 'eliciting', value: '' });
    expect(Object.keys(day.fields)).toEqual(['date']);
    expect(day.fields.date).toMatch(/^\d{4}-03-14$/);
    const whole = await sdk.executePrimitive('capture_datetime_au', { transcription: 'half past two in the afternoon' }, c);
    expect(whole).toMatchObject({ state: 'confirming', value: `${day.fields.date}T14:30` });
    const log = await events(c.conversationId, 4);
    expect(JSON.parse(log.find((e) => e.fromState === e.toState)?.data.fields_masked ?? '')).toEqual({ date: '****-03-**' });
  });

  test('a primitive without parts keeps fields empty while eliciting', async () => {
    const part = await sdk.executePrimitive(
      'capture_email_au',
      { transcription: 'jane at bigpond' },
      { conversationId: `pf-email-${name}` },
    );
    expect(part).toMatchObject({ success: false, state: 'eliciting', value: '', fields: {} });
  });
});
