import { SessionCache } from './session-cache';

describe('SessionCache', () => {
  test('answers "no session" (version 0) for a key it does not hold or that expired', () => {
    let now = 1000;
    const cache = new SessionCache(10, 500, () => now);
    expect(cache.get('a')).toEqual({ version: 0, data: undefined });
    cache.set('a', { version: 3, revision: 'r3', data: { state: 'confirming' } });
    expect(cache.get('a')).toEqual({ version: 3, revision: 'r3', data: { state: 'confirming' } });
    now += 500;
    expect(cache.get('a').version).toBe(0);
    expect(cache.size).toBe(0);
  });

  test('holds at most maxEntries, dropping the least recently used; 0 holds nothing', () => {
    const cache = new SessionCache(2, 60_000, () => 0);
    cache.set('a', { version: 1, data: 'a' });
    cache.set('b', { version: 1, data: 'b' });
    cache.get('a'); // a is now more recent than b
    cache.set('c', { version: 1, data: 'c' });
    expect(cache.size).toBe(2);
    expect(cache.get('b').version).toBe(0);
    expect(cache.get('a').data).toBe('a');
    cache.forget('a');
    expect(cache.get('a').version).toBe(0);
    const off = new SessionCache(0, 60_000, () => 0);
    off.set('a', { version: 1, data: 'a' });
    expect(off.size).toBe(0);
  });
});
