import { MemoryEventLog as EventLog, type NewEvent } from './event-log';
import { VoiceCoreRequestError } from './errors';

const event = (toState: string): NewEvent => ({
  eventType: 'state_transition',
  traceId: 't',
  objectiveType: 'capture_email_au',
  fromState: 'x',
  toState,
  data: {},
});

/** Reads `count` events, then aborts; returns their sequences. */
async function collect(iterable: AsyncIterable<{ sequence: number }>, count: number, controller: AbortController): Promise<number[]> {
  const out: number[] = [];
  try {
    for await (const e of iterable) {
      out.push(e.sequence);
      if (out.length === count) controller.abort();
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
  return out;
}

describe('EventLog', () => {
  test('sequences increase by one per conversation, each log with its own epoch', () => {
    const log = new EventLog();
    expect([log.append('a', event('1')).sequence, log.append('a', event('2')).sequence, log.append('b', event('1')).sequence]).toEqual([
      1, 2, 1,
    ]);
    expect(log.position('a').epoch).not.toBe(log.position('b').epoch);
  });

  test('replays retained events after from_sequence, then follows live ones', async () => {
    const log = new EventLog();
    for (let i = 0; i < 3; i++) log.append('c', event(String(i)));
    const controller = new AbortController();
    const reading = collect(log.subscribe('c', 1, '', controller.signal).events, 4, controller);
    await new Promise((r) => setImmediate(r));
    log.append('c', event('live-1'));
    log.append('c', event('live-2'));
    expect(await reading).toEqual([2, 3, 4, 5]);
  });

  test('delivers exactly the events after the cursor', async () => {
    const log = new EventLog();
    for (let i = 0; i < 5; i++) log.append('c', event(String(i)));
    const controller = new AbortController();
    expect(await collect(log.subscribe('c', 2, '', controller.signal).events, 3, controller)).toEqual([3, 4, 5]);
  });

  test('keeps at most maxEventsPerConversation; a cursor behind them gets OUT_OF_RANGE', async () => {
    const log = new EventLog({ maxEventsPerConversation: 3 });
    for (let i = 0; i < 5; i++) log.append('c', event(String(i)));
    const error = await log
      .subscribe('c', 1, '', new AbortController().signal)
      .events.next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoiceCoreRequestError);
    expect(error).toMatchObject({ status: 'OUT_OF_RANGE', message: expect.stringMatching(/events 2\.\.2 .*oldest retained: 3/) });
    // from_sequence 0 replays what is retained.
    const all = await log.subscribe('c', 0, '', new AbortController().signal).events.next();
    expect(all.value?.sequence).toBe(3);
    const resumed = await log.subscribe('c', 2, '', new AbortController().signal).events.next();
    expect(resumed.value?.sequence).toBe(3);
  });

  test('a slow subscriber costs no memory: it falls behind retention and is told so', async () => {
    const log = new EventLog({ maxEventsPerConversation: 10 });
    log.append('c', event('0'));
    const slow = log.subscribe('c', 0, '', new AbortController().signal).events;
    expect((await slow.next()).value?.sequence).toBe(1);
    for (let i = 0; i < 100; i++) log.append('c', event(String(i)));
    await expect(slow.next()).rejects.toMatchObject({ status: 'OUT_OF_RANGE' });
  });

  test('refuses a resume past the end of the log or from another epoch', async () => {
    const log = new EventLog();
    log.append('c', event('0'));
    expect(() => log.subscribe('c', 7, '', new AbortController().signal)).toThrow(
      expect.objectContaining({ status: 'OUT_OF_RANGE', field: 'from_sequence' }),
    );
    expect(() => log.subscribe('c', 1, 'stale', new AbortController().signal)).toThrow(
      expect.objectContaining({ status: 'FAILED_PRECONDITION', field: 'epoch' }),
    );
    expect(log.subscribe('c', 1, log.position('c').epoch, new AbortController().signal).epoch).toBe(log.position('c').epoch);
  });

  test('idle conversations expire and the number kept is capped, least recently used first', () => {
    let now = 0;
    const log = new EventLog({ maxConversations: 2, idleTtlMs: 1000, now: () => now });
    log.append('a', event('0'));
    log.append('b', event('0'));
    log.append('a', event('1'));
    log.append('c', event('0')); // b is the least recently used
    expect(log.position('b').last).toBe(0);
    expect(log.position('a').last).toBe(2);
    now = 5000;
    log.append('d', event('0'));
    expect(log.conversationCount).toBe(1);
  });

  test('a conversation with a subscriber is not dropped', async () => {
    const log = new EventLog({ maxConversations: 1 });
    log.append('watched', event('0'));
    const controller = new AbortController();
    const sub = log.subscribe('watched', 1, '', controller.signal).events;
    const pending = sub.next();
    await new Promise((r) => setImmediate(r));
    log.append('other', event('0'));
    expect(log.position('watched').last).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
