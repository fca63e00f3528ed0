import { randomUUID } from 'node:crypto';
import { createVoiceCoreClient, type VoiceCoreClient, type VoiceCoreEvent } from '../../src';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import { eventually } from '../support/eventually';
import { describeWithRedis, RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The README's persistence advice, tried: a redis-server with an append-only file (fsync always) is
 * killed (-9) between two turns of a capture and restarted from its file. Nothing it acknowledged
 * is lost, so the capture completes and its event stream resumes with the same epoch, no loss and
 * no duplicate, with no restart of the Voice Core server.
 */
describeWithRedis('Redis with an append-only file, killed and restarted', () => {
  let redis: RedisServer;
  let stores: RedisStores;
  let t: TestServer;
  let sdk: VoiceCoreClient;
  beforeAll(async () => {
    redis = await RedisServer.start({ appendOnly: true });
    stores = createRedisStores({ url: redis.url, commandTimeoutMs: 500 });
    expect(await stores.ready(5000)).toBe(true);
    t = await startTestServer({ core: { stores } });
    sdk = createVoiceCoreClient({
      useGrpc: true,
      endpoint: t.address,
      streamRetry: { initialDelayMs: 50, maxDelayMs: 300, maxAttempts: 100 },
      circuitBreaker: { failureThreshold: 1000 },
    });
  });
  afterAll(async () => {
    sdk.close();
    await t.close();
    await stores.close();
    await redis.remove();
  });

  test('the capture completes and its stream resumes with the same epoch, no loss and no duplicate', async () => {
    const conversationId = `aof-${randomUUID()}`;
    const controller = new AbortController();
    const events: VoiceCoreEvent[] = [];
    const following = (async () => {
      for await (const e of sdk.streamEvents(conversationId, { signal: controller.signal })) {
        events.push(e);
        if (e.toState === 'completed') break;
      }
    })();
    const first = await sdk.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId });
    expect(first.state).toBe('confirming');
    const { last: afterFirst } = await stores.events.position(conversationId);
    await eventually(
      'events the stream delivered',
      async () => events.length,
      (n) => n === afterFirst,
    );

    await redis.kill();
    await expect(sdk.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    await redis.start();
    await eventually('the server serving again', async () => (await sdk.healthCheck().catch(() => ({ serving: false }))).serving, Boolean);

    const second = await sdk.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId });
    expect(second).toMatchObject({ state: 'completed', value: 'jane@gmail.com' });
    await following;
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.length).toBeGreaterThan(afterFirst);
    expect(new Set(events.map((e) => e.epoch)).size).toBe(1);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  }, 60_000);
});
