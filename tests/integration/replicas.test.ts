import { randomUUID } from 'node:crypto';
import { ClientError, Status } from 'nice-grpc-common';
import { createVoiceCoreClient, VoiceCoreError, type VoiceCoreClient, type VoiceCoreEvent } from '../../src';
import { createRedisStores } from '../../src/runtime/redis/redis-stores';
import { eventually } from '../support/eventually';
import { describeWithRedis, freePort, RedisServer } from '../support/redis-server';
import { Replica } from '../support/replica';

/**
 * Several Voice Core processes on one real redis-server, as in production:
 * a capture moves between replicas, a stream follows from a third, a replica
 * is killed (-9) mid-stream, all are restarted, turns race, and Redis itself
 * goes away and comes back.
 */
const FAST = { 'grpc.initial_reconnect_backoff_ms': 50, 'grpc.max_reconnect_backoff_ms': 200 };

describeWithRedis('several replicas on one Redis', () => {
  let redis: RedisServer;
  let replicas: Replica[];
  const clients: VoiceCoreClient[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = { VOICE_CORE_REDIS_URL: redis.url, VOICE_CORE_REDIS_COMMAND_TIMEOUT_MS: '500', VOICE_CORE_DRAIN_TIMEOUT_MS: '1000' };
    replicas = await Promise.all(['A', 'B', 'C'].map(async (name) => new Replica(name, await freePort(), env)));
    await Promise.all(replicas.map((r) => r.start()));
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const r of replicas ?? []) {
      r.closeClient();
      await r.kill('SIGKILL');
    }
    await redis?.kill();
  });

  const sdk = (...targets: Replica[]): VoiceCoreClient => {
    const client = createVoiceCoreClient({
      useGrpc: true,
      endpoints: targets.map((r) => r.address),
      channelOptions: FAST,
      // Enough attempts to outlast restarting every replica (ts-node start-up is slow on a busy machine).
      streamRetry: { initialDelayMs: 50, maxDelayMs: 500, maxAttempts: 200 },
      circuitBreaker: { failureThreshold: 1000 },
    });
    clients.push(client);
    return client;
  };

  /** Collects a stream's events in the background until `until` says stop. */
  function follow(client: VoiceCoreClient, conversationId: string, until: (e: VoiceCoreEvent) => boolean) {
    const controller = new AbortController();
    const events: VoiceCoreEvent[] = [];
    const done = (async () => {
      for await (const e of client.streamEvents(conversationId, { signal: controller.signal })) {
        events.push(e);
        if (until(e)) break;
      }
    })();
    // Handled here too, so that a stream of a test that failed before awaiting it cannot end, once its client is
    // closed, as an unhandled rejection charged to another suite; awaiting `done` still sees the error.
    done.catch(() => undefined);
    return { events, done, stop: () => controller.abort() };
  }

  const completed = (e: VoiceCoreEvent): boolean => e.toState === 'completed';
  const sequences = (events: VoiceCoreEvent[]): number[] => events.map((e) => e.sequence);
  const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

  test('turn 1 on A, turn 2 on B completes the capture; C follows both turns in order', async () => {
    const [a, b, c] = replicas;
    const conversationId = `hop-${randomUUID()}`;
    const before = (await c.client.healthCheck({})).openStreams;
    const watcher = follow(sdk(c), conversationId, completed);
    // C serves the stream before A and B produce: it follows their events live, not only replays them.
    await eventually(
      'event streams open on C',
      async () => (await c.client.healthCheck({})).openStreams,
      (n) => n > before,
    );
    const first = await a.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId,
      params: { transcription: 'j a n e dot doe at gmail dot com', confidence: '0.9' },
    });
    expect(first).toMatchObject({ state: 'confirming', value: 'jane.doe@gmail.com' });
    const second = await b.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params: { confirmation: 'yes' } });
    expect(second).toMatchObject({ state: 'completed', success: true, value: 'jane.doe@gmail.com' });
    await watcher.done;
    expect(sequences(watcher.events)).toEqual(oneToN(watcher.events.length));
    expect(new Set(watcher.events.map((e) => e.epoch)).size).toBe(1);
    expect(watcher.events.at(-1)?.toState).toBe('completed');
    expect(watcher.events.map((e) => e.traceId)).toEqual(expect.arrayContaining([first.traceId, second.traceId]));
  }, 20_000);

  test('50 pairs of racing confirmations across two replicas: exactly one applies, the other is ABORTED or finds nothing to confirm', async () => {
    const [a, b] = replicas;
    const outcomes = { aborted: 0, nothingToConfirm: 0 };
    const raced: string[] = [];
    for (let i = 0; i < 50; i++) {
      const conversationId = `race-${i}-${randomUUID()}`;
      await a.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params: { transcription: 'jane@gmail.com' } });
      const results = await Promise.allSettled(
        [a, b].map((r) =>
          r.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params: { confirmation: 'yes' } }),
        ),
      );
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(fulfilled[0]).toMatchObject({ value: { state: 'completed', value: 'jane@gmail.com' } });
      expect(rejected).toHaveLength(1);
      const error = rejected[0].reason as ClientError;
      expect([Status.ABORTED, Status.FAILED_PRECONDITION]).toContain(error.code);
      if (error.code === Status.ABORTED) outcomes.aborted++;
      else outcomes.nothingToConfirm++;
      raced.push(conversationId);
    }
    // Exactly one completion was logged per conversation: never a lost update, never two turns merged.
    for (const events of await Promise.all(raced.map((c) => eventsOf(c)))) {
      expect(events.filter((e) => e.toState === 'completed')).toHaveLength(1);
      expect(events.map((e) => e.sequence)).toEqual(oneToN(events.length));
    }
    console.log(`racing turns: ${outcomes.aborted} ABORTED, ${outcomes.nothingToConfirm} serialised (FAILED_PRECONDITION), 0 lost updates`);
  }, 60_000);

  /** A conversation's whole log, read straight from Redis through the store (the same code every replica runs). */
  async function eventsOf(conversationId: string): Promise<Array<{ sequence: number; toState: string }>> {
    const stores = createRedisStores({ url: redis.url });
    try {
      await stores.ready(5000);
      const { last } = await stores.events.position(conversationId);
      const controller = new AbortController();
      const out: Array<{ sequence: number; toState: string }> = [];
      if (last === 0) return out;
      for await (const e of (await stores.events.subscribe(conversationId, 0, '', controller.signal)).events) {
        out.push({ sequence: e.sequence, toState: e.toState });
        if (out.length === last) break;
      }
      return out;
    } finally {
      await stores.close();
    }
  }

  test('kill -9 the replica serving a stream with calls in flight: the stream resumes on another, no loss, no duplicate', async () => {
    const [a, b] = replicas;
    const client = sdk(a, b);
    const conversationId = `kill-${randomUUID()}`;
    const watcher = follow(client, conversationId, completed);
    // Which replica serves the stream? Its log says.
    let serving: Replica | undefined;
    for (let i = 0; i < 100 && serving === undefined; i++) {
      await new Promise((r) => setTimeout(r, 20));
      serving = [a, b].find((r) => r.logged('StreamEvents subscribed', { conversation_id: conversationId }).length > 0);
    }
    expect(serving).toBeDefined();
    const survivor = serving === a ? b : a;
    const first = await client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId });
    expect(first.state).toBe('confirming');
    // Calls in flight on other conversations while the replica dies: each either completes or fails UNAVAILABLE.
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      client.executePrimitive(
        'capture_email_au',
        { transcription: 'jane@gmail.com', confirmation: 'yes' },
        { conversationId: `load-${i}-${randomUUID()}` },
      ),
    );
    await serving!.kill('SIGKILL');
    for (const settled of await Promise.allSettled(inFlight)) {
      if (settled.status === 'rejected') expect(settled.reason).toMatchObject({ code: 'UNAVAILABLE' });
    }
    // The caller's capture continues on the survivor.
    const second = await client.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId });
    expect(second).toMatchObject({ state: 'completed', value: 'jane@gmail.com' });
    await watcher.done;
    expect(sequences(watcher.events)).toEqual(oneToN(watcher.events.length));
    expect(new Set(watcher.events.map((e) => e.epoch)).size).toBe(1);
    expect(survivor.logged('StreamEvents subscribed', { conversation_id: conversationId }).length).toBeGreaterThan(0);
    // The killed replica comes back in the next test, which restarts them all.
  }, 30_000);

  test('restart every replica: the session continues and the stream resumes', async () => {
    const client = sdk(...replicas);
    const conversationId = `restart-${randomUUID()}`;
    const watcher = follow(client, conversationId, completed);
    const first = await client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId });
    expect(first.state).toBe('confirming');
    for (const r of replicas) if (r.alive) expect(await r.kill('SIGTERM')).toBe(0);
    await Promise.all(replicas.map((r) => r.start()));
    // Every replica was down: until the channel has reconnected to one (its backoff), a call fails UNAVAILABLE,
    // as the README says for a full outage; the caller retries. Nothing else may come back.
    const second = await eventually(
      'turn 2 after the restart',
      () =>
        client.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId }).catch((error: unknown) => {
          expect(error).toMatchObject({ code: 'UNAVAILABLE' });
          return undefined;
        }),
      (result) => result !== undefined,
      20_000,
    );
    expect(second).toMatchObject({ state: 'completed', value: 'jane@gmail.com' });
    await watcher.done;
    expect(sequences(watcher.events)).toEqual(oneToN(watcher.events.length));
    expect(new Set(watcher.events.map((e) => e.epoch)).size).toBe(1);
  }, 120_000);

  test('Redis stopped under load: UNAVAILABLE and NOT_SERVING while down, recovery afterwards, no crash, then EVENTS_LOST for a lost log', async () => {
    const [a] = replicas;
    const client = sdk(a);
    const before = `before-${randomUUID()}`;
    expect((await client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId: before })).state).toBe(
      'confirming',
    );
    const stream = follow(client, before, () => false);
    // Settled early, so that its rejection is never unhandled while the test is elsewhere.
    const streamEnd = stream.done.then(
      () => undefined,
      (error: unknown) => error,
    );
    // The stream has turn 1's events (so it knows the log's epoch) before Redis goes: else it would only
    // subscribe once Redis is back, to the new empty log, and never end.
    await eventually(
      'events the stream delivered',
      async () => stream.events.length,
      (n) => n > 0,
    );

    await redis.kill();
    const load = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId: `down-${i}` }),
      ),
    );
    for (const r of load) expect(r).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE' } });
    expect(await client.healthCheck()).toMatchObject({ serving: false });

    await redis.start();
    let recovered = false;
    for (let i = 0; i < 100 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 100));
      recovered = (await client.healthCheck().catch(() => ({ serving: false }))).serving;
    }
    expect(recovered).toBe(true);
    expect(
      await client.executePrimitive(
        'capture_email_au',
        { transcription: 'jane@gmail.com', confirmation: 'yes' },
        { conversationId: `after-${randomUUID()}` },
      ),
    ).toMatchObject({ state: 'completed' });
    // Redis came back empty: the session is gone (documented FAILED_PRECONDITION), and so is the log (EVENTS_LOST).
    await expect(client.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId: before })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    const ended = await streamEnd;
    expect(ended).toBeInstanceOf(VoiceCoreError);
    expect(ended).toMatchObject({ code: 'EVENTS_LOST' });
    expect(replicas.every((r) => r.alive)).toBe(true);
  }, 90_000);
});
