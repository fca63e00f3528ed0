import http2 from 'node:http2';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { ClientError, createChannel, createClientFactory, Metadata, Status } from 'nice-grpc';
import { VoiceCoreServiceDefinition } from '../../generated/voice_core/voice_core';
import { eventually } from '../support/eventually';
import { startTestServer, type TestServer } from '../support/test-server';

/** HTTP/2 and gRPC limits of the server's connections, through real gRPC on a real socket (finding 3). */
const offer = (conversationId: string, params: Record<string, string> = {}) => ({
  objectiveType: 'capture_email_au',
  conversationId,
  params: { transcription: 'jane at gmail dot com', confidence: '0.9', ...params },
});

const healthy = async (t: TestServer): Promise<void> => {
  await expect(t.client.executePrimitive(offer(randomUUID()))).resolves.toMatchObject({ state: 'confirming' });
};

describe('HTTP/2 and gRPC limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      channel: { maxConnectionIdleMs: 400, maxConcurrentStreams: 4 },
      // Streams per connection above the HTTP/2 limit, so that it is HTTP/2 that holds them back here.
      limits: { maxStreamsPerConnection: 100 },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  test('an idle connection is closed after the idle limit', async () => {
    const session = http2.connect(`http://${t.address}`);
    const closed = new Promise<number>((resolve) => session.on('goaway', () => resolve(Date.now())));
    const started = await new Promise<number>((resolve) => session.on('connect', () => resolve(Date.now())));
    const at = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 3000))]);
    session.destroy();
    expect(at).not.toBe(-1);
    expect(at - started).toBeGreaterThanOrEqual(300);
    await healthy(t);
  });

  test('plain TCP connections that never speak HTTP/2 are closed after the idle limit too, and the server serves on', async () => {
    // Finding 3b: idle sockets held open until the fd limit starved every legitimate caller.
    const [host, port] = [t.address.split(':')[0], Number(t.address.split(':')[1])];
    const sockets = await Promise.all(
      Array.from(
        { length: 50 },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(port, host, () => resolve(socket));
            socket.once('error', reject);
          }),
      ),
    );
    const opened = Date.now();
    const closedAt = sockets.map(
      (socket) =>
        new Promise<number>((resolve) => {
          socket.on('error', () => undefined);
          socket.once('close', () => resolve(Date.now()));
          socket.resume();
        }),
    );
    const limit = new Promise<number>((r) => setTimeout(() => r(-1), 5000));
    const closed = await Promise.all(closedAt.map((at) => Promise.race([at, limit])));
    for (const socket of sockets) socket.destroy();
    expect(closed.filter((at) => at === -1)).toHaveLength(0);
    expect(Math.min(...closed) - opened).toBeGreaterThanOrEqual(300);
    await healthy(t);
  });

  test('the server advertises its stream limit, and streams beyond it wait rather than all being accepted', async () => {
    const session = http2.connect(`http://${t.address}`);
    const settings = await new Promise<http2.Settings>((resolve) => session.once('remoteSettings', resolve));
    session.destroy();
    expect(settings.maxConcurrentStreams).toBe(4);

    // Ten streams on one connection: at most four are open at the server at any time.
    const channel = createChannel(t.address, undefined, { 'grpc.use_local_subchannel_pool': 1 });
    const client = createClientFactory().create(VoiceCoreServiceDefinition, channel);
    const controller = new AbortController();
    const streams = Array.from({ length: 10 }, () =>
      (async () => {
        for await (const _ of client.streamEvents({ conversationId: randomUUID() }, { signal: controller.signal })) {
          // nothing is appended to these conversations
        }
      })().catch(() => undefined),
    );
    // Four reach the server and open their subscriptions a moment after the calls start (longer on a loaded
    // machine); then, while those four are held, no fifth may come in.
    const open = async () => [t.server.limits.streamsOf('default'), t.server.core.events.openSubscriptions].join();
    await eventually('streams counted, subscriptions open', open, (counts) => counts === '4,4');
    await new Promise((r) => setTimeout(r, 500));
    expect(t.server.limits.streamsOf('default')).toBe(4);
    expect(t.server.core.events.openSubscriptions).toBe(4);
    controller.abort();
    await Promise.all(streams);
    channel.close();
    await healthy(t);
  });

  test('a message over 64 KiB gets RESOURCE_EXHAUSTED', async () => {
    const params = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`padding_${i}`, 'x'.repeat(4000)]));
    const error = await t.client.executePrimitive(offer(randomUUID(), params)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(Status.RESOURCE_EXHAUSTED);
    await healthy(t);
  });

  test('metadata over 16 KiB is refused with RESOURCE_EXHAUSTED, on unary calls and streams', async () => {
    const metadata = Metadata({ 'x-padding': 'x'.repeat(20 * 1024) });
    const unary = await t.client.executePrimitive(offer(randomUUID()), { metadata }).catch((e: unknown) => e);
    expect(unary).toMatchObject({ code: Status.RESOURCE_EXHAUSTED });
    expect((unary as ClientError).details).toMatch(/metadata is \d+ bytes; at most 16384/);
    const stream = await (async () => {
      for await (const _ of t.client.streamEvents({ conversationId: randomUUID() }, { metadata })) {
        // refused before any event
      }
    })().catch((e: unknown) => e);
    expect(stream).toMatchObject({ code: Status.RESOURCE_EXHAUSTED });
    await healthy(t);
  });

  test('metadata far over the limit (past HTTP/2 header limits) is reset by HTTP/2 without harm to the server', async () => {
    const metadata = Metadata({ 'x-padding': 'x'.repeat(200 * 1024) });
    const error = await t.client.executePrimitive(offer(randomUUID()), { metadata }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    // Node's HTTP/2 resets the stream before any gRPC handler sees it; grpc-js reports the reset as it can.
    expect((error as ClientError).details).toMatch(/RST_STREAM/);
    await healthy(t);
  });
});
