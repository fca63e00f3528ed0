import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ExecutePrimitiveRequest } from '../../generated/voice_core/voice_core';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import type { PrimitiveHandler, PrimitiveOutcome } from '../../src/primitives/types';
import { sessionKey } from '../../src/runtime/redis/keys';
import { createRedisStores, type RedisStores } from '../../src/runtime/redis/redis-stores';
import { VoiceCore } from '../../src/runtime/voice-core';
import { describeWithRedis, RedisServer } from '../support/redis-server';

/**
 * A turn of a pure primitive on Redis runs on the session this process cached
 * and makes one round trip (the commit script); a stale cache costs a second
 * one, never a wrong turn. Two VoiceCores on one redis-server play two
 * replicas; Redis's own command statistics count the round trips.
 */
const done = (n: number): PrimitiveOutcome => ({
  success: true,
  state: 'completed',
  value: String(n),
  fields: {},
  prompt: '',
  retryCount: 0,
  confidence: 1,
  transitions: [{ from: 'pending', to: 'completed' }],
});

/** A counter kept in the session: a lost update or a merge of two turns shows in its value. */
function counter(calls: { n: number }): PrimitiveHandler<{ n: number }> {
  return (_input, context) => {
    calls.n++;
    const n = (context.session?.n ?? 0) + 1;
    return { outcome: done(n), session: { n } };
  };
}

describeWithRedis('Redis turns in one round trip', () => {
  let redis: RedisServer;
  let admin: Redis;
  const opened: RedisStores[] = [];
  const pureCalls = { n: 0 };
  const syncImpureCalls = { n: 0 };
  const asyncCalls = { n: 0 };
  const replica = async (): Promise<VoiceCore> => {
    const stores = createRedisStores({ url: redis.url });
    opened.push(stores);
    expect(await stores.ready(5000)).toBe(true);
    const registry = createDefaultRegistry()
      .register('test_counter', counter(pureCalls), { pure: true })
      .register('test_counter_impure', counter(syncImpureCalls))
      .register('test_counter_async', async (input, context: { session: { n: number } | undefined }) => {
        asyncCalls.n++;
        await new Promise((r) => setImmediate(r));
        const n = (context.session?.n ?? 0) + 1;
        return { outcome: done(n), session: { n } };
      });
    return new VoiceCore({ stores, registry });
  };
  const turn = (core: VoiceCore, conversationId: string, objectiveType: string, params: Record<string, string> = {}) =>
    core.execute(ExecutePrimitiveRequest.fromPartial({ objectiveType, conversationId, params }));

  /**
   * Commands Redis ran since the last reset, by name. Commands a script runs count too: each commit script
   * runs one GET, so `get - evalsha` is the number of GETs sent on their own (round trips before the turn).
   */
  async function commands(): Promise<Record<string, number>> {
    const info = await admin.info('commandstats');
    const counts: Record<string, number> = {};
    for (const m of info.matchAll(/^cmdstat_(\w+(?:\|\w+)?):calls=(\d+)/gm)) counts[m[1]] = Number(m[2]);
    return counts;
  }
  const resetCounts = async (): Promise<void> => void (await admin.config('RESETSTAT'));

  let a: VoiceCore;
  let b: VoiceCore;
  beforeAll(async () => {
    redis = await RedisServer.start();
    admin = new Redis(redis.url);
    a = await replica();
    b = await replica();
    // Loads the commit script into Redis's script cache (the first EVALSHA of each connection may fall back to EVAL).
    await turn(a, `warm-${randomUUID()}`, 'test_counter');
    await turn(b, `warm-${randomUUID()}`, 'test_counter');
  });
  afterAll(async () => {
    for (const s of opened) await s.close();
    admin.disconnect();
    await redis.kill();
  });

  test('turns on the replica that took the previous one make one round trip each: no read first', async () => {
    const c = `hit-${randomUUID()}`;
    await resetCounts();
    expect(await turn(a, c, 'capture_email_au', { transcription: 'j a n e dot doe at gmail dot com', confidence: '0.9' })).toMatchObject({
      state: 'confirming',
    });
    expect(await turn(a, c, 'capture_email_au', { confirmation: 'yes' })).toMatchObject({
      state: 'completed',
      value: 'jane.doe@gmail.com',
    });
    const counts = await commands();
    expect(counts.get - counts.evalsha).toBe(0);
    expect(counts.evalsha).toBe(2);
    expect(counts.eval).toBeUndefined();
  });

  test('a stale cache (another replica took a turn) runs the turn again on the stored session', async () => {
    const c = `stale-${randomUUID()}`;
    await turn(a, c, 'capture_email_au', { transcription: 'jane at gmail dot com', confidence: '0.9' });
    // B has never seen c: its turn runs on "no session", conflicts, and runs again on A's.
    expect(await turn(b, c, 'capture_email_au', { transcription: 'john at gmail dot com', confidence: '0.9' })).toMatchObject({
      state: 'confirming',
      value: 'john@gmail.com',
    });
    await resetCounts();
    // A's cache still says jane: the script refuses it and hands back john, which A confirms.
    expect(await turn(a, c, 'capture_email_au', { confirmation: 'yes' })).toMatchObject({ state: 'completed', value: 'john@gmail.com' });
    const counts = await commands();
    expect(counts.get - counts.evalsha).toBe(0);
    expect(counts.evalsha).toBe(2);
  });

  test('alternating replicas: every turn counts once, none lost or merged', async () => {
    const c = `alt-${randomUUID()}`;
    for (let i = 1; i <= 10; i++) {
      expect(await turn(i % 2 === 0 ? a : b, c, 'test_counter')).toMatchObject({ value: String(i) });
    }
  });

  test('a session that ended and started again is not mistaken for the cached one of the same version', async () => {
    const c = `aba-${randomUUID()}`;
    await turn(a, c, 'capture_email_au', { transcription: 'jane at gmail dot com', confidence: '0.9' });
    await turn(b, c, 'capture_email_au', { confirmation: 'yes' }); // ends the session
    expect(await turn(b, c, 'capture_email_au', { transcription: 'john at gmail dot com', confidence: '0.9' })).toMatchObject({
      state: 'confirming',
    });
    // Stored and cached are both version 1 now, of different sessions: the revision tells them apart.
    expect(await turn(a, c, 'capture_email_au', { confirmation: 'yes' })).toMatchObject({ state: 'completed', value: 'john@gmail.com' });
  });

  test('an expired (or lost) session key is not resurrected from the cache', async () => {
    const c = `expired-${randomUUID()}`;
    await turn(a, c, 'capture_email_au', { transcription: 'jane at gmail dot com', confidence: '0.9' });
    await admin.del(sessionKey(c, 'capture_email_au')); // what expiry does
    await expect(turn(a, c, 'capture_email_au', { confirmation: 'yes' })).rejects.toMatchObject({ status: 'FAILED_PRECONDITION' });
    expect(await admin.exists(sessionKey(c, 'capture_email_au'))).toBe(0);
    await turn(a, c, 'test_counter');
    await turn(a, c, 'test_counter');
    await admin.flushall(); // Redis restarted empty
    expect(await turn(a, c, 'test_counter')).toMatchObject({ value: '1' });
  });

  test('handlers not registered as pure read first and run exactly once per turn, whichever replica', async () => {
    for (const [type, calls] of [
      ['test_counter_async', asyncCalls],
      ['test_counter_impure', syncImpureCalls],
    ] as const) {
      const c = `impure-${randomUUID()}`;
      const before = calls.n;
      await resetCounts();
      for (let i = 1; i <= 6; i++) expect(await turn(i % 2 === 0 ? a : b, c, type)).toMatchObject({ value: String(i) });
      expect(calls.n - before).toBe(6);
      const counts = await commands();
      expect(counts.get - counts.evalsha).toBe(6);
      expect(counts.evalsha).toBe(6);
    }
    // A pure one does run again when the other replica took the previous turn: that is what makes one round trip safe.
    const c = `pure-${randomUUID()}`;
    const before = pureCalls.n;
    for (let i = 1; i <= 6; i++) await turn(i % 2 === 0 ? a : b, c, 'test_counter');
    expect(pureCalls.n - before).toBe(11);
  });
});
