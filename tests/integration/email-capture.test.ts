import { ExecutePrimitiveRequest, ErrorCode } from '../../generated/voice_core/voice_core';
import { startTestServer, type TestServer } from '../support/test-server';

/** The request existing callers send with grpcurl, verbatim. */
const SEED_REQUEST = {
  objective_type: 'capture_email_au',
  conversation_id: 'test-001',
  trace_id: 'trace-001',
  purpose: 'Test',
  params: { transcription: 'jane@gmail.com', confidence: '0.85', confirmation: 'yes' },
};

describe('email capture through real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  test('the seed-era request works verbatim and completes in one call', async () => {
    const response = await t.client.executePrimitive(ExecutePrimitiveRequest.fromJSON(SEED_REQUEST));
    expect(response).toMatchObject({
      success: true,
      value: 'jane@gmail.com',
      state: 'completed',
      prompt: '',
      traceId: 'trace-001',
      conversationId: 'test-001',
      objectiveType: 'capture_email_au',
      metadata: { confidence: 0.85, retryCount: 0, state: 'completed' },
    });
    expect(response.error).toBeUndefined();
    expect(response.metadata?.durationMs).toBeGreaterThan(0);
  });

  test('turn by turn: the transcription alone asks for confirmation, the next call confirms it', async () => {
    const first = await t.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId: 'turns-1',
      params: { transcription: 'um my email is j a n e dot doe at gmail dot com', confidence: '0.9' },
    });
    expect(first).toMatchObject({ success: false, state: 'confirming', value: 'jane.doe@gmail.com' });
    expect(first.prompt).toMatch(/jane dot doe at gmail dot com.*right\?/);

    const second = await t.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId: 'turns-1',
      params: { confirmation: 'yeah that is right', confidence: '0.88' },
    });
    expect(second).toMatchObject({ success: true, state: 'completed', value: 'jane.doe@gmail.com', prompt: '' });
  });

  test('a correction at confirmation replaces the value and asks again; "yeah nah" is a no', async () => {
    const conversationId = 'turns-2';
    const call = (params: Record<string, string>) =>
      t.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params });

    expect(await call({ transcription: 'jane at outlook dot com', confidence: '0.9' })).toMatchObject({
      state: 'confirming',
      value: 'jane@outlook.com',
    });
    expect(await call({ confirmation: "no it's not outlook, it's optusnet" })).toMatchObject({
      state: 'confirming',
      value: 'jane@optusnet.com.au',
      metadata: { retryCount: 1 },
    });
    const denied = await call({ confirmation: 'yeah nah' });
    expect(denied).toMatchObject({ state: 'repairing', value: '', success: false });
    expect(denied.error?.code).toBe(ErrorCode.ERROR_CODE_NOT_CONFIRMED);
    expect(await call({ transcription: 'jane dot smith at optusnet' })).toMatchObject({
      state: 'confirming',
      value: 'jane.smith@optusnet.com.au',
    });
    expect(await call({ confirmation: 'spot on' })).toMatchObject({
      state: 'completed',
      success: true,
      value: 'jane.smith@optusnet.com.au',
    });
  });

  test('an ambiguous provider is asked about, never guessed', async () => {
    const conversationId = 'ambiguous-1';
    const first = await t.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId,
      params: { transcription: 'it is jane at hotmail', confidence: '0.9' },
    });
    expect(first).toMatchObject({ success: false, state: 'eliciting', value: '' });
    expect(first.error?.code).toBe(ErrorCode.ERROR_CODE_AMBIGUOUS);
    expect(first.prompt).toMatch(/hotmail dot com or hotmail dot com dot A U/);

    const second = await t.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId,
      params: { transcription: 'the dot com dot au one' },
    });
    expect(second).toMatchObject({ state: 'confirming', value: 'jane@hotmail.com.au' });
  });

  test('low confidence re-elicits, and the objective fails after three retries', async () => {
    const conversationId = 'low-confidence-1';
    const call = () =>
      t.client.executePrimitive({
        objectiveType: 'capture_email_au',
        conversationId,
        params: { transcription: 'jane at gmail dot com', confidence: '0.2' },
      });
    for (let retry = 1; retry <= 3; retry++) {
      const response = await call();
      expect(response).toMatchObject({ state: 'eliciting', value: '', metadata: { retryCount: retry } });
      expect(response.error?.code).toBe(ErrorCode.ERROR_CODE_LOW_CONFIDENCE);
    }
    const last = await call();
    expect(last).toMatchObject({ state: 'failed', success: false });
    expect(last.error?.code).toBe(ErrorCode.ERROR_CODE_MAX_RETRIES_EXCEEDED);
    // The objective is over: the next call starts a new one.
    expect(await call()).toMatchObject({ state: 'eliciting', metadata: { retryCount: 1 } });
  });

  test('a call without transcription starts the objective with the elicitation prompt', async () => {
    const response = await t.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId: 'empty-1' });
    expect(response).toMatchObject({ state: 'eliciting', success: false, prompt: "What's your email address?" });
    expect(response.error).toBeUndefined();
  });

  test('captured values never reach the log in clear', async () => {
    await t.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId: 'privacy-1',
      params: { transcription: 'secret.person@gmail.com', confirmation: 'yes' },
    });
    const text = JSON.stringify(t.logs);
    expect(text).toContain('privacy-1');
    expect(text).not.toContain('secret.person');
  });
});
