import { ClientError, Status } from 'nice-grpc-common';
import {
  HealthCheckResponse_ServingStatus,
  type Event,
  type ExecutePrimitiveRequest,
  type ExecutePrimitiveResponse,
} from '../../generated/voice_core/voice_core';
import { BreakerTransport } from './breaker-transport';
import { CircuitBreaker } from './circuit-breaker';
import { VoiceCoreError } from './errors';
import type { StreamCall, Transport, TransportCall } from './transport';

/** A transport that answers with whatever the test scripts next, and counts what reached it. */
class ScriptedTransport implements Transport {
  readonly mode = 'embedded';
  calls = { execute: 0, subscribe: 0, health: 0, close: 0 };
  /** Each execute call's waitForReady, in order. */
  waitForReady: Array<boolean | undefined> = [];
  next: () => Promise<ExecutePrimitiveResponse> = async () => RESPONSE;

  execute(_request: ExecutePrimitiveRequest, call: TransportCall): Promise<ExecutePrimitiveResponse> {
    this.calls.execute++;
    this.waitForReady.push(call.waitForReady);
    return this.next();
  }
  async *subscribe(_request: unknown, call: StreamCall): AsyncIterable<Event> {
    this.calls.subscribe++;
    call.onEpoch('epoch-1');
    yield { ...EVENT };
  }
  async health() {
    this.calls.health++;
    return {
      status: HealthCheckResponse_ServingStatus.SERVING_STATUS_SERVING,
      version: 'v',
      uptimeSeconds: 1,
      store: undefined,
      primitives: [],
      openSessions: 0,
      openStreams: 0,
    };
  }
  close(): void {
    this.calls.close++;
  }
}

const RESPONSE = { success: true, value: 'x', traceId: 't' } as ExecutePrimitiveResponse;
const EVENT = { sequence: 1, epoch: 'epoch-1' } as Event;
const REQUEST = {} as ExecutePrimitiveRequest;
const CALL: TransportCall = { traceId: 'trace-breaker', deadline: Date.now() + 60_000 };

function setup() {
  const inner = new ScriptedTransport();
  const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 });
  return { inner, breaker, transport: new BreakerTransport(inner, breaker) };
}

function abortError(): Error {
  const controller = new AbortController();
  controller.abort();
  return controller.signal.reason as Error;
}

describe('BreakerTransport', () => {
  test('passes a response through and counts it a success', async () => {
    const { inner, breaker, transport } = setup();
    await expect(transport.execute(REQUEST, CALL)).resolves.toBe(RESPONSE);
    expect(inner.calls.execute).toBe(1);
    expect(breaker.snapshot().counters).toMatchObject({ permitted: 1, successes: 1, failures: 0, neutral: 0 });
  });

  test('rethrows a neutral outcome (a cancellation) unchanged, and it never opens the breaker', async () => {
    const { inner, breaker, transport } = setup();
    const cancelled = abortError();
    inner.next = () => Promise.reject(cancelled);
    for (let i = 0; i < 6; i++) await expect(transport.execute(REQUEST, CALL)).rejects.toBe(cancelled);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, counters: { neutral: 6, failures: 0 } });
    expect(inner.calls.execute).toBe(6);
  });

  test("a server's refusal of a bad request is rethrown unchanged and shows a healthy server", async () => {
    const { inner, breaker, transport } = setup();
    const refusal = new ClientError('/voice_core.VoiceCoreService/ExecutePrimitive', Status.INVALID_ARGUMENT, 'params.confidence ...');
    inner.next = () => Promise.reject(refusal);
    for (let i = 0; i < 4; i++) await expect(transport.execute(REQUEST, CALL)).rejects.toBe(refusal);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', counters: { successes: 4, failures: 0 } });
  });

  test('failures open it; then calls are refused without reaching the wrapped transport', async () => {
    const { inner, breaker, transport } = setup();
    const down = new ClientError('/voice_core.VoiceCoreService/ExecutePrimitive', Status.UNAVAILABLE, 'No connection established');
    inner.next = () => Promise.reject(down);
    for (let i = 0; i < 3; i++) await expect(transport.execute(REQUEST, CALL)).rejects.toBe(down);
    expect(breaker.snapshot().state).toBe('open');
    const refused = transport.execute(REQUEST, CALL);
    await expect(refused).rejects.toBeInstanceOf(VoiceCoreError);
    await expect(refused).rejects.toMatchObject({
      code: 'CIRCUIT_BREAKER_OPEN',
      traceId: 'trace-breaker',
      retryAfterMs: expect.any(Number),
    });
    expect(inner.calls.execute).toBe(3);
    expect(breaker.snapshot().counters.rejected).toBe(1);
  });

  test('streams, health checks and close go straight to the wrapped transport, even while open', async () => {
    const { inner, breaker, transport } = setup();
    inner.next = () => Promise.reject(new ClientError('/x', Status.UNAVAILABLE, 'down'));
    for (let i = 0; i < 3; i++) await transport.execute(REQUEST, CALL).catch(() => undefined);
    expect(breaker.snapshot().state).toBe('open');
    expect(transport.mode).toBe('embedded');
    await expect(transport.health(CALL)).resolves.toMatchObject({ version: 'v' });
    const epochs: string[] = [];
    const events: Event[] = [];
    const signal = new AbortController().signal;
    for await (const e of transport.subscribe(
      { conversationId: 'c', fromSequence: 0, epoch: '', lastEventId: '' },
      { traceId: 't', signal, onEpoch: (x) => epochs.push(x) },
    )) {
      events.push(e);
    }
    expect(events).toEqual([EVENT]);
    expect(epochs).toEqual(['epoch-1']);
    transport.close();
    expect(inner.calls).toMatchObject({ health: 1, subscribe: 1, close: 1 });
    expect(breaker.snapshot().counters.permitted).toBe(3);
  });
});

test('only half-open probes wait for the connection to be ready', async () => {
  let now = 0;
  const inner = new ScriptedTransport();
  const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1000, now: () => now });
  const transport = new BreakerTransport(inner, breaker);
  await transport.execute(REQUEST, CALL);
  inner.next = () => Promise.reject(new ClientError('/x', Status.UNAVAILABLE, 'down'));
  await expect(transport.execute(REQUEST, CALL)).rejects.toBeInstanceOf(ClientError);
  expect(breaker.snapshot().state).toBe('open');
  now = 1000;
  inner.next = async () => RESPONSE;
  await transport.execute(REQUEST, CALL);
  await transport.execute(REQUEST, CALL);
  expect(breaker.snapshot().state).toBe('closed');
  await transport.execute(REQUEST, CALL);
  expect(inner.waitForReady).toEqual([undefined, undefined, true, true, undefined]);
  // The caller's own call context is left as it was.
  expect(CALL.waitForReady).toBeUndefined();
});
