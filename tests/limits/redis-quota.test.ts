import { randomUUID } from 'node:crypto';
import { ClientError, Status } from 'nice-grpc';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { LeasedQuota } from '../../src/server/leased-quota';
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

  test('replicas taking leases of the quota from Redis serve no more than the limit, and ask once per lease', async () => {
    const shared = new RateLimiterRedis({
      storeClient: stores[0].commandClient,
      points: 1000,
      duration: 1,
      keyPrefix: `lease-${randomUUID()}`,
    });
    const consume = shared.consume.bind(shared);
    let asked = 0;
    shared.consume = (key, points) => {
      asked++;
      return consume(key, points);
    };
    const quotas = [0, 1].map(() => new LeasedQuota(shared, { points: 1000, leaseSize: 10 }));
    let served = 0;
    for (let i = 0; i < 1500; i++) {
      try {
        await quotas[i % 2].consume('tenant');
        served++;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
      }
    }
    expect(served).toBe(1000);
    // 100 leases and one refusal per replica, remembered for the rest of the window.
    expect(asked).toBe(102);
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
