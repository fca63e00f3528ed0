import { SessionStore } from './session-store';

describe('SessionStore', () => {
  test('sessions expire ttl after their last turn, checked lazily', () => {
    let now = 0;
    const store = new SessionStore({ ttlMs: 100, now: () => now });
    store.set('k', { state: 'confirming' });
    now = 99;
    expect(store.get('k')).toEqual({ state: 'confirming' });
    store.set('k', { state: 'repairing' });
    now = 198;
    expect(store.get('k')).toEqual({ state: 'repairing' });
    now = 199;
    expect(store.get('k')).toBeUndefined();
  });

  test('setting undefined ends the session', () => {
    const store = new SessionStore();
    store.set('k', 1);
    store.set('k', undefined);
    expect(store.get('k')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  test('holds at most maxSessions, dropping the least recently used', () => {
    const store = new SessionStore({ maxSessions: 2 });
    store.set('a', 1);
    store.set('b', 2);
    store.set('a', 3);
    store.set('c', 4);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([3, undefined, 4]);
  });

  test('keys separate conversations and objective types', () => {
    expect(SessionStore.key('c1', 'capture_email_au')).not.toBe(SessionStore.key('c1', 'capture_phone_au'));
  });
});
