import { Writable } from 'node:stream';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Metadata, Status } from 'nice-grpc';
import { createVoiceCoreClient, type VoiceCoreClient } from '../../src/client';
import { createLogger } from '../../src/runtime/logger';
import { ATTR, PRIMITIVE_SPAN_NAME, STATE_TRANSITION_EVENT } from '../../src/server/observability/tracing';
import { parentSpanId, recordSpans, type SpanRecorder } from '../support/span-recorder';
import { startTestServer, type TestServer } from '../support/test-server';

/** Tracing through real gRPC: SDK client span, server span and primitive span in one trace. */
describe('OpenTelemetry traces', () => {
  let recorder: SpanRecorder;
  let t: TestServer;
  let sdk: VoiceCoreClient;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    recorder = recordSpans();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
        done();
      },
    });
    t = await startTestServer({ tracing: true, logger: createLogger('debug', sink) });
    sdk = createVoiceCoreClient({ useGrpc: true, endpoint: t.address, tracing: true });
  });
  afterAll(async () => {
    sdk.close();
    await t.close();
    await recorder.shutdown();
  });
  beforeEach(() => recorder.reset());

  const byName = (name: string) => recorder.spans().filter((s) => s.name === name);

  test('one trace holds the caller span, the SDK client span, the server span and the primitive span', async () => {
    const tracer = trace.getTracer('test');
    const root = tracer.startSpan('orchestrator turn');
    const result = await context.with(trace.setSpan(context.active(), root), () =>
      sdk.executePrimitive(
        'capture_email_au',
        { transcription: 'jane at gmail dot com', confirmation: 'yes' },
        { conversationId: 'otel-1' },
      ),
    );
    root.end();
    expect(result.state).toBe('completed');

    const traceId = root.spanContext().traceId;
    const client = byName('voice_core.VoiceCoreService/ExecutePrimitive').find((s) => s.kind === SpanKind.CLIENT);
    const server = byName('voice_core.VoiceCoreService/ExecutePrimitive').find((s) => s.kind === SpanKind.SERVER);
    const [primitive] = byName(PRIMITIVE_SPAN_NAME);
    expect(client).toBeDefined();
    expect(server).toBeDefined();
    expect(primitive).toBeDefined();
    for (const span of [client!, server!, primitive]) expect(span.spanContext().traceId).toBe(traceId);
    expect(parentSpanId(client!)).toBe(root.spanContext().spanId);
    expect(parentSpanId(server!)).toBe(client!.spanContext().spanId);
    expect(parentSpanId(primitive)).toBe(server!.spanContext().spanId);
    expect(server!.attributes['rpc.system']).toBe('grpc');
    expect(server!.attributes['rpc.method']).toBe('ExecutePrimitive');

    // With no trace id given, the SDK takes the active trace id: ours and OpenTelemetry's agree.
    expect(result.traceId).toBe(traceId);
    expect(server!.attributes[ATTR.traceId]).toBe(traceId);
  });

  test('the primitive span carries the run, and the state transitions as events', async () => {
    await sdk.executePrimitive('capture_email_au', { transcription: 'jane at gmail dot com' }, { conversationId: 'otel-2' });
    const [first] = byName(PRIMITIVE_SPAN_NAME);
    expect(first.attributes).toMatchObject({
      [ATTR.objectiveType]: 'capture_email_au',
      [ATTR.stateBefore]: 'pending',
      [ATTR.stateAfter]: 'confirming',
      [ATTR.success]: false,
      [ATTR.retryCount]: 0,
      [ATTR.confidence]: 1,
    });
    expect(first.attributes[ATTR.durationMs]).toEqual(expect.any(Number));
    expect(first.events.map((e) => [e.name, e.attributes?.[ATTR.fromState], e.attributes?.[ATTR.toState]])).toEqual([
      [STATE_TRANSITION_EVENT, 'pending', 'eliciting'],
      [STATE_TRANSITION_EVENT, 'eliciting', 'captured'],
      [STATE_TRANSITION_EVENT, 'captured', 'confirming'],
    ]);

    recorder.reset();
    await sdk.executePrimitive('capture_email_au', { confirmation: 'no', confidence: 0.9 }, { conversationId: 'otel-2' });
    const [second] = byName(PRIMITIVE_SPAN_NAME);
    expect(second.attributes).toMatchObject({
      [ATTR.stateBefore]: 'confirming',
      [ATTR.stateAfter]: 'repairing',
      [ATTR.errorCode]: 'NOT_CONFIRMED',
      [ATTR.retryCount]: 1,
      [ATTR.confidence]: 0.9,
    });
  });

  test('with a traceparent and no trace id, the W3C trace id becomes ours; the server span joins the caller', async () => {
    const w3cTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const response = await t.client.executePrimitive(
      { objectiveType: 'capture_yes_no', conversationId: 'otel-3', params: { transcription: 'yeah' } },
      { metadata: Metadata({ traceparent: `00-${w3cTraceId}-${callerSpanId}-01` }) },
    );
    expect(response.traceId).toBe(w3cTraceId);
    const server = byName('voice_core.VoiceCoreService/ExecutePrimitive').find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.spanContext().traceId).toBe(w3cTraceId);
    expect(parentSpanId(server)).toBe(callerSpanId);
    expect(byName(PRIMITIVE_SPAN_NAME)[0].spanContext().traceId).toBe(w3cTraceId);
    // Logs carry both ids.
    const line = logs.find((l) => l.conversation_id === 'otel-3' && l.msg === 'ExecutePrimitive');
    expect(line).toMatchObject({ trace_id: w3cTraceId, otel_trace_id: w3cTraceId });
  });

  test('with a traceparent and our own trace id, ours is recorded on the server span and logged beside the W3C one', async () => {
    const w3cTraceId = '0af7651916cd43dd8448eb211c80319c';
    const response = await t.client.executePrimitive(
      { objectiveType: 'capture_yes_no', conversationId: 'otel-4', traceId: 'our-trace-4', params: { transcription: 'nah' } },
      { metadata: Metadata({ traceparent: `00-${w3cTraceId}-b7ad6b7169203331-01` }) },
    );
    expect(response.traceId).toBe('our-trace-4');
    const server = byName('voice_core.VoiceCoreService/ExecutePrimitive').find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.spanContext().traceId).toBe(w3cTraceId);
    expect(server.attributes[ATTR.traceId]).toBe('our-trace-4');
    const line = logs.find((l) => l.conversation_id === 'otel-4' && l.msg === 'ExecutePrimitive');
    expect(line).toMatchObject({ trace_id: 'our-trace-4', otel_trace_id: w3cTraceId });
  });

  test('an unsampled traceparent records no span at all', async () => {
    const response = await t.client.executePrimitive(
      { objectiveType: 'capture_yes_no', conversationId: 'otel-5', params: { transcription: 'yes' } },
      { metadata: Metadata({ traceparent: '00-11111111111111111111111111111111-2222222222222222-00' }) },
    );
    expect(response.state).toBe('completed');
    expect(recorder.spans()).toHaveLength(0);
    // Unsampled, the W3C trace id still becomes ours.
    expect(response.traceId).toBe('11111111111111111111111111111111');
  });

  test('a failed call ends its server span with the gRPC status, as the RPC conventions say', async () => {
    await expect(
      t.client.executePrimitive({ objectiveType: 'capture_nothing', conversationId: 'otel-6', params: { transcription: 'x' } }),
    ).rejects.toThrow(/not a registered primitive/);
    const server = byName('voice_core.VoiceCoreService/ExecutePrimitive').find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.attributes).toMatchObject({
      'rpc.system': 'grpc',
      'rpc.service': 'voice_core.VoiceCoreService',
      'rpc.method': 'ExecutePrimitive',
      'rpc.grpc.status_code': Status.NOT_FOUND,
      'rpc.grpc.status_text': 'NOT_FOUND',
    });
    expect(server.attributes['net.peer.ip']).toEqual(expect.any(String));
    expect(server.attributes['net.peer.port']).toEqual(expect.any(Number));
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(server.status.message).toMatch(/^NOT_FOUND: .*not a registered primitive/);
    expect(server.ended).toBe(true);
  });

  test('HealthCheck gets its server span too', async () => {
    await t.client.healthCheck({});
    const server = byName('voice_core.VoiceCoreService/HealthCheck').find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.attributes).toMatchObject({ 'rpc.method': 'HealthCheck', 'rpc.grpc.status_code': Status.OK });
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
  });
});
