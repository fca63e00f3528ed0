import { createRedisStores } from '../../src/runtime/redis/redis-stores';
import type { Stores } from '../../src/runtime/stores';
import { redisAvailable, REDIS_SKIP_MESSAGE, RedisServer } from './redis-server';

export type StoreBackend = [name: string, makeStores: () => Promise<Stores | undefined>];

/**
 * The stores a behavioural suite runs against, for `describe.each`: the in-memory default
 * (undefined: the server's own) and, when redis-server is installed, Redis on one real
 * redis-server started on first use and shared by the suite. Call `stop` in `afterAll`;
 * `redis()` is that server, for a test that writes to it directly.
 */
export function storeBackends(): { backends: readonly StoreBackend[]; redis: () => RedisServer | undefined; stop: () => Promise<void> } {
  let server: RedisServer | undefined;
  if (!redisAvailable) console.warn(REDIS_SKIP_MESSAGE);
  const viaRedis: StoreBackend = [
    'redis',
    async () => {
      server ??= await RedisServer.start();
      const stores = createRedisStores({ url: server.url });
      if (!(await stores.ready(5000))) throw new Error('Redis did not become ready');
      return stores;
    },
  ];
  return {
    backends: [['memory', async () => undefined], ...(redisAvailable ? [viaRedis] : [])],
    redis: () => server,
    stop: async () => {
      await server?.kill();
    },
  };
}
