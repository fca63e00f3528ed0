import { ClientError, Status } from 'nice-grpc';
import { ErrorCode } from '../../generated/voice_core/voice_core';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { slowPrimitive } from '../support/slow-primitive';
import { startTestServer, type TestServer } from '../support/test-server';

describe('timeouts through real gRPC, with a registered slow primitive', () => {
  let t: TestServer;
  const record = { aborted: 0, finished: 0 };
  beforeAll(async () => {
    const registry = createDefaultRegistry().register('test_slow', slowPrimitive(record));
    t = await startTestServer({ core: { registry } });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    record.aborted = 0;
    record.finished = 0;
  });

  test('timeout_seconds bounds the primitive: it is aborted and the response carries TIMEOUT', async () => {
    const started = Date.now();
    const response = await t.client.executePrimitive({
      objectiveType: 'test_slow',
      conversationId: 'slow-1',
      timeoutSeconds: 0.2,
      params: { delay_ms: '5000' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe(ErrorCode.ERROR_CODE_TIMEOUT);
    expect(response.error?.message).toMatch(/0\.2 s/);
    expect(record.aborted).toBe(1);
    expect(record.finished).toBe(0);
  });

  test('a primitive that finishes in time returns its result', async () => {
    const response = await t.client.executePrimitive({
      objectiveType: 'test_slow',
      conversationId: 'slow-2',
      timeoutSeconds: 2,
      params: { delay_ms: '20' },
    });
    expect(response).toMatchObject({ success: true, value: 'slept 20 ms', state: 'completed' });
  });

  test("the caller's gRPC deadline also bounds the work", async () => {
    const error = await t.client
      .executePrimitive(
        { objectiveType: 'test_slow', conversationId: 'slow-3', params: { delay_ms: '5000' } },
        { deadline: new Date(Date.now() + 200) },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(Status.DEADLINE_EXCEEDED);
    // The server learns of the deadline (grpc-timeout) or of the cancellation, and aborts the primitive.
    await waitFor(() => record.aborted === 1);
    expect(record.finished).toBe(0);
  });

  test('a timeout is an event of the conversation', async () => {
    await t.client.executePrimitive({ objectiveType: 'test_slow', conversationId: 'slow-4', timeoutSeconds: 0.05 });
    const controller = new AbortController();
    for await (const { event } of t.client.streamEvents({ conversationId: 'slow-4' }, { signal: controller.signal })) {
      expect(event).toMatchObject({ eventType: 'primitive_timeout', sequence: 1, data: { timeout_ms: '50' } });
      break;
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
