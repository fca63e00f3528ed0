import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createVoiceCoreClient, type VoiceCoreClient, type VoiceCoreEvent } from '../../src';
import { conversationKeys } from '../../src/runtime/redis/keys';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import { describeWithRedis, RedisServer } from '../support/redis-server';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A Redis that loses its last writes keeps the log's epoch: a failover to a replica that had not
 * received them, or a crash with `appendfsync everysec`. The next events then take the lost
 * sequences again. A stream client that had received the lost events must be told (EVENTS_LOST),
 * never handed the new events as if they followed the ones it has.
 */
describeWithRedis('a Redis log that lost its last events', () => {
  let redis: RedisServer;
  let stores: RedisStores;
  let t: TestServer;
  let admin: Redis;
  beforeAll(async () => {
    redis = await RedisServer.start();
    stores = createRedisStores({ url: redis.url });
    expect(await stores.ready(5000)).toBe(true);
    t = await startTestServer({ core: { stores } });
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    admin.disconnect();
    await t.close();
    await stores.close();
    await redis.kill();
  });

  /** What a replica promoted without the last `lost` events holds: the stream rebuilt without them, `last` set back. */
  async function loseTail(conversationId: string, lost: number): Promise<void> {
    const keys = conversationKeys(conversationId);
    const kept = (await admin.xrange(keys.events, '-', '+')).slice(0, -lost);
    const pipeline = admin.multi().del(keys.events);
    for (const [id, fields] of kept) pipeline.xadd(keys.events, id, ...fields);
    await pipeline.hset(keys.log, 'last', kept.length).exec();
  }

  const turn = (sdk: VoiceCoreClient, conversationId: string, objectiveType: string, transcription: string): Promise<unknown> =>
    sdk.executePrimitive(objectiveType, { transcription }, { conversationId });

  async function take(iterator: AsyncIterator<VoiceCoreEvent>, count: number): Promise<VoiceCoreEvent[]> {
    const out: VoiceCoreEvent[] = [];
    while (out.length < count) out.push((await iterator.next()).value as VoiceCoreEvent);
    return out;
  }

  test('every event carries an id of its own, which a resume names', async () => {
    const sdk = createVoiceCoreClient({ useGrpc: true, endpoint: t.address });
    try {
      const c = `ids-${randomUUID()}`;
      await turn(sdk, c, 'capture_email_au', 'jane@gmail.com');
      await turn(sdk, c, 'capture_yes_no', 'yes');
      const { last, epoch } = await stores.events.position(c);
      const controller = new AbortController();
      const events = await take(sdk.streamEvents(c, { signal: controller.signal })[Symbol.asyncIterator](), last);
      controller.abort();
      expect(new Set(events.map((e) => e.eventId)).size).toBe(last);
      for (const e of events) expect(e.eventId).toMatch(/^[0-9a-f]{16}\.\d+$/);
      // Resuming with the id of the event at from_sequence: the log still holds it, so the rest follows.
      const resumed = new AbortController();
      const rest = sdk.streamEvents(c, { fromSequence: 2, epoch, lastEventId: events[1].eventId, signal: resumed.signal });
      expect((await rest[Symbol.asyncIterator]().next()).value).toMatchObject({ sequence: 3, eventId: events[2].eventId });
      resumed.abort();
    } finally {
      sdk.close();
    }
  });

  test('a live stream is told when the events it received are replaced: EVENTS_LOST, not the new events', async () => {
    const sdk = createVoiceCoreClient({ useGrpc: true, endpoint: t.address });
    try {
      const c = `live-${randomUUID()}`;
      await turn(sdk, c, 'capture_email_au', 'jane@gmail.com');
      const { last } = await stores.events.position(c);
      const controller = new AbortController();
      const iterator = sdk.streamEvents(c, { signal: controller.signal })[Symbol.asyncIterator]();
      await take(iterator, last);
      await loseTail(c, 2);
      // The next turn takes the two lost sequences again, and more: the follower wakes.
      await turn(sdk, c, 'capture_yes_no', 'yes');
      expect((await stores.events.position(c)).last).toBeGreaterThan(last);
      await expect(iterator.next()).rejects.toMatchObject({ code: 'EVENTS_LOST', message: expect.stringContaining(`holds at ${last}:`) });
      controller.abort();
    } finally {
      sdk.close();
    }
  });

  test('a stream cut while the events it received were lost and replaced resumes into EVENTS_LOST, not the new events', async () => {
    const proxy = await new TcpProxy(Number(t.address.split(':').pop())).start();
    const reader = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `127.0.0.1:${proxy.port}`,
      channelOptions: { 'grpc.initial_reconnect_backoff_ms': 50, 'grpc.max_reconnect_backoff_ms': 100 },
      streamRetry: { initialDelayMs: 200, maxDelayMs: 400, maxAttempts: 20 },
    });
    const writer = createVoiceCoreClient({ useGrpc: true, endpoint: t.address });
    try {
      const c = `resume-${randomUUID()}`;
      await turn(writer, c, 'capture_email_au', 'jane@gmail.com');
      const { last, epoch } = await stores.events.position(c);
      const controller = new AbortController();
      const iterator = reader.streamEvents(c, { signal: controller.signal })[Symbol.asyncIterator]();
      const received = await take(iterator, last);
      // The reader's connection goes; while it is away, the log loses its tail and a turn refills it.
      const port = proxy.port;
      await proxy.stop();
      const resuming = iterator.next();
      await loseTail(c, 2);
      await turn(writer, c, 'capture_yes_no', 'yes');
      await proxy.start(port);
      await expect(resuming).rejects.toMatchObject({
        code: 'EVENTS_LOST',
        message: expect.stringContaining(`last_event_id ${received[last - 1].eventId} is not the event`),
      });
      controller.abort();

      // What the id closes: a resume that names only the sequence and the epoch cannot tell, and is handed the new events.
      const blind = new AbortController();
      const unchecked = writer.streamEvents(c, { fromSequence: last, epoch, signal: blind.signal })[Symbol.asyncIterator]();
      const next = (await unchecked.next()).value as VoiceCoreEvent;
      blind.abort();
      expect(next.sequence).toBe(last + 1);
      expect(received.map((e) => e.eventId)).not.toContain(next.eventId);
    } finally {
      reader.close();
      writer.close();
      await proxy.stop();
    }
  });
});
