import { randomUUID } from 'node:crypto';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import { eventually } from '../support/eventually';
import { promtool, PROMTOOL, warnIfMissing } from '../support/promtool';
import { describeWithRedis, RedisServer } from '../support/redis-server';
import { startTestServer, type TestServer } from '../support/test-server';

warnIfMissing('promtool');

/** The Redis stores' own metrics, scraped from a real server on a real redis-server after real gRPC calls. */
describeWithRedis('Redis metrics', () => {
  let redis: RedisServer;
  let stores: RedisStores;
  let t: TestServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
    // Long enough that a command held by a stopped (SIGSTOP) redis-server is still in flight when scraped.
    stores = createRedisStores({ url: redis.url, commandTimeoutMs: 3000 });
    expect(await stores.ready(5000)).toBe(true);
    t = await startTestServer({ metrics: { port: 0, host: '127.0.0.1' }, core: { stores } });
  });
  afterAll(async () => {
    await t.close();
    await stores.close();
    await redis.kill();
  });

  async function scrape(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${t.server.metrics!.port}/metrics`)).text();
  }

  function sample(text: string, name: string, labels = ''): number | undefined {
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels === '' ? ' ' : `{${labels}} `}`));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  }

  /** Scrapes until `name` satisfies `holds`; the exposition that did. */
  async function scrapeUntil(name: string, holds: (value: number | undefined) => boolean): Promise<string> {
    let text = '';
    await eventually(name, async () => sample((text = await scrape()), name), holds);
    return text;
  }

  test('command latency and errors by operation, commands in flight, streams followed and their connections', async () => {
    const conversationId = `metrics-${randomUUID()}`;
    const controller = new AbortController();
    const stream = t.client.streamEvents({ conversationId }, { signal: controller.signal })[Symbol.asyncIterator]();
    const first = stream.next();
    await t.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params: { transcription: 'jane@gmail.com' } });
    await first;
    // Having yielded the first event, the follower reads again at once: that read may be in flight for a moment.
    let text = await scrapeUntil('voice_core_redis_commands_in_flight', (n) => n === 0);
    expect(sample(text, 'voice_core_redis_command_seconds_count', 'operation="commit"')).toBe(1);
    expect(sample(text, 'voice_core_redis_command_seconds_count', 'operation="subscribe"')).toBe(1);
    expect(sample(text, 'voice_core_redis_command_seconds_bucket', 'le="1",operation="commit"')).toBe(1);
    expect(sample(text, 'voice_core_redis_command_errors_total', 'operation="commit"')).toBe(0);
    expect(sample(text, 'voice_core_redis_followed_streams')).toBe(1);
    // This process's own StreamEvents calls are counted on Redis too (the log itself is shared).
    expect(sample(text, 'voice_core_open_event_streams')).toBe(1);
    // What this process cannot count on a shared Redis is left out, not reported as 0.
    for (const name of ['voice_core_open_sessions', 'voice_core_event_log_events', 'voice_core_event_log_conversations']) {
      expect(text).not.toContain(`\n${name} `);
    }
    expect(sample(text, 'voice_core_redis_follower_connections')).toBe(1);
    // Nothing about the conversation or what was said is in the exposition.
    expect(text).not.toContain(conversationId);
    expect(text).not.toContain('jane');
    if (PROMTOOL !== undefined) expect(promtool(['check', 'metrics'], text)).toMatchObject({ output: '', status: 0 });
    controller.abort();
    await stream.next().catch(() => undefined);
    await scrapeUntil('voice_core_open_event_streams', (n) => n === 0);

    // A redis-server that hangs holds the commit: the gauge counts it while it waits, and drops back once answered.
    process.kill(redis.pid!, 'SIGSTOP');
    let held: Promise<unknown>;
    try {
      held = t.client.executePrimitive({
        objectiveType: 'capture_email_au',
        conversationId: `held-${randomUUID()}`,
        params: { transcription: 'jane@gmail.com' },
      });
      await scrapeUntil('voice_core_redis_commands_in_flight', (n) => n !== undefined && n >= 1);
    } finally {
      process.kill(redis.pid!, 'SIGCONT');
    }
    await expect(held).resolves.toMatchObject({ state: 'confirming', value: 'jane@gmail.com' });
    await scrapeUntil('voice_core_redis_commands_in_flight', (n) => n === 0);

    await redis.kill();
    await expect(
      t.client.executePrimitive({
        objectiveType: 'capture_email_au',
        conversationId: `down-${randomUUID()}`,
        params: { transcription: 'jane@gmail.com' },
      }),
    ).rejects.toMatchObject({ code: 14 });
    // The follower's own connection learns that Redis is gone from its socket closing, not from the failed commit.
    text = await scrapeUntil('voice_core_redis_follower_connections', (n) => n === 0);
    expect(sample(text, 'voice_core_redis_command_errors_total', 'operation="commit"')).toBe(1);
    expect(sample(text, 'voice_core_redis_follower_connections')).toBe(0);
  });
});
