import { randomUUID } from 'node:crypto';
import { ClientError, Status } from 'nice-grpc';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import { describeWithRedis, RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/test-server';

/** With Redis, replicas share each tenant's calls per second; with Redis away, each replica's own limiter stands in. */
const offer = (conversationId: string) => ({
  objectiveType: 'capture_email_au',
  conversationId,
  params: { transcription: 'jane at gmail dot com', confidence: '0.9' },
});

async function outcomes(servers: TestServer[], calls: number): Promise<{ served: number; refused: number }> {
  const results = await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      servers[i % servers.length].client.executePrimitive(offer(`q-${randomUUID()}`)).then(
        () => 'served',
        (error: unknown) => {
          if (error instanceof ClientError && error.code === Status.RESOURCE_EXHAUSTED) return 'refused';
          throw error;
        },
      ),
    ),
  );
  return { served: results.filter((r) => r === 'served').length, refused: results.filter((r) => r === 'refused').length };
}

describeWithRedis('per-tenant call quota in Redis', () => {
  let redis: RedisServer;
  const stores: RedisStores[] = [];
  const servers: TestServer[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
    for (let i = 0; i < 2; i++) {
      const s = createRedisStores({ url: redis.url, commandTimeoutMs: 300 });
      expect(await s.ready(5000)).toBe(true);
      stores.push(s);
      servers.push(await startTestServer({ core: { stores: s }, limits: { tenantCallsPerSecond: 10, redis: s.commandClient } }));
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
    await redis.kill();
  });

  test('two replicas share one quota: 10 calls a second in all, not 10 each', async () => {
    const { served, refused } = await outcomes(servers, 30);
    expect(served).toBe(10);
    expect(refused).toBe(20);
  });

  test('with Redis away, each replica falls back to its own in-memory quota at once', async () => {
    await redis.kill();
    await new Promise((r) => setTimeout(r, 1100));
    const started = Date.now();
    // The turns themselves fail (UNAVAILABLE) without Redis; what matters is that the quota answers at once.
    const results = await Promise.all(
      Array.from({ length: 30 }, () => servers[0].client.executePrimitive(offer(`q-${randomUUID()}`)).catch((e: ClientError) => e.code)),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(results.filter((code) => code === Status.RESOURCE_EXHAUSTED)).toHaveLength(20);
    await redis.start();
  });
});
