import { randomUUID } from 'node:crypto';
import { MemoryEventLog } from '../../src/runtime/event-log';
import { VoiceCore } from '../../src/runtime/voice-core';
import { startTestServer, type TestServer } from '../support/test-server';

/** Finding 5: caps are per tenant, eviction only takes from the tenant over its cap, and streams leave nothing behind. */
const offer = (conversationId: string) => ({
  objectiveType: 'capture_email_au',
  conversationId,
  traceId: '',
  purpose: '',
  timeoutSeconds: 0,
  params: { transcription: 'jane at gmail dot com', confidence: '0.9' },
});

describe('fair state through real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    // The default cap (10 000 logs): 12 000 subscriptions to fresh conversations would go past it.
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  test("12 000 subscribe-and-cancel calls do not evict a victim's log", async () => {
    const victim = `victim-${randomUUID()}`;
    await t.client.executePrimitive(offer(victim));
    const before = t.server.core.events.position(victim);
    const events = t.server.core.events as MemoryEventLog;
    const held = events.conversationCount;

    const subscribeAndCancel = async (): Promise<void> => {
      const controller = new AbortController();
      const stream = t.client.streamEvents({ conversationId: `probe-${randomUUID()}` }, { signal: controller.signal });
      const iterator = stream[Symbol.asyncIterator]();
      const next = iterator.next();
      // Cancelled once the server has had time to open the subscription.
      setTimeout(() => controller.abort(), 1);
      await next.catch(() => undefined);
    };
    for (let sent = 0; sent < 12_000; sent += 200) {
      await Promise.all(Array.from({ length: 200 }, subscribeAndCancel));
    }
    // Let the server see the last cancellations.
    for (let i = 0; i < 100 && events.openSubscriptions > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(events.openSubscriptions).toBe(0);
    expect(events.conversationCount).toBe(held);
    expect(t.server.core.events.position(victim)).toEqual(before);
  }, 120_000);
});

describe('fair state in the runtime', () => {
  test("one tenant flooding sessions does not evict another's", async () => {
    const core = new VoiceCore({ sessions: { maxSessions: 50 }, eventLog: { maxConversations: 50 } });
    const victim = `victim-${randomUUID()}`;
    await core.execute(offer(victim), { tenant: 'victim' });
    for (let i = 0; i < 1000; i++) await core.execute(offer(`flood-${i}`), { tenant: 'flooder' });
    expect(await core.sessions.load(victim, 'capture_email_au', 'victim')).toMatchObject({ version: 1 });
    expect((await core.events.position(victim, 'victim')).last).toBeGreaterThan(0);
    // The flooder is held to its own cap, oldest first.
    expect(await core.sessions.load('flood-0', 'capture_email_au', 'flooder')).toBeUndefined();
    expect(await core.sessions.load('flood-999', 'capture_email_au', 'flooder')).toMatchObject({ version: 1 });
    expect(core.sessions.size).toBe(51);
    expect(core.events.conversationCount).toBe(51);
  });

  test('a subscription to a conversation without events leaves nothing once it ends', async () => {
    const log = new MemoryEventLog({ maxConversations: 2 });
    log.append('kept', { eventType: 'x', traceId: 't', objectiveType: 'o', fromState: 'a', toState: 'b', data: {} });
    const controller = new AbortController();
    const pending = log.subscribe('empty', 0, '', controller.signal).events.next();
    await new Promise((r) => setImmediate(r));
    expect(log.conversationCount).toBe(2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.conversationCount).toBe(1);
    expect(log.position('empty')).toEqual({ last: 0, epoch: '' });
    expect(log.position('kept').last).toBe(1);
  });

  test('an event appended while subscribed keeps the log after the stream ends', async () => {
    const log = new MemoryEventLog();
    const controller = new AbortController();
    const subscription = log.subscribe('c', 0, '', controller.signal);
    const first = subscription.events.next();
    log.append('c', { eventType: 'x', traceId: 't', objectiveType: 'o', fromState: 'a', toState: 'b', data: {} });
    expect((await first).value).toMatchObject({ sequence: 1, epoch: subscription.epoch });
    controller.abort();
    await expect(subscription.events.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.position('c')).toEqual({ last: 1, epoch: subscription.epoch });
  });
});
