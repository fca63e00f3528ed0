import { CircuitBreaker, isRejection, type CircuitStateChange, type Permit, type Rejection } from './circuit-breaker';

class FakeClock {
  t = 1_000_000;
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

function permit(result: Permit | Rejection): Permit {
  if (isRejection(result)) throw new Error(`expected a permit, got a rejection (retry after ${result.retryAfterMs} ms)`);
  return result;
}

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i++) permit(breaker.acquire()).release('failure');
}

function setup(options = {}) {
  const clock = new FakeClock();
  const breaker = new CircuitBreaker({ now: clock.now, cooldownMs: 1000, maxCooldownMs: 8000, ...options });
  const changes: CircuitStateChange[] = [];
  breaker.onStateChange((c) => changes.push(c));
  return { clock, breaker, changes };
}

describe('CircuitBreaker', () => {
  test('closed → open after exactly 5 consecutive failures', () => {
    const { breaker, changes } = setup();
    fail(breaker, 4);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 4 });
    fail(breaker, 1);
    expect(breaker.snapshot().state).toBe('open');
    expect(changes).toEqual([{ from: 'closed', to: 'open', at: 1_000_000, cooldownMs: 1000 }]);
  });

  test('a success resets the consecutive count', () => {
    const { breaker } = setup();
    fail(breaker, 4);
    permit(breaker.acquire()).release('success');
    fail(breaker, 4);
    expect(breaker.snapshot().state).toBe('closed');
  });

  test('neutral outcomes (cancellations) neither count nor reset', () => {
    const { breaker } = setup();
    fail(breaker, 4);
    for (let i = 0; i < 100; i++) permit(breaker.acquire()).release('neutral');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 4 });
    fail(breaker, 1);
    expect(breaker.snapshot().state).toBe('open');
  });

  test('open: calls are refused at once with the time left', () => {
    const { clock, breaker } = setup();
    fail(breaker, 5);
    clock.advance(400);
    const result = breaker.acquire();
    expect(isRejection(result) && result.retryAfterMs).toBe(600);
    expect(breaker.snapshot().counters.rejected).toBe(1);
  });

  test('open → half-open lazily after the cooldown, with no timer', () => {
    const { clock, breaker, changes } = setup();
    fail(breaker, 5);
    clock.advance(999);
    expect(breaker.snapshot().state).toBe('open');
    clock.advance(1);
    expect(breaker.snapshot().state).toBe('half-open');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open']);
  });

  test('half-open → closed after 2 successful probes', () => {
    const { clock, breaker, changes } = setup();
    fail(breaker, 5);
    clock.advance(1000);
    const a = permit(breaker.acquire());
    const b = permit(breaker.acquire());
    expect(a.probe && b.probe).toBe(true);
    a.release('success');
    expect(breaker.snapshot().state).toBe('half-open');
    b.release('success');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
  });

  test('half-open lets through at most the permitted probes; the rest fail fast', () => {
    const { clock, breaker } = setup();
    fail(breaker, 5);
    clock.advance(1000);
    permit(breaker.acquire());
    permit(breaker.acquire());
    expect(isRejection(breaker.acquire())).toBe(true);
  });

  test('a probe slot used by a success is not handed out again', () => {
    const { clock, breaker } = setup({ successThreshold: 3, probes: 2 });
    fail(breaker, 5);
    clock.advance(1000);
    const a = permit(breaker.acquire());
    permit(breaker.acquire());
    a.release('success');
    // 1 success + 1 in flight < 2 probes? No: 2 slots are accounted for, so the next call waits.
    expect(isRejection(breaker.acquire())).toBe(true);
  });

  test('a failed probe re-opens with the cooldown backing off up to the cap', () => {
    const { clock, breaker, changes } = setup();
    fail(breaker, 5);
    const cooldowns: number[] = [];
    for (let i = 0; i < 5; i++) {
      const wait = (breaker.acquire() as Rejection).retryAfterMs;
      clock.advance(wait);
      permit(breaker.acquire()).release('failure');
      cooldowns.push(changes[changes.length - 1].cooldownMs ?? -1);
    }
    expect(cooldowns).toEqual([2000, 4000, 8000, 8000, 8000]);
    // Closing resets the backoff.
    clock.advance(8000);
    permit(breaker.acquire()).release('success');
    permit(breaker.acquire()).release('success');
    fail(breaker, 5);
    expect(changes[changes.length - 1].cooldownMs).toBe(1000);
  });

  test('a cancelled probe releases its slot', () => {
    const { clock, breaker } = setup();
    fail(breaker, 5);
    clock.advance(1000);
    const a = permit(breaker.acquire());
    permit(breaker.acquire());
    expect(isRejection(breaker.acquire())).toBe(true);
    a.release('neutral');
    expect(permit(breaker.acquire()).probe).toBe(true);
  });

  test('1000 concurrent callers at the half-open moment: only the permitted probes get through', () => {
    const { clock, breaker } = setup();
    fail(breaker, 5);
    clock.advance(1000);
    const results = Array.from({ length: 1000 }, () => breaker.acquire());
    const permits = results.filter((r): r is Permit => !isRejection(r));
    expect(permits).toHaveLength(2);
    expect(breaker.snapshot().counters.rejected).toBe(998);
    for (const p of permits) p.release('success');
    expect(breaker.snapshot().state).toBe('closed');
  });

  test('10 000 aborted calls leave the breaker closed and leak no probe slot', () => {
    const { clock, breaker } = setup();
    const inFlight = Array.from({ length: 10_000 }, () => permit(breaker.acquire()));
    for (const p of inFlight) p.release('neutral');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    // and in half-open, aborted probes give every slot back
    fail(breaker, 5);
    clock.advance(1000);
    for (let i = 0; i < 10_000; i++) permit(breaker.acquire()).release('neutral');
    expect(breaker.snapshot().state).toBe('half-open');
    permit(breaker.acquire()).release('success');
    permit(breaker.acquire()).release('success');
    expect(breaker.snapshot().state).toBe('closed');
  });

  test('outcomes of calls granted before a state change do not count after it', () => {
    const { clock, breaker } = setup();
    const slow = permit(breaker.acquire()); // granted while closed
    fail(breaker, 5);
    clock.advance(1000);
    const probe = permit(breaker.acquire());
    slow.release('success'); // stale: must not act as a probe success
    probe.release('success');
    expect(breaker.snapshot().state).toBe('half-open');
    const stale = permit(breaker.acquire());
    breaker.reset();
    stale.release('failure');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  test('releasing a permit twice counts once', () => {
    const { breaker } = setup();
    const p = permit(breaker.acquire());
    p.release('failure');
    p.release('failure');
    expect(breaker.snapshot().consecutiveFailures).toBe(1);
  });

  test('reset closes the circuit and tells listeners; disposed listeners hear nothing', () => {
    const { breaker, changes } = setup();
    fail(breaker, 5);
    breaker.reset();
    expect(breaker.snapshot().state).toBe('closed');
    const late: CircuitStateChange[] = [];
    const subscription = breaker.onStateChange((c) => late.push(c));
    subscription.dispose();
    fail(breaker, 5);
    expect(late).toEqual([]);
    expect(changes.map((c) => c.to)).toEqual(['open', 'closed', 'open']);
  });

  test('a throwing listener does not break the breaker', () => {
    const { breaker } = setup();
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    breaker.onStateChange(() => {
      throw new Error('listener bug');
    });
    fail(breaker, 5);
    expect(breaker.snapshot().state).toBe('open');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  test('counters add up', () => {
    const { breaker } = setup();
    permit(breaker.acquire()).release('success');
    permit(breaker.acquire()).release('neutral');
    fail(breaker, 5);
    breaker.acquire();
    expect(breaker.snapshot().counters).toEqual({ permitted: 7, rejected: 1, successes: 1, failures: 5, neutral: 1, opened: 1, closed: 0 });
  });

  test('options are validated', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ cooldownMs: 10, maxCooldownMs: 5 })).toThrow(/maxCooldownMs/);
    expect(() => new CircuitBreaker({ probes: 3, successThreshold: 2 })).toThrow(/probes/);
  });

  test('it keeps no timer', () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const { breaker } = setup();
    fail(breaker, 5);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });
});
