import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LeasedQuota, leaseSizeFor } from './leased-quota';

/** Replicas sharing one limiter, as they share Redis; the shared limiter counts how often it is asked. */
function replicas(points: number, leaseSize: number, count: number) {
  const shared = new RateLimiterMemory({ points, duration: 1 });
  const consume = shared.consume.bind(shared);
  let asked = 0;
  shared.consume = (key, p) => {
    asked++;
    return consume(key, p);
  };
  return {
    quotas: Array.from({ length: count }, () => new LeasedQuota(shared, { points, leaseSize })),
    asked: () => asked,
  };
}

async function take(quota: LeasedQuota, tenant = 't'): Promise<'served' | RateLimiterRes> {
  try {
    await quota.consume(tenant);
    return 'served';
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return refusal;
    throw refusal;
  }
}

describe('LeasedQuota', () => {
  test('a lease is a hundredth of the limit, at least 1', () => {
    expect(leaseSizeFor(10_000)).toBe(100);
    expect(leaseSizeFor(150)).toBe(1);
    expect(leaseSizeFor(1)).toBe(1);
  });

  test('asks the shared limiter once per lease, not once per call', async () => {
    const { quotas, asked } = replicas(1000, 10, 1);
    for (let i = 0; i < 95; i++) expect(await take(quotas[0])).toBe('served');
    expect(asked()).toBe(10);
  });

  test('calls that arrive together wait for one request and share its points', async () => {
    const { quotas, asked } = replicas(1000, 10, 1);
    const results = await Promise.all(Array.from({ length: 50 }, () => take(quotas[0])));
    expect(results.every((r) => r === 'served')).toBe(true);
    expect(asked()).toBe(5);
  });

  test('replicas together serve exactly the limit in a window, the last lease partly', async () => {
    const { quotas } = replicas(1005, 10, 3);
    const results = [];
    for (let i = 0; i < 1500; i++) results.push(await take(quotas[i % 3]));
    expect(results.filter((r) => r === 'served')).toHaveLength(1005);
  });

  test('one replica holding unused points makes the others refuse early by at most a lease each', async () => {
    const { quotas } = replicas(100, 10, 2);
    expect(await take(quotas[1])).toBe('served'); // replica 1 holds 9 points it will not use
    let served = 0;
    for (let i = 0; i < 200; i++) if ((await take(quotas[0])) === 'served') served++;
    expect(served).toBe(90);
  });

  test('a refusal is remembered until the window ends, then the quota is asked again', async () => {
    const { quotas, asked } = replicas(20, 10, 1);
    for (let i = 0; i < 20; i++) expect(await take(quotas[0])).toBe('served');
    const refusal = await take(quotas[0]);
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
    const askedAfterRefusal = asked();
    for (let i = 0; i < 10; i++) expect(await take(quotas[0])).toBeInstanceOf(RateLimiterRes);
    expect(asked()).toBe(askedAfterRefusal);
    await new Promise((r) => setTimeout(r, (refusal as RateLimiterRes).msBeforeNext + 50));
    expect(await take(quotas[0])).toBe('served');
    expect(asked()).toBe(askedAfterRefusal + 1);
  });

  test('tenants have leases of their own', async () => {
    const { quotas } = replicas(10, 5, 1);
    for (let i = 0; i < 10; i++) expect(await take(quotas[0], 'a')).toBe('served');
    expect(await take(quotas[0], 'a')).toBeInstanceOf(RateLimiterRes);
    expect(await take(quotas[0], 'b')).toBe('served');
  });

  test('a failing shared limiter fails the call that asked, and the next call asks again', async () => {
    const shared = new RateLimiterMemory({ points: 100, duration: 1 });
    let fail = true;
    const consume = shared.consume.bind(shared);
    shared.consume = (key, p) => (fail ? Promise.reject(new Error('store away')) : consume(key, p));
    const quota = new LeasedQuota(shared, { points: 100, leaseSize: 10 });
    await expect(quota.consume('t')).rejects.toThrow('store away');
    fail = false;
    expect(await take(quota)).toBe('served');
  });
});
