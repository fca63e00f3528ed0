import { createVoiceCoreClient, VoiceCoreError, type VoiceCoreEvent, type VoiceCoreResult } from '../../src';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { slowPrimitive } from '../support/slow-primitive';
import { startTestServer } from '../support/test-server';

/** Drops what legitimately differs between two runs: timings, generated ids, timestamps. */
const comparable = (r: VoiceCoreResult) => ({ ...r, metadata: { ...r.metadata, durationMs: 0 } });
// The time, the epoch and the event ids belong to each log's incarnation: compared only for being there.
const comparableEvent = (e: VoiceCoreEvent) => ({ ...e, timestamp: 0, epoch: '', eventId: e.eventId === '' ? 'missing' : 'present' });

describe('embedded mode', () => {
  test('is the default, and gives the same results and events as the gRPC server', async () => {
    const server = await startTestServer();
    const grpc = createVoiceCoreClient({ useGrpc: true, endpoint: server.address });
    const embedded = createVoiceCoreClient({ useGrpc: false });
    expect(embedded.mode).toBe('embedded');
    expect(grpc.mode).toBe('grpc');
    const turns: Array<Record<string, string | number>> = [
      { transcription: 'um my email is jane at hotmail', confidence: 0.9 },
      { transcription: 'dot com dot au' },
      { confirmation: 'nah it is jane dot doe at hotmail dot com dot au' },
      { confirmation: 'yeah nah' },
      { transcription: 'j a n e at gmail dot com', confidence: 0.3 },
      { transcription: 'j a n e at gmail dot com', confidence: 0.95 },
      { confirmation: 'too right' },
    ];
    try {
      for (const params of turns) {
        const options = { conversationId: 'same-1', traceId: 'trace-same' };
        const a = await grpc.executePrimitive('capture_email_au', params, options);
        const b = await embedded.executePrimitive('capture_email_au', params, options);
        expect(comparable(b)).toEqual(comparable(a));
      }
      const read = async (client: typeof grpc) => {
        const controller = new AbortController();
        const events: VoiceCoreEvent[] = [];
        for await (const e of client.streamEvents('same-1', { signal: controller.signal })) {
          events.push(e);
          if (e.toState === 'completed') controller.abort();
        }
        return events;
      };
      const [fromServer, inProcess] = [await read(grpc), await read(embedded)];
      expect(inProcess.length).toBeGreaterThan(10);
      expect(inProcess.map(comparableEvent)).toEqual(fromServer.map(comparableEvent));
    } finally {
      grpc.close();
      embedded.close();
      await server.close();
    }
  });

  test('maps errors to the same typed codes', async () => {
    const client = createVoiceCoreClient({ useGrpc: false });
    await expect(client.executePrimitive('capture_unicorn', {}, { conversationId: 'e' })).rejects.toMatchObject({
      code: 'UNKNOWN_PRIMITIVE',
      grpcStatus: 5,
    });
    await expect(client.executePrimitive('capture_email_au', { confidence: 2 }, { conversationId: 'e' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(client.executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId: 'e2' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    const stream = client.streamEvents('e', { fromSequence: 50 })[Symbol.asyncIterator]();
    await expect(stream.next()).rejects.toMatchObject({ code: 'EVENTS_LOST' });
  });

  test('runs custom primitives, honours time budgets, deadlines and the caller signal', async () => {
    const record = { aborted: 0, finished: 0 };
    const client = createVoiceCoreClient({
      useGrpc: false,
      deadlineMarginMs: 100,
      embedded: { registry: createDefaultRegistry().register('test_slow', slowPrimitive(record)) },
    });
    const budget = await client.executePrimitive('test_slow', { delay_ms: '5000' }, { conversationId: 's', timeoutSeconds: 0.05 });
    expect(budget.error?.code).toBe('TIMEOUT');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      client.executePrimitive('test_slow', { delay_ms: '5000' }, { conversationId: 's', signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(record.aborted).toBe(2);
    expect((await client.healthCheck()).serving).toBe(true);
  });
});

describe('options from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('VOICE_CORE_USE_GRPC=true selects gRPC to VOICE_CORE_ENDPOINT', async () => {
    const server = await startTestServer();
    process.env.VOICE_CORE_USE_GRPC = 'true';
    process.env.VOICE_CORE_ENDPOINT = server.address;
    const client = createVoiceCoreClient();
    try {
      expect(client.mode).toBe('grpc');
      const result = await client.executePrimitive('capture_email_au', {}, { conversationId: 'env-1', traceId: 'trace-env' });
      expect(result.state).toBe('eliciting');
      expect(server.logs.some((l) => l.trace_id === 'trace-env')).toBe(true);
    } finally {
      client.close();
      await server.close();
    }
  });

  test('anything but "true" means embedded; explicit options win over the environment', () => {
    process.env.VOICE_CORE_USE_GRPC = 'yes';
    expect(createVoiceCoreClient().mode).toBe('embedded');
    process.env.VOICE_CORE_USE_GRPC = 'true';
    expect(createVoiceCoreClient({ useGrpc: false }).mode).toBe('embedded');
  });

  test('a VoiceCoreError is an Error with its code, trace id and status', () => {
    const error = new VoiceCoreError('CIRCUIT_BREAKER_OPEN', 'open', { traceId: 't', retryAfterMs: 10 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'VoiceCoreError', code: 'CIRCUIT_BREAKER_OPEN', traceId: 't', retryAfterMs: 10 });
  });
});
