/**
 * Exponential backoff: the wait before the n-th attempt of a series. One policy, used by the
 * circuit breaker (its cooldown after each failed probe) and by event-stream reconnection.
 *
 * Stateless by design: the caller counts its own attempts, so the breaker can keep the count in
 * its state and the stream in its loop, and neither holds a timer.
 */
export interface BackoffOptions {
  /** The wait before attempt 1 (ms, >= 0). */
  initialMs: number;
  /** The longest wait (ms, >= 0); it caps initialMs too. */
  maxMs: number;
  /** Growth per attempt (>= 1). */
  multiplier: number;
  /**
   * 'none': exactly the exponential wait. 'half': a random wait in [wait/2, wait), so that
   * clients dropped together do not come back together, while still waiting at least half.
   */
  jitter: 'none' | 'half';
}

export interface Backoff {
  /** The wait before attempt `attempt` (1, 2, 3, …), in ms. */
  delay(attempt: number): number;
}

export function exponentialBackoff(options: BackoffOptions, random: () => number = Math.random): Backoff {
  const { initialMs, maxMs, multiplier, jitter } = options;
  for (const [name, value, min] of [
    ['initialMs', initialMs, 0],
    ['multiplier', multiplier, 1],
    ['maxMs', maxMs, 0],
  ] as const) {
    if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a number >= ${min}, got ${value}`);
  }
  return {
    delay(attempt: number): number {
      // A zero start stays zero; without the guard, 0 × an overflowed power (Infinity) would be NaN.
      const grown = initialMs === 0 ? 0 : initialMs * multiplier ** Math.max(0, attempt - 1);
      const ceiling = Math.min(maxMs, grown);
      return jitter === 'none' ? ceiling : ceiling / 2 + random() * (ceiling / 2);
    },
  };
}
