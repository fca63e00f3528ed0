import { randomUUID } from 'node:crypto';
import { createVoiceCoreClient, VoiceCoreError, type VoiceCoreClient } from '../../src';
import { startVoiceCoreServer, type RunningServer } from '../../src/server/server';
import { silentLogger } from '../../src/runtime/logger';

/** The SDK against a server over quota: RESOURCE_EXHAUSTED carries the pushback and does not open the breaker. */
describe('SDK and RESOURCE_EXHAUSTED', () => {
  let server: RunningServer;
  let client: VoiceCoreClient;
  beforeAll(async () => {
    server = await startVoiceCoreServer({ address: '127.0.0.1:0', logger: silentLogger, limits: { tenantCallsPerSecond: 5 } });
    client = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${server.port}`, circuitBreaker: { failureThreshold: 3 } });
  });
  afterAll(async () => {
    client.close();
    await server.shutdown();
  });

  test('retryAfterMs comes from grpc-retry-pushback-ms, and 20 refusals leave the breaker closed', async () => {
    const calls = Array.from({ length: 25 }, () =>
      client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId: randomUUID() }).then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    const errors = (await Promise.all(calls)).filter((e) => e !== undefined);
    expect(errors).toHaveLength(20);
    for (const error of errors) {
      expect(error).toBeInstanceOf(VoiceCoreError);
      expect(error).toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
      const { retryAfterMs } = error as VoiceCoreError;
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(1000);
    }
    // Were they failures, 3 would have opened the breaker: the next call would be CIRCUIT_BREAKER_OPEN.
    expect(client.circuitState()).toMatchObject({ state: 'closed' });
    await new Promise((r) => setTimeout(r, (errors[0] as VoiceCoreError).retryAfterMs));
    await expect(
      client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId: randomUUID() }),
    ).resolves.toMatchObject({ state: 'confirming' });
  });
});
