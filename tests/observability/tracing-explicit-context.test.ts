import { Writable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { Metadata } from 'nice-grpc';
import { createLogger } from '../../src/runtime/logger';
import { SynchronousContextManager } from '../../src/server/observability/context-manager';
import { ATTR, PRIMITIVE_SPAN_NAME } from '../../src/server/observability/tracing';
import { eventually } from '../support/eventually';
import { parentSpanId, recordSpans, type SpanRecorder } from '../support/span-recorder';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The server as `voice-core serve` runs it with OTEL_* set: the SDK registered with the
 * synchronous context manager (no AsyncLocalStorage), so the call's trace context must travel
 * explicitly. Every server-side rule of tracing.test.ts still holds.
 */
describe('tracing with the synchronous context manager (the server default)', () => {
  let recorder: SpanRecorder;
  let t: TestServer;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    recorder = recordSpans(new SynchronousContextManager());
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
        done();
      },
    });
    t = await startTestServer({ tracing: true, logger: createLogger('debug', sink) });
  });
  afterAll(async () => {
    await t.close();
    await recorder.shutdown();
  });
  beforeEach(() => recorder.reset());

  const serverSpan = (method: string) =>
    recorder.spans().find((s) => s.name === `voice_core.VoiceCoreService/${method}` && s.kind === SpanKind.SERVER);

  test('the primitive span is a child of the server span, in the caller trace; the W3C trace id becomes ours and is logged', async () => {
    const w3cTraceId = '5bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '10f067aa0ba902b7';
    const response = await t.client.executePrimitive(
      { objectiveType: 'capture_email_au', conversationId: 'sync-1', params: { transcription: 'jane at gmail dot com' } },
      { metadata: Metadata({ traceparent: `00-${w3cTraceId}-${callerSpanId}-01` }) },
    );
    expect(response.traceId).toBe(w3cTraceId);
    const server = serverSpan('ExecutePrimitive')!;
    expect(server.spanContext().traceId).toBe(w3cTraceId);
    expect(parentSpanId(server)).toBe(callerSpanId);
    expect(server.attributes[ATTR.traceId]).toBe(w3cTraceId);
    const primitive = recorder.spans().find((s) => s.name === PRIMITIVE_SPAN_NAME)!;
    expect(primitive.spanContext().traceId).toBe(w3cTraceId);
    expect(parentSpanId(primitive)).toBe(server.spanContext().spanId);
    const line = logs.find((l) => l.conversation_id === 'sync-1' && l.msg === 'ExecutePrimitive');
    expect(line).toMatchObject({ trace_id: w3cTraceId, otel_trace_id: w3cTraceId, otel_span_id: server.spanContext().spanId });
  });

  test('our own trace id is recorded on the server span; an unsampled call records nothing but still takes the W3C trace id', async () => {
    await t.client.executePrimitive(
      { objectiveType: 'capture_yes_no', conversationId: 'sync-2', traceId: 'our-trace-sync', params: { transcription: 'nah' } },
      { metadata: Metadata({ traceparent: '00-6af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }) },
    );
    expect(serverSpan('ExecutePrimitive')!.attributes[ATTR.traceId]).toBe('our-trace-sync');
    recorder.reset();
    const unsampled = await t.client.executePrimitive(
      { objectiveType: 'capture_yes_no', conversationId: 'sync-3', params: { transcription: 'yes' } },
      { metadata: Metadata({ traceparent: '00-31111111111111111111111111111111-2222222222222222-00' }) },
    );
    expect(unsampled.traceId).toBe('31111111111111111111111111111111');
    expect(recorder.spans()).toHaveLength(0);
  });

  test('a StreamEvents call joins the caller trace, and its log lines carry the W3C trace id', async () => {
    const w3cTraceId = '7bf92f3577b34da6a3ce929d0e0e4736';
    const controller = new AbortController();
    const stream = t.client.streamEvents(
      { conversationId: 'sync-4' },
      { metadata: Metadata({ traceparent: `00-${w3cTraceId}-20f067aa0ba902b7-01` }), signal: controller.signal },
    );
    const iterating = (async () => {
      try {
        for await (const _ of stream) break;
      } catch {
        // cancelled below
      }
    })();
    await t.client.executePrimitive({ objectiveType: 'capture_yes_no', conversationId: 'sync-4', params: { transcription: 'yes' } });
    await iterating;
    controller.abort();
    // The server span ends (and is recorded) once the cancellation reaches the server, a moment after the client stopped.
    await eventually(
      'the recorded StreamEvents server span',
      async () => serverSpan('StreamEvents'),
      (span) => span !== undefined,
    );
    const subscribed = logs.find((l) => l.conversation_id === 'sync-4' && l.msg === 'StreamEvents subscribed');
    expect(subscribed).toMatchObject({ trace_id: w3cTraceId, otel_trace_id: w3cTraceId });
    expect(serverSpan('StreamEvents')?.spanContext().traceId).toBe(w3cTraceId);
  });
});
