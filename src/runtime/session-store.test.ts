import { MemoryEventLog } from './event-log';
import { MemorySessionStore } from './session-store';

const commit = (store: MemorySessionStore, conversationId: string, session: unknown, expectedVersion?: number): void =>
  store.commit(
    conversationId,
    'capture_email_au',
    expectedVersion ?? store.load(conversationId, 'capture_email_au')?.version ?? 0,
    session,
    't',
    [],
  );

describe('MemorySessionStore', () => {
  test('sessions expire ttl after their last turn, checked lazily', () => {
    let now = 0;
    const store = new MemorySessionStore({ ttlMs: 100, now: () => now }, new MemoryEventLog());
    commit(store, 'k', { state: 'confirming' });
    now = 99;
    expect(store.load('k', 'capture_email_au')?.data).toEqual({ state: 'confirming' });
    commit(store, 'k', { state: 'repairing' });
    now = 198;
    expect(store.load('k', 'capture_email_au')?.data).toEqual({ state: 'repairing' });
    now = 199;
    expect(store.load('k', 'capture_email_au')).toBeUndefined();
  });

  test('holds at most maxSessions, dropping the least recently used', () => {
    const store = new MemorySessionStore({ maxSessions: 2 }, new MemoryEventLog());
    commit(store, 'a', 1);
    commit(store, 'b', 2);
    commit(store, 'a', 3);
    commit(store, 'c', 4);
    expect(['a', 'b', 'c'].map((c) => store.load(c, 'capture_email_au')?.data)).toEqual([3, undefined, 4]);
    expect(store.size).toBe(2);
  });

  test('keys separate conversations and objective types', () => {
    expect(MemorySessionStore.key('c1', 'capture_email_au')).not.toBe(MemorySessionStore.key('c1', 'capture_phone_au'));
  });
});
