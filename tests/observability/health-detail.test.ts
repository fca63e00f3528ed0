import { createVoiceCoreClient } from '../../src/client';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { VoiceCore } from '../../src/runtime/voice-core';
import { VERSION } from '../../src/version';
import { startTestServer } from '../support/test-server';

/** HealthCheck's detail fields through real gRPC, and the same detail in embedded mode. */
describe('HealthCheck detail', () => {
  const builtIns = createDefaultRegistry().types();

  test('store, primitives with versions, open sessions and streams, through real gRPC', async () => {
    const registry = createDefaultRegistry().register(
      'capture_policy_number',
      () => {
        throw new Error('not called here');
      },
      { version: '2.3.0' },
    );
    const unreachable = { name: 'redis', reachable: () => Promise.resolve(false) };
    const t = await startTestServer({ core: new VoiceCore({ registry, store: unreachable }) });
    try {
      const before = await t.client.healthCheck({});
      expect(before.store).toEqual({ name: 'redis', reachable: false });
      expect(before.primitives.map((p) => p.objectiveType)).toEqual([...builtIns, 'capture_policy_number'].sort());
      expect(before.primitives.find((p) => p.objectiveType === 'capture_email_au')?.version).toBe(VERSION);
      expect(before.primitives.find((p) => p.objectiveType === 'capture_policy_number')?.version).toBe('2.3.0');
      expect(before.openSessions).toBe(0);
      expect(before.openStreams).toBe(0);

      await t.client.executePrimitive({
        objectiveType: 'capture_email_au',
        conversationId: 'h-1',
        params: { transcription: 'jane at gmail dot com' },
      });
      const controller = new AbortController();
      const iterator = t.client.streamEvents({ conversationId: 'h-1' }, { signal: controller.signal })[Symbol.asyncIterator]();
      await iterator.next();
      const during = await t.client.healthCheck({});
      expect(during.openSessions).toBe(1);
      expect(during.openStreams).toBe(1);
      controller.abort();
      await iterator.next().catch(() => undefined);
    } finally {
      await t.close();
    }
  });

  test('a store that does not answer in time is reported unreachable, and the SDK passes the detail on', async () => {
    const hanging = { name: 'redis', reachable: () => new Promise<boolean>(() => undefined) };
    const t = await startTestServer({ core: new VoiceCore({ store: hanging }) });
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: t.address });
    try {
      const health = await client.healthCheck();
      expect(health.serving).toBe(true);
      expect(health.store).toEqual({ name: 'redis', reachable: false });
      expect(health.primitives.map((p) => p.objectiveType)).toEqual(builtIns);
    } finally {
      client.close();
      await t.close();
    }
  });

  test('embedded mode reports the in-memory store', async () => {
    const client = createVoiceCoreClient({ useGrpc: false });
    const health = await client.healthCheck();
    expect(health.store).toEqual({ name: 'memory', reachable: true });
    expect(health.primitives).toHaveLength(builtIns.length);
    expect(health.openSessions).toBe(0);
  });
});
