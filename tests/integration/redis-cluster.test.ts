import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Event } from '../../generated/voice_core/voice_core';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import { describeWithRedisCluster, RedisCluster } from '../support/redis-cluster';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

/**
 * Voice Core on a real three-node Redis Cluster (made by redis-cli --cluster create), through real gRPC:
 * two servers, each with its own Cluster client, share captures and event streams.
 */
describeWithRedisCluster('Redis Cluster', () => {
  let cluster: RedisCluster;
  const stores: RedisStores[] = [];
  const servers: TestServer[] = [];

  beforeAll(async () => {
    cluster = await RedisCluster.start();
    for (let i = 0; i < 2; i++) {
      const s = createRedisStores({ clusterNodes: cluster.nodes.slice(i, i + 1), commandTimeoutMs: 1000 });
      stores.push(s);
      expect(await s.ready(10_000)).toBe(true);
      servers.push(await startTestServer({ core: { stores: s } }));
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
    await cluster?.stop();
  });

  function collect(client: TestClient, conversationId: string, count: number, fromSequence = 0) {
    const controller = new AbortController();
    const events: Event[] = [];
    const done = (async () => {
      for await (const r of client.streamEvents({ conversationId, fromSequence }, { signal: controller.signal })) {
        events.push(r.event!);
        if (events.length === count) break;
      }
    })();
    return { events, done, stop: () => controller.abort() };
  }

  async function captureAcross(conversationId: string): Promise<void> {
    const [a, b] = servers;
    const first = await a.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId,
      params: { transcription: 'j a n e dot doe at gmail dot com', confidence: '0.9' },
    });
    expect(first.state).toBe('confirming');
    const second = await b.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params: { confirmation: 'yes' } });
    expect(second).toMatchObject({ success: true, state: 'completed', value: 'jane.doe@gmail.com' });
  }

  test('a capture turn by turn across two servers, followed live on one of them and replayed on the other', async () => {
    const conversationId = `cluster-${randomUUID()}`;
    const live = collect(servers[1].client, conversationId, 10);
    // Let the subscription start before the first turn, so that its events arrive live.
    await new Promise((r) => setTimeout(r, 300));
    await captureAcross(conversationId);
    const position = await stores[0].events.position(conversationId);
    expect(position.last).toBeGreaterThan(1);
    while (live.events.length < position.last) await new Promise((r) => setTimeout(r, 20));
    live.stop();
    await live.done.catch(() => undefined);
    expect(live.events.map((e) => e.sequence)).toEqual(Array.from({ length: position.last }, (_, i) => i + 1));
    expect(live.events.at(-1)!.toState).toBe('completed');
    const replay = collect(servers[0].client, conversationId, position.last);
    await replay.done;
    expect(replay.events.map((e) => [e.sequence, e.toState, e.epoch])).toEqual(live.events.map((e) => [e.sequence, e.toState, e.epoch]));
  }, 30_000);

  test('one process follows conversations on every node with one subscriber connection per node, not one per stream', async () => {
    const conversations = Array.from({ length: 24 }, () => `fan-${randomUUID()}`);
    const followers = conversations.map((c) => collect(servers[1].client, c, 1));
    while (stores[1].followedStreamCount() < conversations.length) await new Promise((r) => setTimeout(r, 20));
    // The conversations' keys fall on all three nodes.
    const admin = new Redis(cluster.ports[0]);
    const slots = await Promise.all(conversations.map((c) => admin.call('CLUSTER', 'KEYSLOT', `vc:{default:${c}}:events`)));
    const owners = new Set(slots.map((slot) => Math.floor(Number(slot) / (16384 / 3))));
    admin.disconnect();
    expect(owners.size).toBe(3);
    for (const [i, c] of conversations.entries()) await stores[0].events.append(c, event(i));
    await Promise.all(followers.map((f) => f.done));
    expect(followers.map((f) => f.events[0].data.n)).toEqual(conversations.map((_, i) => String(i)));
    // Each follower that ends releases its stream; the last one of a stream drops it (and its SSUBSCRIBE).
    for (let waited = 0; stores[1].followedStreamCount() > 0 && waited < 3000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(stores[1].followedStreamCount()).toBe(0);
    // Per node: the command connections of the two processes and at most one subscriber connection each.
    for (const port of cluster.ports) {
      const node = new Redis(port);
      const clients = String(await node.call('CLIENT', 'LIST'))
        .split('\n')
        .filter((l) => l.trim() !== '');
      node.disconnect();
      expect(clients.length - 1).toBeLessThanOrEqual(4);
    }
  }, 30_000);
});

function event(n: number) {
  return { eventType: 'note', traceId: 't', objectiveType: 'x', fromState: 'a', toState: 'b', data: { n: String(n) } };
}
