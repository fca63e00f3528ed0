import { benchEventStreaming } from '../../bench/event-streaming';
import { describeWithRedis } from '../support/redis-server';

/**
 * `npm run bench` must keep running: the stream limits of 2026-12-05 refused the streaming bench's own
 * streams and it failed, unnoticed, for a day. A small run, with more idle streams than one connection may
 * hold by default (100 concurrent, 50 event streams) and 100 subscribers on one conversation (default cap 32),
 * checks that the bench still raises the limits it needs. It runs the built server (`dist/`), as the bench does.
 */
const SMALL = { idleStreams: 150, calls: { one: 40, hundred: 4 }, pinned: false };

describe('the event-streaming bench (small run)', () => {
  test('memory mode: every subscriber gets every event and the idle streams all open', async () => {
    const result = await benchEventStreaming(SMALL);
    expect(result.idleStreams).toBe(150);
    expect(result.delivery.map((d) => [d.subscribers, d.eventsPerSubscriber])).toEqual([
      [1, 200],
      [100, 20],
    ]);
    for (const d of result.delivery) expect(d.deliveriesPerSecond).toBeGreaterThan(0);
  }, 150_000);
});

describeWithRedis('the event-streaming bench on Redis (small run)', () => {
  test('Redis mode: every subscriber gets every event and the idle streams all open', async () => {
    const result = await benchEventStreaming({ ...SMALL, redis: true });
    expect(result.delivery.map((d) => [d.subscribers, d.eventsPerSubscriber])).toEqual([
      [1, 200],
      [100, 20],
    ]);
  }, 150_000);
});
