import { randomUUID } from 'node:crypto';
import { createChannel, createClientFactory, type Channel } from 'nice-grpc';
import { deadlineMiddleware } from 'nice-grpc-client-middleware-deadline';
import { ClientError, Status } from 'nice-grpc-common';
import { VoiceCoreServiceDefinition } from '../../generated/voice_core/voice_core';
import { createVoiceCoreClient, type VoiceCoreClient, type VoiceCoreEvent } from '../../src';
import { serveCli, type ServingCli } from '../support/cli';
import { describeWithRedisSentinel, RedisSentinelGroup, SENTINEL_MASTER_NAME } from '../support/redis-sentinel';
import type { TestClient } from '../support/test-server';

/**
 * Voice Core started by the CLI with --redis-sentinels and --redis-sentinel-name, on a real Sentinel
 * group (a master, a replica, a Sentinel): a capture's first turn, a failover, and its second turn on
 * the new master, while its event stream follows and other calls keep coming.
 */
describeWithRedisSentinel('Redis Sentinel', () => {
  let group: RedisSentinelGroup;
  let serving: ServingCli;
  let channel: Channel;
  let client: TestClient;
  let sdk: VoiceCoreClient;

  beforeAll(async () => {
    group = await RedisSentinelGroup.start();
    serving = await serveCli(['--redis-sentinels', group.sentinels, '--redis-sentinel-name', SENTINEL_MASTER_NAME], {
      VOICE_CORE_REDIS_COMMAND_TIMEOUT_MS: '500',
      VOICE_CORE_LOG_LEVEL: 'info',
    });
    channel = createChannel(`127.0.0.1:${serving.port}`);
    client = createClientFactory().use(deadlineMiddleware).create(VoiceCoreServiceDefinition, channel);
    sdk = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `127.0.0.1:${serving.port}`,
      streamRetry: { initialDelayMs: 50, maxDelayMs: 500, maxAttempts: 100 },
      circuitBreaker: { failureThreshold: 1000 },
    });
  }, 60_000);

  afterAll(async () => {
    sdk?.close();
    channel?.close();
    if (serving !== undefined && serving.child.exitCode === null) {
      const exited = new Promise((resolve) => serving.child.once('exit', resolve));
      serving.child.kill('SIGTERM');
      await exited;
    }
    await group?.stop();
  });

  /** Names of the server's connections to a data node (CLIENT LIST), to see where it is connected. */
  async function voiceCoreConnections(port: number): Promise<string[]> {
    const list = String(await group.command(port, 'CLIENT', 'LIST'));
    return [...list.matchAll(/ name=(voice-core\S*)/g)].map((m) => m[1]).sort();
  }

  /**
   * Turn 1 of a capture on the master `from`, then `fault`, then turn 2 (retried while UNAVAILABLE) once the
   * Sentinel names `to`; meanwhile an SDK stream follows the capture and other calls keep coming.
   */
  async function captureAcross(from: number, to: number, fault: () => Promise<void>): Promise<string> {
    expect(await group.masterPort()).toBe(from);
    // Both connections (commands and the blocking follower) found the master through the Sentinel.
    await group.until(async () => (await voiceCoreConnections(from)).join() === 'voice-core,voice-core-follow', 'connected');

    const conversationId = `sentinel-${randomUUID()}`;
    const controller = new AbortController();
    const events: VoiceCoreEvent[] = [];
    const followed = (async () => {
      for await (const e of sdk.streamEvents(conversationId, { signal: controller.signal })) {
        events.push(e);
        if (e.toState === 'completed') break;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const turn1 = await client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId,
      params: { transcription: 'j a n e dot doe at gmail dot com', confidence: '0.9' },
    });
    expect(turn1).toMatchObject({ state: 'confirming', value: 'jane.doe@gmail.com' });
    // Replication is asynchronous: make sure the replica has turn 1 before it takes over, so that the test
    // checks the switch itself (what a failover can lose without this is in the README).
    expect(await group.command(from, 'WAIT', '1', '2000')).toBe(1);
    while (events.length === 0) await new Promise((r) => setTimeout(r, 20));

    // Calls on other conversations all through the switch.
    let switching = true;
    const during = `during-${randomUUID()}`;
    const outcomes: Array<'ok' | Status> = [];
    const load = (async () => {
      for (let i = 0; switching; i++) {
        await client
          .executePrimitive({
            objectiveType: 'capture_email_au',
            conversationId: `${during}-${i}`,
            params: { transcription: 'jane@gmail.com', confirmation: 'yes' },
          })
          .then(
            () => outcomes.push('ok'),
            (error: unknown) => outcomes.push(error instanceof ClientError ? error.code : Status.UNKNOWN),
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    const faulted = Date.now();
    await fault();
    await group.until(async () => (await group.masterPort()) === to, 'switched');
    await group.until(async () => (await group.info(to, 'replication')).includes('role:master'), 'promoted');
    // A master that is still up keeps accepting writes until the Sentinel demotes it (about a second later);
    // those are lost when it resyncs as a replica (see the README). Turn 2 waits for the end of the switch.
    await group.until(async () => {
      const info = await group.info(from, 'replication');
      return info === '' || info.includes('role:slave');
    }, 'old master demoted or gone');

    // Turn 2 of the same capture, once the server has found the new master (until then: UNAVAILABLE).
    let turn2: Awaited<ReturnType<TestClient['executePrimitive']>> | undefined;
    while (turn2 === undefined) {
      try {
        turn2 = await client.executePrimitive({ objectiveType: 'capture_email_au', conversationId, params: { confirmation: 'yes' } });
      } catch (error) {
        expect(error).toBeInstanceOf(ClientError);
        expect((error as ClientError).code).toBe(Status.UNAVAILABLE);
        expect(Date.now() - faulted).toBeLessThan(20_000);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const switched = Date.now() - faulted;
    expect(turn2).toMatchObject({ state: 'completed', success: true, value: 'jane.doe@gmail.com' });
    await followed;
    switching = false;
    await load;

    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.epoch)).size).toBe(1);
    expect(events.map((e) => e.traceId)).toEqual(expect.arrayContaining([turn1.traceId, turn2.traceId]));
    // Everything refused during the switch was UNAVAILABLE (never INTERNAL), and calls work again after it.
    expect(outcomes.filter((o) => o !== 'ok' && o !== Status.UNAVAILABLE)).toEqual([]);
    expect(
      await client.executePrimitive({
        objectiveType: 'capture_email_au',
        conversationId: `after-${randomUUID()}`,
        params: { transcription: 'jane@gmail.com', confirmation: 'yes' },
      }),
    ).toMatchObject({ state: 'completed' });
    // Both connections moved to the new master; the server never stopped.
    await group.until(async () => (await voiceCoreConnections(to)).join() === 'voice-core,voice-core-follow', 'moved');
    expect(serving.child.exitCode).toBeNull();
    // Calls acknowledged during the switch whose log is not on the new master: written to the old one and lost.
    const kept = ((await group.command(to, 'KEYS', `vc:{default:${during}-*}:log`)) as string[]).length;
    const ok = outcomes.filter((o) => o === 'ok').length;
    return `${ok} calls completed (${ok - kept} of them lost with the old master) and ${
      outcomes.length - ok
    } UNAVAILABLE during the switch; turn 2 completed ${switched} ms after the fault`;
  }

  test('SENTINEL FAILOVER between two turns: the capture completes on the new master, its stream resumes with no loss and no duplicate', async () => {
    const [first, second] = group.dataPorts;
    const outcome = await captureAcross(first, second, async () => {
      expect(await group.sentinel('SENTINEL', 'FAILOVER', SENTINEL_MASTER_NAME)).toBe('OK');
    });
    console.log(`Sentinel failover: ${outcome}`);
  }, 60_000);

  test('the master killed (-9) between two turns: UNAVAILABLE until the Sentinel promotes the replica, then the capture completes', async () => {
    const [first, second] = group.dataPorts;
    // After the previous test the first master is the replica of the second; the Sentinel must see it healthy.
    await group.until(async () => (await group.info(first, 'replication')).includes('master_link_status:up'), 'old master in sync');
    await group.until(async () => {
      const replicas = (await group.sentinel('SENTINEL', 'REPLICAS', SENTINEL_MASTER_NAME)) as string[][];
      return replicas.some((r) => r.includes(String(first)) && r[r.indexOf('flags') + 1] === 'slave');
    }, 'Sentinel sees the old master as a replica');
    const outcome = await captureAcross(second, first, () => group.kill(second));
    console.log(`Sentinel, master killed: ${outcome}`);
  }, 60_000);
});
