import { ClientError, Status } from 'nice-grpc';
import type { Event } from '../../generated/voice_core/voice_core';
import { eventually } from '../support/eventually';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

const single = (conversationId: string, traceId = '') => ({
  objectiveType: 'capture_email_au',
  conversationId,
  traceId,
  params: { transcription: 'jane@gmail.com', confidence: '0.9', confirmation: 'yes' },
});

/** Reads `count` events from a stream, then cancels it. */
async function take(
  client: TestClient,
  request: { conversationId: string; fromSequence?: number; epoch?: string },
  count: number,
): Promise<Event[]> {
  const controller = new AbortController();
  const events: Event[] = [];
  try {
    for await (const { event } of client.streamEvents(request, { signal: controller.signal })) {
      if (event) events.push(event);
      if (events.length === count) controller.abort();
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  }
  return events;
}

describe('event streaming through real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ core: { eventLog: { maxEventsPerConversation: 8 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  test('a subscriber arriving after ExecutePrimitive returned replays every transition in order', async () => {
    await t.client.executePrimitive(single('ev-replay', 'trace-ev'));
    const events = await take(t.client, { conversationId: 'ev-replay' }, 5);
    expect(events.map((e) => [e.sequence, e.fromState, e.toState])).toEqual([
      [1, 'pending', 'eliciting'],
      [2, 'eliciting', 'captured'],
      [3, 'captured', 'confirming'],
      [4, 'confirming', 'confirmed'],
      [5, 'confirmed', 'completed'],
    ]);
    for (const e of events) {
      expect(e).toMatchObject({
        eventType: 'state_transition',
        conversationId: 'ev-replay',
        traceId: 'trace-ev',
        objectiveType: 'capture_email_au',
      });
      expect(e.timestamp).toBeInstanceOf(Date);
      expect(e.epoch).toBe(events[0].epoch);
    }
    expect(JSON.stringify(events)).not.toContain('jane@gmail.com');
    expect(events[1].data.value_masked).toBe('j***@gmail.com');
  });

  test('replay then live: events appended after subscribing arrive on the same stream', async () => {
    await t.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId: 'ev-live' });
    const reading = take(t.client, { conversationId: 'ev-live' }, 4);
    // The stream is served before the next turn: its events are followed live, not replayed.
    await eventually(
      'event streams open',
      async () => t.server.core.events.openSubscriptions ?? 0,
      (n) => n === 1,
    );
    await t.client.executePrimitive({
      objectiveType: 'capture_email_au',
      conversationId: 'ev-live',
      params: { transcription: 'bob at gmail dot com' },
    });
    await t.client.executePrimitive({ objectiveType: 'capture_email_au', conversationId: 'ev-live', params: { confirmation: 'yes' } });
    const events = await reading;
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => e.toState)).toEqual(['eliciting', 'captured', 'confirming', 'confirmed']);
  });

  test('resuming from a sequence delivers only the later events', async () => {
    await t.client.executePrimitive(single('ev-resume'));
    const all = await take(t.client, { conversationId: 'ev-resume' }, 5);
    const rest = await take(t.client, { conversationId: 'ev-resume', fromSequence: 3, epoch: all[0].epoch }, 2);
    expect(rest.map((e) => e.sequence)).toEqual([4, 5]);
  });

  test('a resume the log cannot honour fails loudly instead of skipping events', async () => {
    await t.client.executePrimitive(single('ev-gone'));
    await t.client.executePrimitive(single('ev-gone')); // 10 events; 8 retained
    const error = await take(t.client, { conversationId: 'ev-gone', fromSequence: 1 }, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(Status.OUT_OF_RANGE);
    expect((error as ClientError).details).toMatch(/events 2\.\.2 .* no longer retained/);
    // from_sequence 0 (the proto: "replay everything retained") starts at the oldest retained event.
    const retained = await take(t.client, { conversationId: 'ev-gone', fromSequence: 0 }, 8);
    expect(retained.map((e) => e.sequence)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);

    const ahead = await take(t.client, { conversationId: 'ev-gone', fromSequence: 99 }, 1).catch((e: unknown) => e);
    expect((ahead as ClientError).code).toBe(Status.OUT_OF_RANGE);

    const otherEpoch = await take(t.client, { conversationId: 'ev-gone', fromSequence: 5, epoch: 'an-old-epoch' }, 1).catch(
      (e: unknown) => e,
    );
    expect((otherEpoch as ClientError).code).toBe(Status.FAILED_PRECONDITION);
    expect((otherEpoch as ClientError).details).toMatch(/epoch/);
  });

  test('many subscribers each get every event', async () => {
    const readers = Array.from({ length: 20 }, () => take(t.client, { conversationId: 'ev-many' }, 5));
    await eventually(
      'event streams open',
      async () => t.server.core.events.openSubscriptions ?? 0,
      (n) => n === 20,
    );
    await t.client.executePrimitive(single('ev-many'));
    for (const events of await Promise.all(readers)) expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
  });

  test('an empty conversation_id is refused', async () => {
    const error = await take(t.client, { conversationId: '' }, 1).catch((e: unknown) => e);
    expect((error as ClientError).code).toBe(Status.INVALID_ARGUMENT);
    expect((error as ClientError).details).toMatch(/conversation_id/);
  });
});
