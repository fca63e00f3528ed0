import type { AdaptivePipelining } from './adaptive-pipelining';

/**
 * What the Redis stores measure of their own commands, for the metrics (which
 * read it when scraped): latency and failures per operation. The operations
 * are a fixed list, so every label is bounded; nothing about a conversation,
 * a session or an event is recorded.
 */
export const REDIS_OPERATIONS = ['load', 'commit', 'append', 'subscribe', 'read', 'keep_alive', 'position'] as const;
export type RedisOperation = (typeof REDIS_OPERATIONS)[number];

/** Seconds, 50 µs to 1 s: a command on a local network takes 0.1-1 ms; the default command timeout is 1 s. */
export const REDIS_COMMAND_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** One histogram series: counts per bucket (the last one is +Inf), sum and count; the shape the metrics read. */
export class LatencySeries {
  readonly counts = new Float64Array(REDIS_COMMAND_BUCKETS.length + 1);
  sum = 0;
  count = 0;

  constructor(readonly labels: { operation: RedisOperation }) {}

  observe(seconds: number): void {
    let i = 0;
    while (i < REDIS_COMMAND_BUCKETS.length && seconds > REDIS_COMMAND_BUCKETS[i]) i++;
    this.counts[i]++;
    this.sum += seconds;
    this.count++;
  }
}

/** Store metrics a store other than the in-memory one may offer (see Stores.metrics). */
export interface StoreCommandMetrics {
  readonly latency: readonly LatencySeries[];
  /** Failed commands (Redis away, slow or refusing) by operation. */
  readonly errors: Readonly<Record<RedisOperation, number>>;
  /** Commands sent and not answered yet. */
  readonly outstanding: number;
  /** Streams followed live by this process, and the connections that follow them. */
  followedStreams(): number;
  followerConnections(): number;
}

export class RedisCommandStats {
  readonly latencyOf: Record<RedisOperation, LatencySeries>;
  readonly errors: Record<RedisOperation, number>;

  constructor(private readonly pipelining: AdaptivePipelining) {
    this.latencyOf = Object.fromEntries(REDIS_OPERATIONS.map((operation) => [operation, new LatencySeries({ operation })])) as Record<
      RedisOperation,
      LatencySeries
    >;
    this.errors = Object.fromEntries(REDIS_OPERATIONS.map((operation) => [operation, 0])) as Record<RedisOperation, number>;
  }

  get latency(): LatencySeries[] {
    return Object.values(this.latencyOf);
  }

  get outstanding(): number {
    return this.pipelining.outstanding;
  }

  /** Sends a command (through the adaptive pipelining), timing it and counting its failure. */
  async run<T>(operation: RedisOperation, issue: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await this.pipelining.run(issue);
    } catch (error) {
      this.errors[operation]++;
      throw error;
    } finally {
      this.latencyOf[operation].observe((performance.now() - started) / 1000);
    }
  }
}
