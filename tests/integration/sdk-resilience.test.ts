import { createServer, type Server } from 'node:net';
import http2 from 'node:http2';
import { createVoiceCoreClient, VoiceCoreError, type VoiceCoreClient, type VoiceCoreEvent } from '../../src';
import { startVoiceCoreServer, type RunningServer } from '../../src/server/server';
import { silentLogger } from '../../src/runtime/logger';
import { eventually } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';

const RECONNECT_FAST = { 'grpc.initial_reconnect_backoff_ms': 50, 'grpc.max_reconnect_backoff_ms': 100 };

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

function serve(port: number): Promise<RunningServer> {
  return startVoiceCoreServer({ address: `127.0.0.1:${port}`, logger: silentLogger, drainTimeoutMs: 500 });
}

/** A client whose streams keep retrying long enough to reach a server restarted on the same port. */
const restartTolerantClient = (port: number): VoiceCoreClient =>
  createVoiceCoreClient({
    useGrpc: true,
    endpoint: `127.0.0.1:${port}`,
    channelOptions: RECONNECT_FAST,
    streamRetry: { initialDelayMs: 50, maxDelayMs: 200, maxAttempts: 10 },
  });

const capture = (client: VoiceCoreClient, conversationId: string) =>
  client.executePrimitive(
    'capture_email_au',
    { transcription: 'jane@gmail.com', confirmation: 'yes' },
    { conversationId, timeoutSeconds: 2 },
  );

describe('circuit breaker against a real server', () => {
  test('opens after exactly 5 failures with the server stopped, fails fast without the network, closes after 2 successes once it is back', async () => {
    const port = await freePort();
    let now = 0;
    const client = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `127.0.0.1:${port}`,
      channelOptions: RECONNECT_FAST,
      circuitBreaker: { now: () => now, cooldownMs: 5000 },
    });
    const changes: string[] = [];
    client.onCircuitStateChange((c) => changes.push(`${c.from}>${c.to}`));
    try {
      // The server is stopped: every call fails UNAVAILABLE until the fifth opens the circuit.
      for (let i = 1; i <= 5; i++) {
        await expect(capture(client, `cb-${i}`)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
        expect(client.circuitState().state).toBe(i < 5 ? 'closed' : 'open');
      }

      // Open: calls are refused at once and none reaches the network. An HTTP/2 listener on the port counts
      // the calls (streams) that arrive. (grpc-js may reconnect the idle channel by itself; that is not a call.)
      const listener = http2.createServer();
      const sessions = new Set<http2.ServerHttp2Session>();
      listener.on('session', (session) => sessions.add(session));
      let calls = 0;
      listener.on('stream', (stream) => {
        calls++;
        stream.close();
      });
      await new Promise<void>((r) => listener.listen(port, '127.0.0.1', r));
      const started = process.hrtime.bigint();
      for (let i = 0; i < 100; i++) {
        const error = await capture(client, 'cb-open').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VoiceCoreError);
        expect(error).toMatchObject({ code: 'CIRCUIT_BREAKER_OPEN', retryAfterMs: 5000 });
      }
      const perCallMs = Number(process.hrtime.bigint() - started) / 1e6 / 100;
      expect(perCallMs).toBeLessThan(5);
      await new Promise((r) => setTimeout(r, 200));
      expect(calls).toBe(0);
      for (const session of sessions) session.destroy();
      await new Promise<void>((r) => listener.close(() => r()));
      expect(client.circuitState().counters).toMatchObject({ permitted: 5, failures: 5, rejected: 100 });

      // The server comes back; after the cooldown, two successful probes close the circuit.
      const server = await serve(port);
      try {
        now += 5000;
        await expect(capture(client, 'cb-probe-1')).resolves.toMatchObject({ success: true });
        expect(client.circuitState().state).toBe('half-open');
        await expect(capture(client, 'cb-probe-2')).resolves.toMatchObject({ success: true });
        expect(client.circuitState().state).toBe('closed');
        expect(changes).toEqual(['closed>open', 'open>half-open', 'half-open>closed']);
      } finally {
        await server.shutdown();
      }
    } finally {
      client.close();
    }
  }, 30_000);

  test('resetCircuitBreaker closes an open circuit', async () => {
    const port = await freePort();
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${port}` });
    try {
      for (let i = 0; i < 5; i++) await capture(client, 'r').catch(() => undefined);
      expect(client.circuitState().state).toBe('open');
      client.resetCircuitBreaker();
      expect(client.circuitState().state).toBe('closed');
    } finally {
      client.close();
    }
  });
});

describe('resumable event streams against a real server', () => {
  async function read(
    iterable: AsyncIterable<VoiceCoreEvent>,
    count: number,
    controller: AbortController,
    onEach?: (e: VoiceCoreEvent) => Promise<void> | void,
  ) {
    const events: VoiceCoreEvent[] = [];
    for await (const event of iterable) {
      events.push(event);
      await onEach?.(event);
      if (events.length === count) controller.abort();
    }
    return events;
  }

  test('a dropped connection is resumed from the last delivered event: no loss, no duplicate', async () => {
    const server = await serve(0);
    const proxy = await new TcpProxy(server.port).start();
    const writer = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${server.port}` });
    const reader = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `127.0.0.1:${proxy.port}`,
      channelOptions: RECONNECT_FAST,
      streamRetry: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    try {
      const controller = new AbortController();
      const reading = read(reader.streamEvents('resume-1', { signal: controller.signal }), 15, controller, async (event) => {
        if (event.sequence === 5) {
          // Cut the connection, and append events while the reader is away.
          proxy.drop();
          await capture(writer, 'resume-1');
        }
      });
      await capture(writer, 'resume-1');
      await eventually(
        'connections through the proxy',
        async () => proxy.connections,
        (n) => n >= 2,
      );
      await capture(writer, 'resume-1');
      const events = await reading;
      expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect(new Set(events.map((e) => e.epoch)).size).toBe(1);
      expect(proxy.connections).toBeGreaterThanOrEqual(2);
    } finally {
      reader.close();
      writer.close();
      await proxy.stop();
      await server.shutdown();
    }
  }, 20_000);

  test('after a server restart with the in-memory log, resuming fails with EVENTS_LOST instead of skipping', async () => {
    const port = await freePort();
    let server = await serve(port);
    const client = restartTolerantClient(port);
    try {
      await capture(client, 'restart-1');
      const controller = new AbortController();
      const seen: number[] = [];
      const outcome = (async () => {
        for await (const event of client.streamEvents('restart-1', { signal: controller.signal })) {
          seen.push(event.sequence);
          if (event.sequence === 5) {
            await server.shutdown();
            server = await serve(port);
            await capture(client, 'restart-1'); // the new log has sequences 1..5 again, in a new epoch
          }
        }
      })().catch((e: unknown) => e);
      const error = await outcome;
      expect(error).toBeInstanceOf(VoiceCoreError);
      expect(error).toMatchObject({ code: 'EVENTS_LOST' });
      expect(seen).toEqual([1, 2, 3, 4, 5]);
    } finally {
      client.close();
      await server.shutdown();
    }
  }, 20_000);

  test('a subscriber that saw no event yet still detects a restart, through the epoch header', async () => {
    const port = await freePort();
    let server = await serve(port);
    const client = restartTolerantClient(port);
    try {
      const outcome = (async () => {
        for await (const _ of client.streamEvents('restart-2')) {
          // no event arrives before the restart
        }
      })().catch((e: unknown) => e);
      // The stream is served (and its epoch header sent) before the restart: else it would just start on the new server.
      await eventually(
        'event streams open on the server',
        async () => server.core.events.openSubscriptions,
        (n) => n === 1,
      );
      await server.shutdown();
      server = await serve(port);
      expect(await outcome).toMatchObject({ code: 'EVENTS_LOST' });
    } finally {
      client.close();
      await server.shutdown();
    }
  }, 20_000);

  test('gives up with a typed error after a bounded number of attempts', async () => {
    const server = await serve(0);
    const client = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `127.0.0.1:${server.port}`,
      channelOptions: RECONNECT_FAST,
      streamRetry: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 3 },
    });
    try {
      const outcome = (async () => {
        for await (const _ of client.streamEvents('gone-1')) {
          // nothing
        }
      })().catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 100));
      await server.shutdown();
      const error = await outcome;
      expect(error).toMatchObject({ code: 'STREAM_RETRIES_EXHAUSTED', message: expect.stringMatching(/after 3 attempts/) });
    } finally {
      client.close();
    }
  }, 20_000);

  test('aborting the signal ends iteration quietly and closes the call', async () => {
    const server = await serve(0);
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${server.port}` });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const events = [];
      for await (const event of client.streamEvents('quiet-1', { signal: controller.signal })) events.push(event);
      expect(events).toEqual([]);
    } finally {
      client.close();
      await server.shutdown();
    }
  });
});
