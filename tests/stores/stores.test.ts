import { randomUUID } from 'node:crypto';
import { ExecutePrimitiveRequest, type Event } from '../../generated/voice_core/voice_core';
import { MemoryEventLog } from '../../src/runtime/event-log';
import { createRedisStores } from '../../src/runtime/redis/redis-stores';
import { MemorySessionStore } from '../../src/runtime/session-store';
import type { NewEvent, Stores } from '../../src/runtime/stores';
import { VoiceCore } from '../../src/runtime/voice-core';
import { redisAvailable, REDIS_SKIP_MESSAGE, RedisServer } from '../support/redis-server';

/**
 * The behaviour both stores share, run against each: the in-memory default
 * and Redis (a real redis-server on a random port). Redis-only behaviour
 * (several replicas, faults) is in redis-stores.test.ts.
 */
interface Limits {
  maxEventsPerConversation?: number;
}

interface Backend {
  name: string;
  make(limits?: Limits): Promise<Stores>;
}

const opened: Stores[] = [];
let redis: RedisServer | undefined;

const memory: Backend = {
  name: 'memory',
  async make(limits = {}) {
    const events = new MemoryEventLog(limits);
    return { events, sessions: new MemorySessionStore({}, events) };
  },
};

const redisBackend: Backend = {
  name: 'redis',
  async make(limits = {}) {
    redis ??= await RedisServer.start();
    const stores = createRedisStores({ url: redis.url, ...limits });
    opened.push(stores);
    if (!(await stores.ready(5000))) throw new Error('Redis did not become ready');
    return stores;
  },
};

if (!redisAvailable) console.warn(REDIS_SKIP_MESSAGE);
const backends = redisAvailable ? [memory, redisBackend] : [memory];

afterAll(async () => {
  for (const stores of opened) await stores.close?.();
  await redis?.kill();
});

const event = (toState: string): NewEvent => ({
  eventType: 'state_transition',
  traceId: 't',
  objectiveType: 'capture_email_au',
  fromState: 'x',
  toState,
  data: {},
});

/** Reads `count` events, then aborts; returns them. */
async function collect(iterable: AsyncIterable<Event>, count: number, controller: AbortController): Promise<Event[]> {
  const out: Event[] = [];
  try {
    for await (const e of iterable) {
      out.push(e);
      if (out.length === count) controller.abort();
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
  return out;
}

const tick = (ms = 20): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.each(backends)('stores: $name', (backend) => {
  const id = (): string => `conv-${randomUUID()}`;

  test('sequences increase by one per conversation, each log with its own epoch', async () => {
    const { events } = await backend.make();
    const [a, b] = [id(), id()];
    await events.append(a, event('1'));
    await events.append(a, event('2'));
    await events.append(b, event('1'));
    const [pa, pb] = [await events.position(a), await events.position(b)];
    expect([pa.last, pb.last]).toEqual([2, 1]);
    expect(pa.epoch).not.toBe('');
    expect(pa.epoch).not.toBe(pb.epoch);
  });

  test('replays retained events after from_sequence, then follows live ones in order', async () => {
    const { events } = await backend.make();
    const c = id();
    for (let i = 0; i < 3; i++) await events.append(c, event(String(i)));
    const controller = new AbortController();
    const subscription = await events.subscribe(c, 1, '', controller.signal);
    const reading = collect(subscription.events, 4, controller);
    await tick();
    await events.append(c, event('live-1'));
    await events.append(c, event('live-2'));
    const got = await reading;
    expect(got.map((e) => e.sequence)).toEqual([2, 3, 4, 5]);
    expect(got.map((e) => e.toState)).toEqual(['1', '2', 'live-1', 'live-2']);
    expect(new Set(got.map((e) => e.epoch))).toEqual(new Set([subscription.epoch]));
    expect(got[0]).toMatchObject({ conversationId: c, eventType: 'state_transition', objectiveType: 'capture_email_au', traceId: 't' });
    expect(got[0].timestamp).toBeInstanceOf(Date);
  });

  test('a subscriber of a conversation with no event yet learns the epoch its events will carry', async () => {
    const { events } = await backend.make();
    const c = id();
    const controller = new AbortController();
    const subscription = await events.subscribe(c, 0, '', controller.signal);
    const reading = collect(subscription.events, 1, controller);
    await tick();
    await events.append(c, event('first'));
    expect((await reading)[0]).toMatchObject({ sequence: 1, epoch: subscription.epoch });
  });

  test('keeps at most maxEventsPerConversation; a cursor behind them gets OUT_OF_RANGE', async () => {
    const { events } = await backend.make({ maxEventsPerConversation: 3 });
    const c = id();
    for (let i = 0; i < 5; i++) await events.append(c, event(String(i)));
    const stale = await events.subscribe(c, 1, '', new AbortController().signal);
    const error = await stale.events.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 'OUT_OF_RANGE', message: expect.stringMatching(/events 2\.\.2 .*oldest retained: 3/) });
    // from_sequence 0 replays what is retained, on every store.
    const everything = await events.subscribe(c, 0, '', new AbortController().signal);
    expect((await everything.events.next()).value?.sequence).toBe(3);
    await everything.events.return(undefined);
    const resumed = await events.subscribe(c, 2, '', new AbortController().signal);
    expect((await resumed.events.next()).value?.sequence).toBe(3);
    await resumed.events.return(undefined);
  });

  test('refuses a resume past the end of the log or from another epoch', async () => {
    const { events } = await backend.make();
    const c = id();
    await events.append(c, event('0'));
    await expect(Promise.resolve().then(() => events.subscribe(c, 7, '', new AbortController().signal))).rejects.toMatchObject({
      status: 'OUT_OF_RANGE',
      field: 'from_sequence',
    });
    await expect(Promise.resolve().then(() => events.subscribe(c, 1, 'stale', new AbortController().signal))).rejects.toMatchObject({
      status: 'FAILED_PRECONDITION',
      field: 'epoch',
    });
    const { epoch } = await events.position(c);
    expect((await events.subscribe(c, 1, epoch, new AbortController().signal)).epoch).toBe(epoch);
  });

  test('a resume may name the event it last received: the same one is followed on, another is refused', async () => {
    const { events } = await backend.make();
    const c = id();
    for (let i = 0; i < 3; i++) await events.append(c, event(String(i)));
    const controller = new AbortController();
    const all = await collect((await events.subscribe(c, 0, '', controller.signal)).events, 3, controller);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(3);
    const { epoch } = await events.position(c);
    const resumed = await events.subscribe(c, 2, epoch, new AbortController().signal, undefined, all[1].eventId);
    expect((await resumed.events.next()).value).toMatchObject({ sequence: 3, eventId: all[2].eventId });
    await resumed.events.return(undefined);
    // The memory log refuses at once; Redis on its first read: either way before any event.
    const refusal = await Promise.resolve()
      .then(() => events.subscribe(c, 2, epoch, new AbortController().signal, undefined, all[0].eventId))
      .then((s) => s.events.next())
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ status: 'FAILED_PRECONDITION', field: 'last_event_id' });
  });

  test('a turn commits its session (versioned) and its events together', async () => {
    const { sessions, events } = await backend.make();
    const c = id();
    expect(await sessions.load(c, 'capture_email_au')).toBeUndefined();
    await sessions.commit(c, 'capture_email_au', 0, { state: 'confirming', retryCount: 0 }, 'tr', [
      { from: 'pending', to: 'captured' },
      { from: 'captured', to: 'confirming', data: { confidence: '0.9' } },
    ]);
    expect(await sessions.load(c, 'capture_email_au')).toMatchObject({ version: 1, data: { state: 'confirming', retryCount: 0 } });
    expect(await sessions.load(c, 'capture_phone_au')).toBeUndefined();
    const controller = new AbortController();
    const got = await collect((await events.subscribe(c, 0, '', controller.signal)).events, 2, controller);
    expect(got.map((e) => [e.sequence, e.fromState, e.toState, e.traceId])).toEqual([
      [1, 'pending', 'captured', 'tr'],
      [2, 'captured', 'confirming', 'tr'],
    ]);
    expect(got[1].data).toEqual({ confidence: '0.9' });

    await sessions.commit(c, 'capture_email_au', 1, { state: 'completed' }, 'tr2', []);
    expect(await sessions.load(c, 'capture_email_au')).toMatchObject({ version: 2, data: { state: 'completed' } });
    // An ended objective (session undefined) leaves no session behind.
    await sessions.commit(c, 'capture_email_au', 2, undefined, 'tr3', [{ from: 'confirming', to: 'completed' }]);
    expect(await sessions.load(c, 'capture_email_au')).toBeUndefined();
    expect((await events.position(c)).last).toBe(3);
  });

  test('a turn that loaded a stale version is ABORTED and applies nothing', async () => {
    const { sessions, events } = await backend.make();
    const c = id();
    await sessions.commit(c, 'capture_email_au', 0, { state: 'confirming' }, 'a', [{ from: 'pending', to: 'confirming' }]);
    const refused = Promise.resolve().then(() =>
      sessions.commit(c, 'capture_email_au', 0, { state: 'other' }, 'b', [{ from: 'pending', to: 'completed' }]),
    );
    await expect(refused).rejects.toMatchObject({ status: 'ABORTED', message: expect.stringMatching(/not applied/) });
    expect(await sessions.load(c, 'capture_email_au')).toMatchObject({ version: 1, data: { state: 'confirming' } });
    expect((await events.position(c)).last).toBe(1);
  });

  test('VoiceCore: a capture runs turn by turn on these stores, with its events', async () => {
    const stores = await backend.make();
    const core = new VoiceCore({ stores });
    const c = id();
    const turn = (params: Record<string, string>) =>
      core.execute(ExecutePrimitiveRequest.fromPartial({ objectiveType: 'capture_email_au', conversationId: c, params }));
    expect(await turn({ transcription: 'j a n e dot doe at gmail dot com', confidence: '0.9' })).toMatchObject({ state: 'confirming' });
    expect(await turn({ confirmation: 'yes', confidence: '0.9' })).toMatchObject({ state: 'completed', value: 'jane.doe@gmail.com' });
    const { last } = await core.events.position(c);
    expect(last).toBeGreaterThanOrEqual(2);
    const controller = new AbortController();
    const got = await collect(
      (await core.streamEvents({ conversationId: c, fromSequence: 0, epoch: '', lastEventId: '' }, controller.signal)).events,
      last,
      controller,
    );
    expect(got.map((e) => e.sequence)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(got[got.length - 1].toState).toBe('completed');
  });
});
