import http2 from 'node:http2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerCredentials } from '@grpc/grpc-js';
import { ChannelCredentials, createVoiceCoreClient, VoiceCoreError } from '../../src';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { slowPrimitive } from '../support/slow-primitive';
import { spawnFixtureServer } from '../support/fixture-server';
import { serverWithSdk } from '../support/server-with-sdk';
import { startTestServer } from '../support/test-server';

describe('VoiceCoreClient over real gRPC', () => {
  const slow = { aborted: 0, finished: 0 };
  const t = serverWithSdk({ core: { registry: createDefaultRegistry().register('test_slow', slowPrimitive(slow)) } });

  test('executes a known primitive with typed params and returns a typed result', async () => {
    const result = await t.sdk.executePrimitive(
      'capture_email_au',
      { transcription: 'jane@gmail.com', confidence: 0.85, confirmation: 'yes' },
      { conversationId: 'sdk-1', traceId: 'trace-sdk-1', purpose: 'Test' },
    );
    expect(result).toMatchObject({
      success: true,
      value: 'jane@gmail.com',
      state: 'completed',
      traceId: 'trace-sdk-1',
      conversationId: 'sdk-1',
      objectiveType: 'capture_email_au',
      metadata: { confidence: 0.85, retryCount: 0, state: 'completed' },
    });
    expect(result.error).toBeUndefined();
  });

  test('domain outcomes are results: a turn that needs confirmation, then one that confirms', async () => {
    const first = await t.sdk.executePrimitive(
      'capture_email_au',
      { transcription: 'jane at hotmail dot com dot au' },
      { conversationId: 'sdk-2' },
    );
    expect(first).toMatchObject({ success: false, state: 'confirming', value: 'jane@hotmail.com.au' });
    const low = await t.sdk.executePrimitive('capture_email_au', { confirmation: 'yes', confidence: 0.1 }, { conversationId: 'sdk-2' });
    expect(low.error).toEqual({ code: 'LOW_CONFIDENCE', message: expect.any(String) });
    const done = await t.sdk.executePrimitive('capture_email_au', { confirmation: 'yes', confidence: 0.9 }, { conversationId: 'sdk-2' });
    expect(done).toMatchObject({ success: true, state: 'completed' });
  });

  test('custom objective types take a string map', async () => {
    const result = await t.sdk.executePrimitive('test_slow', { delay_ms: '10' }, { conversationId: 'sdk-3', timeoutSeconds: 2 });
    expect(result).toMatchObject({ success: true, value: 'slept 10 ms' });
  });

  test('the trace id travels client → server → response → events → logs', async () => {
    const result = await t.sdk.executePrimitive(
      'capture_email_au',
      { transcription: 'bob@gmail.com', confirmation: 'yes' },
      { conversationId: 'sdk-4', traceId: 'trace-journey' },
    );
    expect(result.traceId).toBe('trace-journey');
    const events = [];
    const controller = new AbortController();
    for await (const event of t.sdk.streamEvents('sdk-4', { signal: controller.signal })) {
      events.push(event);
      if (events.length === 5) controller.abort();
    }
    expect(events.map((e) => e.traceId)).toEqual(Array(5).fill('trace-journey'));
    expect(t.logs.some((l) => l.msg === 'ExecutePrimitive' && l.trace_id === 'trace-journey')).toBe(true);
  });

  test('a trace id is generated when none is given, and returned on errors too', async () => {
    const result = await t.sdk.executePrimitive('capture_email_au', {}, { conversationId: 'sdk-5' });
    expect(result.traceId).toMatch(/^[0-9a-f-]{36}$/);
    const error = await t.sdk
      .executePrimitive('capture_nothing', {}, { conversationId: 'sdk-5', traceId: 'trace-err' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoiceCoreError);
    expect(error).toMatchObject({ code: 'UNKNOWN_PRIMITIVE', traceId: 'trace-err', grpcStatus: 5 });
  });

  test('caller errors are typed and name the field', async () => {
    await expect(t.sdk.executePrimitive('capture_email_au', { confidence: 7 }, { conversationId: 'sdk-6' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('params.confidence'),
    });
    await expect(t.sdk.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId: 'sdk-6b' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await expect(t.sdk.executePrimitive('capture_email_au', {}, { conversationId: 'sdk-6', timeoutSeconds: -5 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('timeout_seconds'),
    });
    expect(t.sdk.circuitState().state).toBe('closed');
  });

  test("the primitive's own time budget gives a TIMEOUT result, not an error", async () => {
    const result = await t.sdk.executePrimitive('test_slow', { delay_ms: '5000' }, { conversationId: 'sdk-7', timeoutSeconds: 0.1 });
    expect(result.error?.code).toBe('TIMEOUT');
  });

  test("the caller's AbortSignal cancels the call; cancellations never trip the breaker", async () => {
    const before = slow.aborted;
    for (let i = 0; i < 6; i++) {
      const controller = new AbortController();
      const call = t.sdk.executePrimitive('test_slow', { delay_ms: '5000' }, { conversationId: `sdk-8-${i}`, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    }
    expect(t.sdk.circuitState()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    await waitFor(() => slow.aborted - before === 6);
  });

  test('healthCheck', async () => {
    const health = await t.sdk.healthCheck();
    expect(health.serving).toBe(true);
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('deadlines', () => {
  test('every call carries its deadline to the server as grpc-timeout, and its trace-id header', async () => {
    const seen: http2.IncomingHttpHeaders[] = [];
    const server = http2.createServer();
    server.on('stream', (stream, headers) => {
      seen.push(headers);
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '14', 'grpc-message': 'recorded' }));
      stream.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${port}` });
    try {
      await client
        .executePrimitive('capture_email_au', {}, { conversationId: 'd-1', traceId: 'trace-deadline', timeoutSeconds: 12 })
        .catch(() => undefined);
      await client.executePrimitive('capture_email_au', {}, { conversationId: 'd-2' }).catch(() => undefined);
    } finally {
      client.close();
      server.close();
    }
    const timeouts = seen.map((h) => h['grpc-timeout']);
    // 12 s budget + 1 s margin; the default 30 s budget + 1 s margin. Sent in ms, a few ms already spent.
    expect(Number(String(timeouts[0]).replace(/m$/, ''))).toBeGreaterThan(12_900);
    expect(Number(String(timeouts[0]).replace(/m$/, ''))).toBeLessThanOrEqual(13_000);
    expect(Number(String(timeouts[1]).replace(/m$/, ''))).toBeGreaterThan(30_900);
    expect(seen[0]['trace-id']).toBe('trace-deadline');
    expect(seen[1]['trace-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a deadline exceeded gives TIMEOUT (an overloaded server in its own process)', async () => {
    const server = await spawnFixtureServer();
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${server.port}`, deadlineMarginMs: 200 });
    try {
      const started = Date.now();
      const error = await client
        .executePrimitive('test_busy', { busy_ms: '1500' }, { conversationId: 'd-3', timeoutSeconds: 0.1, traceId: 'trace-busy' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VoiceCoreError);
      expect(error).toMatchObject({ code: 'TIMEOUT', grpcStatus: 4, traceId: 'trace-busy' });
      expect(Date.now() - started).toBeLessThan(1200);
    } finally {
      client.close();
      await server.stop();
    }
  }, 30_000);
});

describe('TLS', () => {
  test('the client takes TLS credentials', async () => {
    const dir = join(__dirname, '../fixtures/tls');
    const cert = readFileSync(join(dir, 'server.crt'));
    const t = await startTestServer({
      address: '127.0.0.1:0',
      credentials: ServerCredentials.createSsl(null, [{ cert_chain: cert, private_key: readFileSync(join(dir, 'server.key')) }]),
    });
    const client = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `localhost:${t.server.port}`,
      credentials: ChannelCredentials.createSsl(cert),
    });
    const plain = createVoiceCoreClient({ useGrpc: true, endpoint: `localhost:${t.server.port}` });
    try {
      expect((await client.healthCheck()).serving).toBe(true);
      await expect(plain.healthCheck({ timeoutSeconds: 2 })).rejects.toBeInstanceOf(VoiceCoreError);
    } finally {
      client.close();
      plain.close();
      await t.server.shutdown();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
