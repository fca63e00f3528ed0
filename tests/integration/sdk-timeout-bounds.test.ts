import { createVoiceCoreClient, VoiceCoreError } from '../../src';
import { serverWithSdk } from '../support/server-with-sdk';

/**
 * A time budget too long for the deadline timer (setTimeout holds at most 2^31-1 ms and fires at
 * once beyond it) must be refused by the SDK before the call: otherwise the call "times out" at
 * once and counts as a breaker failure, and a few such calls open the breaker against a healthy server.
 */
describe('VoiceCoreClient refuses time budgets it cannot keep, over real gRPC', () => {
  const seed = { transcription: 'jane@gmail.com', confidence: 0.85, confirmation: 'yes' };
  const t = serverWithSdk();

  test('3e6, Infinity and NaN seconds are INVALID_ARGUMENT naming timeoutSeconds, and never reach the breaker', async () => {
    for (const timeoutSeconds of [3e6, Infinity, NaN, 3e6, Infinity, 3e6, 1e308]) {
      const call = t.sdk.executePrimitive('capture_email_au', seed, { conversationId: 'bounds-1', timeoutSeconds });
      await expect(call).rejects.toBeInstanceOf(VoiceCoreError);
      await expect(call).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('timeoutSeconds') });
    }
    const state = t.sdk.circuitState();
    expect(state.state).toBe('closed');
    expect(state.counters).toMatchObject({ permitted: 0, failures: 0, rejected: 0 });
    // The server is healthy and the client still reaches it.
    const result = await t.sdk.executePrimitive('capture_email_au', seed, { conversationId: 'bounds-2' });
    expect(result).toMatchObject({ success: true, value: 'jane@gmail.com' });
  });

  test('a budget the timer can hold but the server refuses is the server’s INVALID_ARGUMENT, a healthy answer', async () => {
    await expect(
      t.sdk.executePrimitive('capture_email_au', seed, { conversationId: 'bounds-3', timeoutSeconds: 100_000 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('timeout_seconds') });
    expect(t.sdk.circuitState()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  test('healthCheck and the client options refuse the same overflowing values', async () => {
    await expect(t.sdk.healthCheck({ timeoutSeconds: Infinity })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('timeoutSeconds'),
    });
    expect(() => createVoiceCoreClient({ useGrpc: true, endpoint: t.address, defaultTimeoutSeconds: 3e6 })).toThrow(
      /defaultTimeoutSeconds/,
    );
    expect(() => createVoiceCoreClient({ useGrpc: true, endpoint: t.address, defaultTimeoutSeconds: Infinity })).toThrow(
      /defaultTimeoutSeconds/,
    );
  });
});
