import { ClientError, Status } from 'nice-grpc';
import { createVoiceCoreClient, type VoiceCoreClient } from '../../src';
import { startTestServer, type TestServer } from '../support/test-server';

/** Every built-in primitive through real gRPC: single shot, turn by turn, ambiguity, and its params. */
const REFERENCE = '2026-11-26T09:00:00+11:00'; // a Thursday morning in Sydney

const CASES = [
  {
    type: 'capture_email_au',
    heard: 'my email is j a n e dot doe at gee mail dot com',
    params: {},
    value: 'jane.doe@gmail.com',
    fields: {},
    ambiguous: 'jane at hotmail',
  },
  {
    type: 'capture_phone_au',
    heard: "yeah it's oh four nine one, five seven oh, one five six",
    params: {},
    value: '+61491570156',
    fields: { type: 'mobile', national: '0491 570 156' },
    ambiguous: '0491 570 156 or 0491 570 157',
  },
  {
    type: 'capture_address_au',
    heard: 'um twelve smith street fitzroy victoria three oh six five',
    params: {},
    value: '12 Smith Street, Fitzroy VIC 3065',
    fields: { street: '12 Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' },
    ambiguous: '12 smith street melbourne nsw 3000',
  },
  {
    type: 'capture_name_au',
    heard: "it's jane smith, that's s m i t h",
    params: {},
    value: 'Jane Smith',
    fields: { first: 'Jane', last: 'Smith' },
    ambiguous: 'jane smith or maybe jenny brown',
  },
  {
    type: 'capture_date_au',
    heard: 'tuesday week',
    params: { reference_time: REFERENCE },
    value: '2026-12-08',
    fields: { weekday: 'tuesday' },
    ambiguous: 'the 3rd or the 4th',
  },
  {
    type: 'capture_time_au',
    heard: 'half past three this arvo',
    params: { reference_time: REFERENCE },
    value: '15:30',
    fields: { hour: '15', minute: '30' },
    ambiguous: "three o'clock",
  },
  {
    type: 'capture_datetime_au',
    heard: 'tomorrow at quarter to five in the afternoon',
    params: { reference_time: REFERENCE, timezone: 'Australia/Perth' },
    value: '2026-11-27T16:45',
    fields: { timezone: 'Australia/Perth', offset: '+08:00' },
    ambiguous: 'tomorrow at 5',
  },
  {
    type: 'capture_yes_no',
    heard: 'nah yeah too right',
    params: { question: 'Do you want a reminder text?' },
    value: 'yes',
    fields: {},
    ambiguous: 'maybe',
  },
  {
    type: 'capture_number',
    heard: 'two hundred and fifty',
    params: {},
    value: '250',
    fields: {},
    ambiguous: 'five or six',
  },
];

describe('the nine primitives through real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  test.each(CASES)('$type: single shot, with its canonical value and fields', async ({ type, heard, params, value, fields }) => {
    const response = await t.client.executePrimitive({
      objectiveType: type,
      conversationId: `prim-single-${type}`,
      params: { transcription: heard, confidence: '0.9', confirmation: 'yes', ...params },
    });
    expect(response).toMatchObject({ success: true, state: 'completed', value, fields: expect.objectContaining(fields) });
  });

  test.each(CASES.filter((c) => c.type !== 'capture_yes_no'))(
    '$type: turn by turn, read back then confirmed',
    async ({ type, heard, params, value }) => {
      const conversationId = `prim-turns-${type}`;
      // 0.7: below every auto-accept threshold, so each primitive reads its value back.
      const first = await t.client.executePrimitive({
        objectiveType: type,
        conversationId,
        params: { transcription: heard, confidence: '0.7', ...params },
      });
      expect(first).toMatchObject({ state: 'confirming', value, success: false });
      expect(first.prompt).toMatch(/\?$/);
      const second = await t.client.executePrimitive({
        objectiveType: type,
        conversationId,
        params: { confirmation: 'yeah that is right', ...params },
      });
      expect(second).toMatchObject({ state: 'completed', value, success: true });
    },
  );

  test.each(CASES)('$type: ambiguity is asked about, never guessed ("$ambiguous")', async ({ type, ambiguous, params }) => {
    const response = await t.client.executePrimitive({
      objectiveType: type,
      conversationId: `prim-ambiguous-${type}`,
      params: { transcription: ambiguous, confidence: '0.9', ...params },
    });
    expect(response).toMatchObject({ success: false, value: '' });
    expect(['eliciting', 'repairing']).toContain(response.state);
    expect(response.prompt).not.toBe('');
  });

  test.each([
    ['capture_date_au', { reference_time: 'next tuesday' }, 'params.reference_time'],
    ['capture_time_au', { timezone: 'Mars/Olympus_Mons' }, 'params.timezone'],
    ['capture_datetime_au', { tense: 'soonish' }, 'params.tense'],
    ['capture_yes_no', { question: '???' }, 'params.question'],
    ['capture_phone_au', { question: 'x' }, 'params.question'],
  ])('%s refuses bad params with INVALID_ARGUMENT naming the field', async (type, params, field) => {
    const error = await t.client
      .executePrimitive({ objectiveType: type, conversationId: 'prim-params', params: { transcription: 'x', ...params } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(Status.INVALID_ARGUMENT);
    expect((error as ClientError).details).toContain(field);
  });

  test('dates resolve in the caller timezone, not the server one', async () => {
    // 07:15 in Sydney is still the previous day in UTC (the server's zone here).
    const response = await t.client.executePrimitive({
      objectiveType: 'capture_date_au',
      conversationId: 'prim-tz',
      params: { transcription: 'tomorrow', reference_time: '2026-11-25T20:15:00Z', timezone: 'Australia/Sydney' },
    });
    expect(response.value).toBe('2026-11-27');
  });
});

describe('the nine primitives through the SDK, over gRPC and embedded', () => {
  let t: TestServer;
  let clients: VoiceCoreClient[];
  beforeAll(async () => {
    t = await startTestServer();
    clients = [createVoiceCoreClient({ useGrpc: true, endpoint: t.address }), createVoiceCoreClient({ useGrpc: false })];
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  test('typed params, camelCase in the SDK, give the same results in both modes', async () => {
    for (const client of clients) {
      const options = { conversationId: `sdk-prims-${client.mode}` };
      const date = await client.executePrimitive(
        'capture_date_au',
        {
          transcription: 'a fortnight today',
          confidence: 0.95,
          referenceTime: new Date(REFERENCE),
          timezone: 'Australia/Brisbane',
          tense: 'future',
        },
        options,
      );
      expect(date).toMatchObject({ success: true, value: '2026-12-10' });
      const consent = await client.executePrimitive(
        'capture_yes_no',
        { transcription: 'not at all', question: 'Do you mind if I record this call?' },
        options,
      );
      expect(consent.value).toBe('yes');
      const phone = await client.executePrimitive('capture_phone_au', { transcription: '02 5550 1234', confirmation: 'yep' }, options);
      expect(phone).toMatchObject({ success: true, value: '+61255501234', fields: { type: 'landline' } });
    }
  });
});
