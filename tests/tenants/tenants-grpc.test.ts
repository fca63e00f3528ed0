import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientError, Status } from 'nice-grpc';
import { MemoryEventLog } from '../../src/runtime/event-log';
import { createApiKey } from '../../src/server/auth/api-keys';
import { bearer, tempDir } from '../support/auth';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Findings 1 and 5 through real gRPC, with two tenants authenticated by API keys: a conversation id
 * guessed from another tenant reaches nothing (finding 1), and one tenant flooding sessions past its
 * cap evicts only its own (finding 5). The runtime-level tests are in tenant-isolation.test.ts and
 * fair-eviction.test.ts.
 */

const turn = (conversationId: string, params: Record<string, string>) => ({
  objectiveType: 'capture_email_au',
  conversationId,
  params: { confidence: '0.9', ...params },
});

/** The code and message a call fails with, or 'OK'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'OK',
    (e: unknown) => {
      if (e instanceof ClientError) return `${Status[e.code]}: ${e.details}`;
      throw e;
    },
  );
}

/** The sequences a stream delivers within `ms`, or how it failed. */
async function streamed(t: TestServer, conversationId: string, key: string, ms = 300): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const sequences: number[] = [];
  try {
    for await (const { event } of t.client.streamEvents(
      { conversationId, fromSequence: 0 },
      { ...bearer(key), signal: controller.signal },
    )) {
      sequences.push(event?.sequence ?? -1);
    }
    return `ended after ${sequences.length} events`;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return `${sequences.length} events`;
    if (error instanceof ClientError) return `${Status[error.code]}`;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

describe('tenants through real gRPC', () => {
  const SESSION_CAP = 50;
  let t: TestServer;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    const keysFile = join(tempDir('tenant-keys'), 'keys.txt');
    writeFileSync(keysFile, '');
    acme = createApiKey('acme', keysFile);
    globex = createApiKey('globex', keysFile);
    t = await startTestServer({ auth: { apiKeysFile: keysFile }, core: { sessions: { maxSessions: SESSION_CAP } } });
  });

  afterAll(async () => {
    await t.close();
  });

  test("another tenant's yes cannot complete a capture, and its offer goes to its own conversation of that id (F1)", async () => {
    const c = `victim-${randomUUID()}`;
    await expect(t.client.executePrimitive(turn(c, { transcription: 'jane at gmail dot com' }), bearer(acme))).resolves.toMatchObject({
      state: 'confirming',
    });
    // The attacker's yes finds nothing to confirm: the same answer as for an id no one used.
    const attackerYes = await outcome(t.client.executePrimitive(turn(c, { confirmation: 'yes' }), bearer(globex)));
    const unusedYes = await outcome(t.client.executePrimitive(turn(`unused-${randomUUID()}`, { confirmation: 'yes' }), bearer(globex)));
    expect(attackerYes).toMatch(/^FAILED_PRECONDITION/);
    expect(attackerYes).toBe(unusedYes);
    // The attacker's own address lands in the attacker's conversation; the victim's yes completes the victim's.
    await t.client.executePrimitive(turn(c, { transcription: 'mallory at evil dot com', confirmation: 'yes' }), bearer(globex));
    await expect(t.client.executePrimitive(turn(c, { confirmation: 'yes' }), bearer(acme))).resolves.toMatchObject({
      state: 'completed',
      value: 'jane@gmail.com',
    });
  });

  test("streaming another tenant's conversation gives what an unknown conversation gives: no events, nothing about them (F1)", async () => {
    const c = `victim-${randomUUID()}`;
    await t.client.executePrimitive(turn(c, { transcription: 'jane at gmail dot com' }), bearer(acme));
    expect(await streamed(t, c, acme)).not.toBe('0 events');
    expect(await streamed(t, c, globex)).toBe(await streamed(t, `unknown-${randomUUID()}`, globex));
  });

  test("a tenant flooding sessions past its cap evicts only its own, never another tenant's (F5)", async () => {
    const victim = `victim-${randomUUID()}`;
    await t.client.executePrimitive(turn(victim, { transcription: 'jane at gmail dot com' }), bearer(acme));
    // Four times the per-tenant cap of open sessions from globex, each waiting for its confirmation.
    for (let sent = 0; sent < 4 * SESSION_CAP; sent += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          t.client.executePrimitive(turn(`flood-${sent + i}`, { transcription: 'bob at gmail dot com' }), bearer(globex)),
        ),
      );
    }
    // globex's oldest sessions went; acme's pending confirmation is still there.
    expect(await outcome(t.client.executePrimitive(turn('flood-0', { confirmation: 'yes' }), bearer(globex)))).toMatch(
      /^FAILED_PRECONDITION/,
    );
    await expect(t.client.executePrimitive(turn(victim, { confirmation: 'yes' }), bearer(acme))).resolves.toMatchObject({
      state: 'completed',
      value: 'jane@gmail.com',
    });
  });
});

describe('held event streams through real gRPC (F5)', () => {
  // A tenant may hold no more streams than logs (the defaults: 1 000 and 10 000). With both caps equal, the
  // flooder's held logs fill the cap exactly, so a cap over all tenants would have evicted the victim's idle log.
  const LOG_CAP = 15;
  const STREAM_CAP = 15;
  let t: TestServer;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    const keysFile = join(tempDir('held-stream-keys'), 'keys.txt');
    writeFileSync(keysFile, '');
    acme = createApiKey('acme', keysFile);
    globex = createApiKey('globex', keysFile);
    t = await startTestServer({
      auth: { apiKeysFile: keysFile },
      core: { eventLog: { maxConversations: LOG_CAP } },
      limits: { tenantMaxStreams: STREAM_CAP },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  test("streams held open on unknown ids stop at the tenant's stream cap, never pass its log cap, evict nothing of another tenant's, and leave nothing", async () => {
    const victim = `victim-${randomUUID()}`;
    await t.client.executePrimitive(turn(victim, { transcription: 'jane at gmail dot com' }), bearer(acme));
    const events = t.server.core.events as MemoryEventLog;
    const before = events.position(victim, 'acme');
    expect(before.last).toBeGreaterThan(0);

    // The finding: 12 000 streams held open on fresh ids went past the 10 000-log cap and evicted a victim's log.
    const controllers = Array.from({ length: STREAM_CAP + 10 }, () => new AbortController());
    const outcomes = controllers.map(async (controller) => {
      try {
        for await (const _ of t.client.streamEvents(
          { conversationId: `probe-${randomUUID()}` },
          { ...bearer(globex), signal: controller.signal },
        )) {
          // nothing is ever appended to these conversations
        }
        return 'ended';
      } catch (error) {
        if (error instanceof ClientError) return Status[error.code];
        if (error instanceof Error && error.name === 'AbortError') return 'held';
        throw error;
      }
    });
    for (let i = 0; i < 200 && t.server.limits.streamsOf('globex') < STREAM_CAP; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(t.server.limits.streamsOf('globex')).toBe(STREAM_CAP);
    expect(events.conversationCountOf('globex')).toBe(LOG_CAP);
    expect(events.position(victim, 'acme')).toEqual(before);

    for (const controller of controllers) controller.abort();
    const results = await Promise.all(outcomes);
    expect(results.filter((r) => r === 'held')).toHaveLength(STREAM_CAP);
    expect(results.filter((r) => r === 'RESOURCE_EXHAUSTED')).toHaveLength(10);
    for (let i = 0; i < 100 && events.openSubscriptions > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(events.conversationCountOf('globex')).toBe(0);
    await expect(t.client.executePrimitive(turn(victim, { confirmation: 'yes' }), bearer(acme))).resolves.toMatchObject({
      state: 'completed',
      value: 'jane@gmail.com',
    });
  });
});
