import { exponentialBackoff } from './backoff';

const delays = (backoff: { delay(n: number): number }, n: number): number[] => Array.from({ length: n }, (_, i) => backoff.delay(i + 1));

describe('exponentialBackoff', () => {
  test('without jitter: initial, then multiplied per attempt, capped', () => {
    expect(delays(exponentialBackoff({ initialMs: 1000, maxMs: 8000, multiplier: 2, jitter: 'none' }), 6)).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(delays(exponentialBackoff({ initialMs: 100, maxMs: 1000, multiplier: 3, jitter: 'none' }), 4)).toEqual([100, 300, 900, 1000]);
  });

  test('half jitter: between half the ceiling and the ceiling, from the given random source', () => {
    const low = exponentialBackoff({ initialMs: 100, maxMs: 5000, multiplier: 2, jitter: 'half' }, () => 0);
    const high = exponentialBackoff({ initialMs: 100, maxMs: 5000, multiplier: 2, jitter: 'half' }, () => 0.999);
    expect(delays(low, 8)).toEqual([50, 100, 200, 400, 800, 1600, 2500, 2500]);
    const top = delays(high, 8);
    for (const [i, ceiling] of [100, 200, 400, 800, 1600, 3200, 5000, 5000].entries()) {
      expect(top[i]).toBeLessThan(ceiling);
      expect(top[i]).toBeGreaterThan(ceiling * 0.99);
    }
  });

  test('a very long series stays at the cap, and a zero start stays zero (never NaN or Infinity)', () => {
    expect(exponentialBackoff({ initialMs: 5000, maxMs: 60_000, multiplier: 2, jitter: 'none' }).delay(5000)).toBe(60_000);
    expect(exponentialBackoff({ initialMs: 0, maxMs: 60_000, multiplier: 2, jitter: 'none' }).delay(5000)).toBe(0);
    expect(exponentialBackoff({ initialMs: 10, maxMs: 10, multiplier: 1, jitter: 'none' }).delay(3)).toBe(10);
    // The cap wins over a longer first wait.
    expect(exponentialBackoff({ initialMs: 10_000, maxMs: 5000, multiplier: 2, jitter: 'none' }).delay(1)).toBe(5000);
  });

  test('refuses options that would give a meaningless wait', () => {
    expect(() => exponentialBackoff({ initialMs: -1, maxMs: 10, multiplier: 2, jitter: 'none' })).toThrow(/initialMs/);
    expect(() => exponentialBackoff({ initialMs: 1, maxMs: 10, multiplier: 0.5, jitter: 'none' })).toThrow(/multiplier/);
    expect(() => exponentialBackoff({ initialMs: 10, maxMs: -5, multiplier: 2, jitter: 'none' })).toThrow(/maxMs/);
    expect(() => exponentialBackoff({ initialMs: NaN, maxMs: 5, multiplier: 2, jitter: 'none' })).toThrow(/initialMs/);
  });
});
