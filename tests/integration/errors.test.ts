import { ClientError, Status } from 'nice-grpc';
import { ErrorCode, type ExecutePrimitiveRequest } from '../../generated/voice_core/voice_core';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { startTestServer, type TestServer } from '../support/test-server';

describe('error handling through real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    const registry = createDefaultRegistry().register('test_broken', () => {
      throw new Error('bug inside a custom primitive');
    });
    t = await startTestServer({ core: { registry } });
  });
  afterAll(async () => {
    await t.close();
  });

  const base: Partial<ExecutePrimitiveRequest> = {
    objectiveType: 'capture_email_au',
    conversationId: 'errors-1',
    params: { transcription: 'jane@gmail.com' },
  };

  async function refusal(request: Partial<ExecutePrimitiveRequest>): Promise<ClientError> {
    const error = await t.client.executePrimitive(request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClientError);
    return error as ClientError;
  }

  test.each([
    [
      'unknown objective_type',
      { objectiveType: 'capture_favourite_colour' },
      Status.NOT_FOUND,
      /objective_type "capture_favourite_colour" is not a registered primitive; registered: .*capture_email_au/,
    ],
    ['empty objective_type', { objectiveType: '' }, Status.INVALID_ARGUMENT, /objective_type is required/],
    ['missing conversation_id', { conversationId: '' }, Status.INVALID_ARGUMENT, /conversation_id is required/],
    [
      'confidence not a number',
      { params: { transcription: 'x', confidence: 'abc' } },
      Status.INVALID_ARGUMENT,
      /params\.confidence must be a number from 0 to 1, got "abc"/,
    ],
    ['confidence above 1', { params: { transcription: 'x', confidence: '1.5' } }, Status.INVALID_ARGUMENT, /params\.confidence/],
    [
      'unknown param',
      { params: { transcript: 'jane@gmail.com' } },
      Status.INVALID_ARGUMENT,
      /params\.transcript is not a parameter of capture_email_au/,
    ],
    ['negative timeout', { timeoutSeconds: -1 }, Status.INVALID_ARGUMENT, /timeout_seconds .* got -1/],
    ['NaN timeout', { timeoutSeconds: Number.NaN }, Status.INVALID_ARGUMENT, /timeout_seconds .* got NaN/],
    ['infinite timeout', { timeoutSeconds: Number.POSITIVE_INFINITY }, Status.INVALID_ARGUMENT, /timeout_seconds/],
    ['absurd timeout', { timeoutSeconds: 100_000 }, Status.INVALID_ARGUMENT, /timeout_seconds must be greater than 0 and at most 600/],
    [
      'oversized transcription',
      { params: { transcription: 'a'.repeat(5000) } },
      Status.INVALID_ARGUMENT,
      /params\.transcription is longer than 4096/,
    ],
    [
      'confirmation with nothing to confirm',
      { conversationId: 'errors-fresh', params: { confirmation: 'yes' } },
      Status.FAILED_PRECONDITION,
      /no capture_email_au value is awaiting confirmation/,
    ],
  ])('%s is refused with a clear status and message', async (_name, change, status, message) => {
    const error = await refusal({ ...base, ...change });
    expect(error.code).toBe(status);
    expect(error.details).toMatch(message);
    expect(error.details).not.toMatch(/\n\s+at |\.js:\d+/);
  });

  test('a refused request loses nothing: the objective in progress carries on', async () => {
    const conversationId = 'errors-keep';
    const first = await t.client.executePrimitive({ ...base, conversationId });
    expect(first.state).toBe('confirming');
    await refusal({ ...base, conversationId, params: { confirmation: 'yes', confidence: 'high' } });
    const confirmed = await t.client.executePrimitive({ ...base, conversationId, params: { confirmation: 'yes' } });
    expect(confirmed).toMatchObject({ state: 'completed', value: 'jane@gmail.com' });
  });

  test('a primitive that throws gives an INTERNAL response error without its stack, and the server carries on', async () => {
    const response = await t.client.executePrimitive({ objectiveType: 'test_broken', conversationId: 'errors-broken' });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe(ErrorCode.ERROR_CODE_INTERNAL);
    expect(response.error?.message).not.toMatch(/bug inside|\.ts:\d+/);
    expect(response.error?.message).toContain(response.traceId);
    expect(t.logs.some((l) => l.msg === 'primitive failed' && JSON.stringify(l).includes('bug inside a custom primitive'))).toBe(true);
    const next = await t.client.executePrimitive({ ...base, conversationId: 'errors-after' });
    expect(next.state).toBe('confirming');
  });
});
