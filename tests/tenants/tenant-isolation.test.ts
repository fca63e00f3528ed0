import { randomUUID } from 'node:crypto';
import type { Event } from '../../generated/voice_core/voice_core';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import type { Stores } from '../../src/runtime/stores';
import { VoiceCore } from '../../src/runtime/voice-core';
import { describeWithRedis, RedisServer } from '../support/redis-server';

/** Every conversation, session and event belongs to exactly one tenant: in memory and in Redis alike. */
const turn = (conversationId: string, params: Record<string, string>) => ({
  objectiveType: 'capture_email_au',
  conversationId,
  traceId: '',
  purpose: '',
  timeoutSeconds: 0,
  params: { confidence: '0.9', ...params },
});
const offer = (conversationId: string) => turn(conversationId, { transcription: 'jane at gmail dot com' });
const confirm = (conversationId: string) => turn(conversationId, { confirmation: 'yes' });

/** The events a stream replays (it is cancelled once they are read, or after `ms`). */
async function replay(core: VoiceCore, conversationId: string, tenant: string, ms = 200): Promise<Event[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: Event[] = [];
  try {
    const subscription = await core.streamEvents({ conversationId, fromSequence: 0, epoch: '', lastEventId: '' }, controller.signal, {
      tenant,
    });
    for await (const event of subscription.events) events.push(event);
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}

function isolationTests(makeStores: () => Promise<Stores | undefined>): void {
  let core: VoiceCore;
  beforeEach(async () => {
    const stores = await makeStores();
    core = new VoiceCore(stores === undefined ? {} : { stores });
  });

  test('the same conversation id in two tenants is two conversations', async () => {
    const c = `shared-${randomUUID()}`;
    const a1 = await core.execute(offer(c), { tenant: 'acme' });
    expect(a1.state).toBe('confirming');
    // Tenant globex has nothing to confirm: acme's pending confirmation is not visible to it.
    await expect(core.execute(confirm(c), { tenant: 'globex' })).rejects.toMatchObject({ status: 'FAILED_PRECONDITION' });
    await expect(core.execute(confirm(`absent-${randomUUID()}`), { tenant: 'globex' })).rejects.toMatchObject({
      status: 'FAILED_PRECONDITION',
    });
    // acme's session is untouched by globex's attempts.
    const a2 = await core.execute(confirm(c), { tenant: 'acme' });
    expect(a2).toMatchObject({ state: 'completed', success: true, value: 'jane@gmail.com' });
  });

  test("a tenant streaming another tenant's conversation gets what a conversation that does not exist gives", async () => {
    const c = `victim-${randomUUID()}`;
    await core.execute(offer(c), { tenant: 'acme' });
    expect((await replay(core, c, 'acme')).length).toBeGreaterThan(0);
    const probe = await replay(core, c, 'globex');
    const absent = await replay(core, `absent-${randomUUID()}`, 'globex');
    expect(probe).toEqual([]);
    expect(absent).toEqual([]);
    // Resuming from acme's position or epoch is refused just as for a conversation that does not exist.
    const position = await core.events.position(c, 'acme');
    const refused = async (conversationId: string): Promise<string> => {
      try {
        await core.streamEvents({ conversationId, fromSequence: position.last, epoch: '', lastEventId: '' }, new AbortController().signal, {
          tenant: 'globex',
        });
        return 'accepted';
      } catch (error) {
        return (error as { status: string }).status;
      }
    };
    expect(await refused(c)).toBe('OUT_OF_RANGE');
    expect(await refused(`absent-${randomUUID()}`)).toBe('OUT_OF_RANGE');
    // And the probe changed nothing for acme.
    expect(await core.events.position(c, 'acme')).toEqual(position);
  });
}

describe('tenants in memory', () => {
  isolationTests(() => Promise.resolve(undefined));
});

describeWithRedis('tenants in Redis', () => {
  let redis: RedisServer;
  const opened: RedisStores[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    for (const s of opened) await s.close();
    await redis.kill();
  });

  isolationTests(async () => {
    const stores = createRedisStores({ url: redis.url, commandTimeoutMs: 1000 });
    opened.push(stores);
    expect(await stores.ready(5000)).toBe(true);
    return stores;
  });

  test('keys carry the tenant in their hash tag', async () => {
    const stores = opened[opened.length - 1];
    const c = `keys-${randomUUID()}`;
    await stores.events.append(c, { eventType: 'x', traceId: 't', objectiveType: 'o', fromState: 'a', toState: 'b', data: {} }, 'acme');
    expect(await stores.events.position(c, 'acme')).toMatchObject({ last: 1 });
    expect(await stores.events.position(c, 'globex')).toEqual({ last: 0, epoch: '' });
    expect(await stores.events.position(c)).toEqual({ last: 0, epoch: '' });
  });
});
