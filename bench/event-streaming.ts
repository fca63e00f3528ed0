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
  options: { redis?: boolean; idleStreams?: number } = {},
): Promise<{ delivery: StreamingResult[]; idleSubscriberBytes: number; idleStreams: number }> {
  pinSelf(LOAD_CPU);
  const port = await freePort();
  // Retention large enough that no subscriber of the run falls behind it.
  const env = { VOICE_CORE_LOG_LEVEL: 'warn', VOICE_CORE_EVENTS_PER_CONVERSATION: '100000' };
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
    const idleStreams = options.idleStreams ?? 1000;
    // The idle streams get their own connection, closed as a whole afterwards: cancelling
    // 1000 streams one by one looks like an HTTP/2 rapid-reset attack, and Node's
    // protection against it would close the session the delivery runs use.
    const idleChannel = createChannel(`127.0.0.1:${port}`);
    const idleClient = createClient(VoiceCoreServiceDefinition, idleChannel);
    let open = 0;
    const before = rssKb(pid);
    const streams = Array.from({ length: idleStreams }, (_, i) =>
      (async () => {
        for await (const _ of idleClient.streamEvents({ conversationId: `idle-${i}` }, { onHeader: () => open++ })) {
          // idle: no event arrives
        }
      })().catch(() => undefined),
    );
    await waitUntil(async () => open === idleStreams, 120_000);
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssKb(pid);
    idleChannel.close();
    await Promise.all(streams);
    await deliver(channel, 1, 500); // warm-up
    const delivery = [await deliver(channel, 1, 10_000), await deliver(channel, 100, 1000)];

    return { delivery, idleSubscriberBytes: ((after - before) * 1024) / idleStreams, idleStreams };
  } finally {
    channel.close();
    await server.stop();
  }
}

if (require.main === module) {
  void benchEventStreaming().then((r) => console.log(JSON.stringify(r, null, 2)));
}
