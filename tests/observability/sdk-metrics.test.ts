import { Registry } from 'prom-client';
import { createVoiceCoreClient, isVoiceCoreError } from '../../src/client';
import { promtool, PROMTOOL } from '../support/promtool';
import { startTestServer } from '../support/test-server';

/** The SDK's metrics, in a registry the application supplies, through real gRPC and a real outage. */
test('the SDK counts call outcomes, breaker changes, stream reconnects and lost events into the caller registry', async () => {
  const t = await startTestServer();
  const registry = new Registry();
  const client = createVoiceCoreClient({
    useGrpc: true,
    endpoint: t.address,
    metrics: { registry, client: 'orchestrator' },
    circuitBreaker: { failureThreshold: 2, cooldownMs: 60_000 },
    streamRetry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 10 },
  });
  const value = async (name: string, labels: Record<string, string>): Promise<number | undefined> => {
    const metric = await registry.getSingleMetric(name)?.get();
    return metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
  };
  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error: unknown) => (isVoiceCoreError(error) ? error.code : String(error)),
    );
  try {
    const ok = await client.executePrimitive('capture_yes_no', { transcription: 'yes' }, { conversationId: 's-1' });
    expect(ok.state).toBe('completed');
    expect(await code(client.executePrimitive('capture_yes_no', { transcription: 'yes', confidence: 7 }, { conversationId: 's-2' }))).toBe(
      'INVALID_ARGUMENT',
    );

    // A stale epoch: the events before it are gone.
    const lost = (async () => {
      for await (const event of client.streamEvents('s-1', { fromSequence: 1, epoch: 'a-stale-epoch' })) void event;
    })();
    expect(await code(lost)).toBe('EVENTS_LOST');

    // A live stream, then the server goes away: the stream tries to resume, calls fail, the breaker opens.
    const controller = new AbortController();
    const live = (async () => {
      for await (const event of client.streamEvents('s-1', { signal: controller.signal })) void event;
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.close();
    expect(await code(live)).toBe('STREAM_RETRIES_EXHAUSTED');
    for (let i = 0; i < 2; i++) {
      expect(await code(client.executePrimitive('capture_yes_no', { transcription: 'yes' }, { conversationId: 's-3' }))).toBe(
        'UNAVAILABLE',
      );
    }
    expect(await code(client.executePrimitive('capture_yes_no', { transcription: 'yes' }, { conversationId: 's-3' }))).toBe(
      'CIRCUIT_BREAKER_OPEN',
    );

    const calls = (c: string) => value('voice_core_client_calls_total', { client: 'orchestrator', method: 'ExecutePrimitive', code: c });
    expect(await calls('OK')).toBe(1);
    expect(await calls('INVALID_ARGUMENT')).toBe(1);
    expect(await calls('UNAVAILABLE')).toBe(2);
    expect(await calls('CIRCUIT_BREAKER_OPEN')).toBe(1);
    expect(await value('voice_core_client_breaker_transitions_total', { client: 'orchestrator', from: 'closed', to: 'open' })).toBe(1);
    expect(await value('voice_core_client_breaker_state', { client: 'orchestrator', state: 'open' })).toBe(1);
    expect(await value('voice_core_client_breaker_state', { client: 'orchestrator', state: 'closed' })).toBe(0);
    expect(await value('voice_core_client_stream_reconnects_total', { client: 'orchestrator' })).toBeGreaterThanOrEqual(1);
    expect(await value('voice_core_client_stream_failures_total', { client: 'orchestrator', code: 'EVENTS_LOST' })).toBe(1);
    expect(await value('voice_core_client_stream_failures_total', { client: 'orchestrator', code: 'STREAM_RETRIES_EXHAUSTED' })).toBe(1);
    if (PROMTOOL !== undefined) expect(promtool(['check', 'metrics'], await registry.metrics())).toEqual({ status: 0, output: '' });
  } finally {
    client.close();
    await t.close();
  }
}, 30_000);
