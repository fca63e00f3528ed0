/**
 * Event streaming: events/s delivered to 1 and to 100 subscribers, and server memory per idle
 * subscriber with 1000 streams open. The server runs on one core; producer and subscribers
 * (bare nice-grpc clients) run in this process, on the other.
 */
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { createChannel, createClient, type Channel } from 'nice-grpc';
import { ExecutePrimitiveRequest, VoiceCoreServiceDefinition } from '../generated/voice_core/voice_core';
import { freePort, LOAD_CPU, pinSelf, SERVER_CPU, spawnPinned, spawnVoiceCoreOnRedis, waitUntil } from './lib';
import { SEED_REQUEST } from './server-throughput';

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
}

export interface StreamingResult {
  subscribers: number;
  eventsPerSubscriber: number;
  /** Events per second each subscriber received. */
  eventsPerSecondEach: number;
  /** Deliveries per second across all subscribers. */
  deliveriesPerSecond: number;
}

/**
 * Fills a conversation's log with `calls` × 5 events, then has `subscribers` streams replay it
 * from the start: the time until every subscriber has every event measures delivery alone,
 * not how fast events are produced.
 */
async function deliver(channel: Channel, subscribers: number, calls: number): Promise<StreamingResult> {
  const client = createClient(VoiceCoreServiceDefinition, channel);
  const conversationId = `stream-${subscribers}-${Date.now()}`;
  const expected = calls * 5;
  const request = ExecutePrimitiveRequest.fromJSON({ ...SEED_REQUEST, conversation_id: conversationId });
  let sent = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (sent < calls) {
        sent++;
        await client.executePrimitive(request);
      }
    }),
  );
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: subscribers }, async () => {
      let received = 0;
      try {
        for await (const { event } of client.streamEvents({ conversationId }, { signal: controller.signal })) {
          if (event !== undefined) received++;
          if (received === expected) break;
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      }
      return received;
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  controller.abort();
  if (counts.some((c) => c !== expected)) throw new Error(`a subscriber missed events: ${counts.join(',')}`);
  return {
    subscribers,
    eventsPerSubscriber: expected,
    eventsPerSecondEach: expected / seconds,
    deliveriesPerSecond: (expected * subscribers) / seconds,
  };
}

export async function benchEventStreaming(
  options: {
    redis?: boolean;
    idleStreams?: number;
    /** Calls (5 events each) replayed to 1 subscriber and to 100: 10 000 and 1000 unless given (smaller in the smoke test). */
    calls?: { one: number; hundred: number };
    /** Pin this process to the load CPU (default true; the smoke test leaves its Jest worker where it is). */
    pinned?: boolean;
  } = {},
): Promise<{ delivery: StreamingResult[]; idleSubscriberBytes: number; idleStreams: number }> {
  if (options.pinned !== false) pinSelf(LOAD_CPU);
  const port = await freePort();
  const idleStreams = options.idleStreams ?? 1000;
  // The stream limits raised above what the run opens (the defaults, 100 concurrent streams and 50 event
  // streams a connection, 32 a conversation, 1000 a tenant, would refuse it): what is measured is a stream's
  // own cost, on one connection as before the limits existed. Retention large enough that no subscriber of
  // the run falls behind it.
  const streamCap = String(idleStreams + 200);
  const env = {
    VOICE_CORE_LOG_LEVEL: 'warn',
    VOICE_CORE_EVENTS_PER_CONVERSATION: '100000',
    VOICE_CORE_MAX_CONCURRENT_STREAMS: streamCap,
    VOICE_CORE_MAX_STREAMS_PER_CONNECTION: streamCap,
    VOICE_CORE_MAX_STREAMS_PER_CONVERSATION: '200',
    VOICE_CORE_TENANT_MAX_STREAMS: streamCap,
  };
  const server =
    options.redis === true
      ? await spawnVoiceCoreOnRedis(port, env)
      : spawnPinned(SERVER_CPU, process.execPath, ['dist/src/cli/main.js', 'serve', '--host', '127.0.0.1', '--port', String(port)], env);
  const channel = createChannel(`127.0.0.1:${port}`, undefined, { 'grpc-node.max_session_memory': 1024 });
  try {
    const client = createClient(VoiceCoreServiceDefinition, channel);
    await waitUntil(async () => (await client.healthCheck({})).status === 1);
    // Memory first, on a server whose heap has not yet grown for the delivery runs.
    for (let i = 0; i < 200; i++) await client.executePrimitive(ExecutePrimitiveRequest.fromJSON(SEED_REQUEST));
    const pid = server.child.pid!;
    // The idle streams get their own connection: cancelling 1000 streams one by one looks like an HTTP/2
    // rapid-reset attack, and Node's protection against it may close that session, which must not be the one
    // the delivery runs use. They are cancelled, not just left to a closed channel, which keeps its calls
    // running (for about a minute here): the server has dropped them before the delivery runs start.
    const idleChannel = createChannel(`127.0.0.1:${port}`);
    const idleClient = createClient(VoiceCoreServiceDefinition, idleChannel);
    const idle = new AbortController();
    setMaxListeners(0, idle.signal);
    let open = 0;
    const before = rssKb(pid);
    const streams = Array.from({ length: idleStreams }, (_, i) =>
      (async () => {
        for await (const _ of idleClient.streamEvents({ conversationId: `idle-${i}` }, { onHeader: () => open++, signal: idle.signal })) {
          // idle: no event arrives
        }
      })().catch(() => undefined),
    );
    await waitUntil(async () => open === idleStreams, 120_000).catch(() => {
      throw new Error(`only ${open} of ${idleStreams} idle streams opened (a stream limit refused the others?)`);
    });
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssKb(pid);
    idle.abort();
    idleChannel.close();
    await Promise.all(streams);
    const calls = options.calls ?? { one: 10_000, hundred: 1000 };
    await deliver(channel, 1, Math.min(500, calls.one)); // warm-up
    const delivery = [await deliver(channel, 1, calls.one), await deliver(channel, 100, calls.hundred)];

    return { delivery, idleSubscriberBytes: ((after - before) * 1024) / idleStreams, idleStreams };
  } finally {
    channel.close();
    await server.stop();
  }
}

if (require.main === module) {
  void benchEventStreaming().then((r) => console.log(JSON.stringify(r, null, 2)));
}
