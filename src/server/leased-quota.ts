import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * A tenant's calls-per-second quota taken from a shared limiter (Redis) in leases of several
 * points, so that a replica asks Redis once per lease instead of once per call: on the Redis
 * store a turn then costs one round trip (its commit), not two.
 *
 * Never more calls than the limit are served in a window, over all replicas: every point served
 * was counted in the shared store first. What leasing gives up is fairness at the very edge of
 * the limit: a replica may hold up to `leaseSize - 1` unused points while another one is refused,
 * so the quota can refuse a little early (at most that many calls per replica per window). With a
 * lease of 1 it is exactly the shared limiter.
 *
 * A refused lease is remembered until the window ends: the shared count cannot fall before then,
 * so the calls that follow are refused here without asking Redis again.
 */
export interface QuotaLeaseOptions {
  /** The points in the shared limiter's window (its `points`). */
  points: number;
  /** Points taken at once; 1 asks the shared limiter on every call. */
  leaseSize: number;
  /** Milliseconds now; injectable for tests. */
  now?: () => number;
}

interface Lease {
  tenant: string;
  remaining: number;
  /** When the shared window the points came from ends. */
  until: number;
  /** The refusal to give until `until`, when the last lease was refused. */
  refusal?: RateLimiterRes;
  pending?: Promise<void>;
}

/** Tenants remembered at once before the table starts again (a lease lives one second). */
const MAX_TENANTS = 10_000;

/** The lease size for a limit: a hundredth of it, so leasing costs at most 1 % of the limit per replica. */
export function leaseSizeFor(points: number): number {
  return Math.max(1, Math.floor(points / 100));
}

export class LeasedQuota {
  private readonly leases = new Map<string, Lease>();
  private readonly now: () => number;

  constructor(
    private readonly shared: RateLimiterAbstract,
    private readonly options: QuotaLeaseOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Takes one point for `tenant`: undefined when a held lease covered it (no promise made on the
   * common path), else a promise that settles once the shared limiter answered. Refusal is a
   * RateLimiterRes thrown (or rejected), as from the shared limiter itself.
   */
  consume(tenant: string): Promise<void> | undefined {
    const lease = this.leases.get(tenant);
    return lease !== undefined && this.served(lease) ? undefined : this.consumeFromShared(tenant);
  }

  /**
   * Whether a point of the held lease serves the call (taking it); throws the refusal remembered
   * for the lease's window; false when the lease has nothing to give (spent or expired).
   */
  private served(lease: Lease): boolean {
    if (this.now() >= lease.until) return false;
    if (lease.remaining > 0) {
      lease.remaining--;
      return true;
    }
    if (lease.refusal !== undefined) {
      throw new RateLimiterRes(0, Math.max(0, lease.until - this.now()), lease.refusal.consumedPoints, false);
    }
    return false;
  }

  private async consumeFromShared(tenant: string): Promise<void> {
    for (;;) {
      let lease = this.leases.get(tenant);
      if (lease === undefined || (this.now() >= lease.until && lease.pending === undefined)) {
        if (this.leases.size >= MAX_TENANTS) this.leases.clear();
        lease = { tenant, remaining: 0, until: 0 };
        this.leases.set(tenant, lease);
      }
      if (this.served(lease)) return;
      // One request for a lease at a time per tenant; the calls that wait for it share its points.
      if (lease.pending === undefined) {
        const taken = lease;
        taken.pending = this.take(taken).finally(() => {
          taken.pending = undefined;
        });
      }
      await lease.pending;
    }
  }

  /** Asks the shared limiter for a lease and records what it granted (maybe less than asked, maybe nothing). */
  private async take(lease: Lease): Promise<void> {
    const { leaseSize, points } = this.options;
    let answer: RateLimiterRes;
    let refused = false;
    try {
      answer = await this.shared.consume(lease.tenant, leaseSize);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      answer = rejection;
      refused = true;
    }
    // The shared count holds the whole lease either way; what was free before it is ours to serve.
    const freeBefore = points - (answer.consumedPoints - leaseSize);
    const granted = refused ? Math.max(0, Math.min(leaseSize, freeBefore)) : leaseSize;
    lease.until = this.now() + answer.msBeforeNext;
    lease.remaining = granted;
    lease.refusal = granted === 0 ? answer : undefined;
  }
}
