import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import type { NewEvent } from '../../src/runtime/stores';
import { describeWithRedis, RedisServer } from '../support/redis-server';

/** What only the Redis stores do: share state across processes, and live through restarts and outages. */
const event: NewEvent = { eventType: 'state_transition', traceId: 't', objectiveType: 'x', fromState: 'a', toState: 'b', data: {} };

describeWithRedis('Redis stores', () => {
  let redis: RedisServer;
  const opened: RedisStores[] = [];
  const open = async (options: { idleTtlMs?: number; emptyLogTtlMs?: number } = {}): Promise<RedisStores> => {
    const stores = createRedisStores({ url: redis.url, commandTimeoutMs: 300, ...options });
    opened.push(stores);
    expect(await stores.ready(5000)).toBe(true);
    return stores;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    for (const s of opened) await s.close();
    await redis.kill();
  });

  test('one blocking connection serves every subscriber of a process, whatever their number', async () => {
    const stores = await open();
    const controller = new AbortController();
    const conversations = Array.from({ length: 200 }, () => `idle-${randomUUID()}`);
    const pending = [];
    const subscriptions = [];
    for (const c of conversations) {
      const subscription = await stores.events.subscribe(c, 0, '', controller.signal);
      subscriptions.push(subscription);
      pending.push(subscription.events.next());
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(stores.followedStreamCount()).toBe(200);
    const admin = new Redis(redis.url);
    const clients = String(await admin.call('CLIENT', 'LIST'));
    admin.disconnect();
    expect(clients.split('\n').filter((l) => l.includes('name=voice-core-follow'))).toHaveLength(1);
    // A live event still reaches its subscriber through the shared XREAD.
    await stores.events.append(conversations[123], event);
    expect((await pending[123]).value).toMatchObject({ sequence: 1, conversationId: conversations[123] });
    controller.abort();
    await Promise.allSettled(pending);
    // The one that had its event is still open: ended, it releases its stream too.
    await subscriptions[123].events.return(undefined);
    // Each subscriber that ends releases its stream; once nobody follows one, it is dropped from the XREAD.
    for (let waited = 0; stores.followedStreamCount() > 0 && waited < 3000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(stores.followedStreamCount()).toBe(0);
  });

  test('a lone command is sent at once; commands issued while another is outstanding share an auto-pipeline', async () => {
    const stores = await open();
    const client = stores.commandClient as Redis;
    const c = `pipe-${randomUUID()}`;
    const lone = stores.events.position(c);
    expect(client.autoPipelineQueueSize).toBe(0);
    const second = stores.events.position(c);
    const third = stores.sessions.load(c, 'x');
    expect(client.autoPipelineQueueSize).toBe(2);
    await Promise.all([lone, second, third]);
    expect(client.options.enableAutoPipelining).toBe(false);
    expect(client.autoPipelineQueueSize).toBe(0);
    expect(await stores.events.position(c)).toEqual({ last: 0, epoch: '' });
  });

  test('a log its subscriber follows does not expire under it while nothing is written', async () => {
    const stores = await open({ idleTtlMs: 400 });
    const c = `kept-${randomUUID()}`;
    await stores.events.append(c, event);
    const controller = new AbortController();
    const subscription = await stores.events.subscribe(c, 0, '', controller.signal);
    expect((await subscription.events.next()).value).toMatchObject({ sequence: 1 });
    const next = subscription.events.next();
    // Three idle TTLs without a write: the subscriber's refreshes keep the log (and its epoch).
    await new Promise((r) => setTimeout(r, 1200));
    expect(await stores.events.position(c)).toEqual({ last: 1, epoch: subscription.epoch });
    await stores.events.append(c, event);
    expect((await next).value).toMatchObject({ sequence: 2, epoch: subscription.epoch });
    controller.abort();
    // Once nobody follows it, it expires after the idle TTL as before.
    await new Promise((r) => setTimeout(r, 700));
    expect(await stores.events.position(c)).toEqual({ last: 0, epoch: '' });
  });

  test('an empty log a subscription created lives while followed, and goes soon after its subscriber, not after the idle TTL', async () => {
    const stores = await open({ emptyLogTtlMs: 300 });
    const admin = new Redis(redis.url);
    try {
      const c = `empty-${randomUUID()}`;
      const controller = new AbortController();
      const subscription = await stores.events.subscribe(c, 0, '', controller.signal);
      const next = subscription.events.next();
      const logKey = `vc:{default:${c}}:log`;
      expect(await admin.pttl(logKey)).toBeLessThanOrEqual(300);
      await new Promise((r) => setTimeout(r, 900));
      expect(await stores.events.position(c)).toEqual({ last: 0, epoch: subscription.epoch });
      controller.abort();
      await next.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 600));
      expect(await admin.exists(logKey)).toBe(0);
      expect(await stores.events.position(c)).toEqual({ last: 0, epoch: '' });
      // A log that got events meanwhile keeps the idle TTL (1 h by default).
      const d = `filled-${randomUUID()}`;
      const other = new AbortController();
      await stores.events.subscribe(d, 0, '', other.signal);
      await stores.events.append(d, event);
      other.abort();
      expect(await admin.pttl(`vc:{default:${d}}:log`)).toBeGreaterThan(59 * 60 * 1000);
    } finally {
      admin.disconnect();
    }
  });

  test('the epoch and the sequence belong to Redis: a new process continues the same log', async () => {
    const first = await open();
    const c = `keep-${randomUUID()}`;
    await first.events.append(c, event);
    const before = await first.events.position(c);
    await first.close();
    const second = await open();
    await second.events.append(c, event);
    expect(await second.events.position(c)).toEqual({ epoch: before.epoch, last: 2 });
  });

  test('Redis down: UNAVAILABLE fast and status false; back: recovers by itself; lost log: the follower is told', async () => {
    const stores = await open();
    const c = `outage-${randomUUID()}`;
    await stores.events.append(c, event);
    const subscription = await stores.events.subscribe(c, 1, '', new AbortController().signal);
    const following = subscription.events.next().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    await redis.kill();
    await expect(stores.sessions.load(c, 'x')).rejects.toMatchObject({ status: 'UNAVAILABLE' });
    for (let i = 0; i < 50 && stores.status!.available; i++) await new Promise((r) => setTimeout(r, 20));
    expect(stores.status!.available).toBe(false);
    await redis.start();
    expect(await stores.ready(10_000)).toBe(true);
    expect(await stores.sessions.load(c, 'x')).toBeUndefined();
    // Redis came back empty: the follower finds its log gone and says so, never hands out the new log's events.
    // (If it read during the outage it ended UNAVAILABLE instead, and resuming with its epoch is refused.)
    const ended = (await following) as { status?: string };
    if (ended.status === 'UNAVAILABLE') {
      await expect(Promise.resolve(stores.events.subscribe(c, 1, subscription.epoch, new AbortController().signal))).rejects.toMatchObject({
        status: 'FAILED_PRECONDITION',
        field: 'epoch',
      });
    } else {
      expect(ended).toMatchObject({ status: 'FAILED_PRECONDITION', field: 'epoch' });
    }
  });
});
