import { randomUUID } from 'node:crypto';
import { ClientError, Metadata, Status } from 'nice-grpc';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { RETRY_PUSHBACK_HEADER } from '../../src/headers';
import { eventually } from '../support/eventually';
import { slowPrimitive } from '../support/slow-primitive';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

/** Quotas and load shedding through real gRPC: refused at once with RESOURCE_EXHAUSTED and a pushback. */
const offer = (conversationId: string) => ({
  objectiveType: 'capture_email_au',
  conversationId,
  params: { transcription: 'jane at gmail dot com', confidence: '0.9' },
});

/** The call's error and trailers (it must fail). */
async function refusal(call: () => Promise<unknown>): Promise<{ error: ClientError; ms: number }> {
  const started = Date.now();
  try {
    await call();
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    return { error, ms: Date.now() - started };
  }
  throw new Error('the call was not refused');
}

/** Opens a stream and waits until its header (sent once subscribed) arrives; returns what cancels it. */
async function openStream(client: TestClient, conversationId: string): Promise<{ cancel: () => void; done: Promise<unknown> }> {
  const controller = new AbortController();
  let subscribed!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    subscribed = resolve;
    failed = reject;
  });
  const done = (async () => {
    for await (const _ of client.streamEvents({ conversationId }, { signal: controller.signal, onHeader: () => subscribed() })) {
      // events are not needed here
    }
  })().catch((error: unknown) => {
    failed(error);
    return error;
  });
  await ready;
  return { cancel: () => controller.abort(), done };
}

describe('per-tenant calls per second', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { tenantCallsPerSecond: 20 } });
  });
  afterAll(async () => {
    await t.close();
  });

  test('calls over the quota are refused at once with RESOURCE_EXHAUSTED and grpc-retry-pushback-ms', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => {
        const trailers = { value: Metadata() };
        return t.client
          .executePrimitive(offer(randomUUID()), { onTrailer: (m) => (trailers.value = m) })
          .catch((error: unknown) => Promise.reject({ error, trailers: trailers.value }));
      }),
    );
    const served = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { error: ClientError; trailers: Metadata }] : []));
    expect(served).toHaveLength(20);
    expect(refused).toHaveLength(20);
    for (const { error, trailers } of refused) {
      expect(error.code).toBe(Status.RESOURCE_EXHAUSTED);
      expect(error.details).toMatch(/20 calls per second/);
      const pushback = Number(trailers.get(RETRY_PUSHBACK_HEADER));
      expect(pushback).toBeGreaterThan(0);
      expect(pushback).toBeLessThanOrEqual(1000);
    }
    // The next second has a fresh quota.
    await new Promise((r) => setTimeout(r, 1100));
    await expect(t.client.executePrimitive(offer(randomUUID()))).resolves.toMatchObject({ state: 'confirming' });
  });
});

describe('calls in flight', () => {
  let t: TestServer;
  beforeAll(async () => {
    const registry = createDefaultRegistry().register('test_slow', slowPrimitive());
    t = await startTestServer({ core: { registry }, limits: { maxInFlight: 3 } });
  });
  afterAll(async () => {
    await t.close();
  });

  test('past the global cap a call is shed at once, and served again once calls finish', async () => {
    const slow = Array.from({ length: 3 }, () =>
      t.client.executePrimitive({ objectiveType: 'test_slow', conversationId: randomUUID(), params: { delay_ms: '700' } }),
    );
    await eventually(
      'calls in flight',
      async () => t.server.limits.callsInFlight,
      (n) => n === 3,
    );
    let trailers = Metadata();
    const { error, ms } = await refusal(() => t.client.executePrimitive(offer(randomUUID()), { onTrailer: (m) => (trailers = m) }));
    expect(error.code).toBe(Status.RESOURCE_EXHAUSTED);
    expect(error.details).toMatch(/limit of 3 calls/);
    expect(Number(trailers.get(RETRY_PUSHBACK_HEADER))).toBeGreaterThan(0);
    expect(ms).toBeLessThan(300);
    // Health still answers while calls are shed.
    await expect(t.client.healthCheck({})).resolves.toBeDefined();
    await Promise.all(slow);
    expect(t.server.limits.callsInFlight).toBe(0);
    await expect(t.client.executePrimitive(offer(randomUUID()))).resolves.toMatchObject({ state: 'confirming' });
  });
});

describe('event stream caps', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { tenantMaxStreams: 6, maxStreamsPerConversation: 2, maxStreamsPerConnection: 4 } });
  });
  afterAll(async () => {
    await t.close();
  });

  const streamRefusal = async (client: TestClient, conversationId: string): Promise<{ error: ClientError; trailers: Metadata }> => {
    let trailers = Metadata();
    const { error } = await refusal(async () => {
      for await (const _ of client.streamEvents({ conversationId }, { onTrailer: (m) => (trailers = m) })) {
        // a refused stream yields nothing
      }
    });
    return { error, trailers };
  };

  test('per conversation, per connection and per tenant, each refused with a pushback; closing one frees its place', async () => {
    const c = randomUUID();
    const two = [await openStream(t.client, c), await openStream(t.client, c)];
    const perConversation = await streamRefusal(t.client, c);
    expect(perConversation.error.code).toBe(Status.RESOURCE_EXHAUSTED);
    expect(perConversation.error.details).toMatch(/conversation_id already has 2 event streams/);
    expect(Number(perConversation.trailers.get(RETRY_PUSHBACK_HEADER))).toBeGreaterThan(0);

    const more = [await openStream(t.client, randomUUID()), await openStream(t.client, randomUUID())];
    const perConnection = await streamRefusal(t.client, randomUUID());
    expect(perConnection.error.details).toMatch(/this connection holds its limit of 4/);

    // A second connection (another channel) may open more, up to the tenant's cap of 6.
    const other = await startTestServerClient(t);
    const onOther = [await openStream(other.client, randomUUID()), await openStream(other.client, randomUUID())];
    const perTenant = await streamRefusal(other.client, randomUUID());
    expect(perTenant.error.details).toMatch(/tenant holds its limit of 6 event streams/);

    two[0].cancel();
    await two[0].done;
    await eventually(
      "the tenant's streams",
      async () => t.server.limits.streamsOf('default'),
      (n) => n <= 5,
    );
    const again = await openStream(t.client, c);
    for (const s of [two[1], ...more, ...onOther, again]) {
      s.cancel();
      await s.done;
    }
    other.close();
    await eventually(
      "the tenant's streams",
      async () => t.server.limits.streamsOf('default'),
      (n) => n === 0,
    );
  });
});

/** A second client on its own channel (its own connection) to the same server. */
async function startTestServerClient(t: TestServer): Promise<{ client: TestClient; close: () => void }> {
  const { createChannel, createClientFactory } = await import('nice-grpc');
  const { VoiceCoreServiceDefinition } = await import('../../generated/voice_core/voice_core');
  // Its own subchannel pool: otherwise grpc-js shares one connection between channels to the same address.
  const channel = createChannel(t.address, undefined, { 'grpc.use_local_subchannel_pool': 1 });
  const client = createClientFactory().create(VoiceCoreServiceDefinition, channel) as unknown as TestClient;
  return { client, close: () => channel.close() };
}
