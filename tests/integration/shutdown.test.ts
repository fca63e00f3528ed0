import { ClientError, Status } from 'nice-grpc';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { eventually } from '../support/eventually';
import { slowPrimitive } from '../support/slow-primitive';
import { startTestServer } from '../support/test-server';

function slowServer(drainTimeoutMs: number, record?: { aborted: number; finished: number }) {
  const registry = createDefaultRegistry().register('test_slow', slowPrimitive(record));
  return startTestServer({ core: { registry }, drainTimeoutMs });
}

describe('graceful shutdown through real gRPC', () => {
  test('open event streams end with UNAVAILABLE "Server shutting down"; in-flight unary calls finish', async () => {
    const record = { aborted: 0, finished: 0 };
    const t = await slowServer(5000, record);
    const stream = (async () => {
      for await (const _ of t.client.streamEvents({ conversationId: 'shutdown-1' })) {
        // no events are expected before the shutdown
      }
    })().catch((e: unknown) => e);
    const inFlight = t.client.executePrimitive({ objectiveType: 'test_slow', conversationId: 'shutdown-2', params: { delay_ms: '400' } });
    // Both reach the server before the shutdown starts: a moment after they are made, longer on a loaded machine.
    await eventually(
      'event streams open',
      async () => t.server.core.events.openSubscriptions,
      (n) => n === 1,
    );
    await eventually(
      'calls in flight or finished',
      async () => t.server.limits.callsInFlight + record.finished,
      (n) => n >= 1,
    );

    const stopped = t.server.shutdown();
    const streamError = await stream;
    expect(streamError).toBeInstanceOf(ClientError);
    expect((streamError as ClientError).code).toBe(Status.UNAVAILABLE);
    expect((streamError as ClientError).details).toBe('Server shutting down');

    await expect(inFlight).resolves.toMatchObject({ success: true, value: 'slept 400 ms' });
    await stopped;
    t.channel.close();
  });

  test('calls still running after the drain time are cancelled, and shutdown completes', async () => {
    const t = await slowServer(200);
    const inFlight = t.client
      .executePrimitive({ objectiveType: 'test_slow', conversationId: 'shutdown-3', params: { delay_ms: '10000' } })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await t.server.shutdown();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await inFlight).toBeInstanceOf(ClientError);
    t.channel.close();
  });

  test('new calls are refused once shutdown began, while in-flight ones finish', async () => {
    const record = { aborted: 0, finished: 0 };
    const t = await slowServer(5000, record);
    const held = t.client.executePrimitive({ objectiveType: 'test_slow', conversationId: 'shutdown-4', params: { delay_ms: '300' } });
    // The held call reaches the server before the shutdown starts.
    await eventually(
      'calls in flight or finished',
      async () => t.server.limits.callsInFlight + record.finished,
      (n) => n >= 1,
    );
    const stopped = t.server.shutdown();
    const error = await t.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId: 'late' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(Status.UNAVAILABLE);
    await expect(held).resolves.toMatchObject({ success: true });
    await stopped;
    t.channel.close();
  });
});
