import { ServerError, Status, type CallContext } from 'nice-grpc-common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RETRY_PUSHBACK_HEADER } from '../headers';
import { LeasedQuota, leaseSizeFor } from './leased-quota';
import { tenantOf } from './tenant';
import { wholeNumbersFromEnv } from './env-numbers';

/**
 * Quotas and load shedding, in front of the runtime. Over a limit a call is refused at once with
 * RESOURCE_EXHAUSTED and `grpc-retry-pushback-ms` in its trailers (gRFC A6): never queued, never a
 * slow timeout. Per-tenant calls per second are counted in Redis when a client is given (all
 * replicas share one quota; an in-memory limiter stands in while Redis is away), else per process.
 * Concurrency (calls in flight, streams) is what this process holds, so it is counted here.
 */
export interface LimitsOptions {
  /** Calls (unary or stream opens) one tenant may start per second. */
  tenantCallsPerSecond: number;
  /** Event streams one tenant may hold open on this process. */
  tenantMaxStreams: number;
  /** Unary calls this process runs at once, over all tenants (health checks are not counted). */
  maxInFlight: number;
  /** Event streams on one conversation (per tenant) on this process. */
  maxStreamsPerConversation: number;
  /** Event streams one client connection may hold open. */
  maxStreamsPerConnection: number;
  /** Largest request metadata (bytes, names and values); grpc-js's server has no option for it, so it is checked here. */
  maxMetadataBytes: number;
  /** The ioredis client to keep the per-tenant call quota in (shared by replicas); per process when absent. */
  redis?: unknown;
}

export const DEFAULT_LIMITS: LimitsOptions = {
  tenantCallsPerSecond: 10_000,
  tenantMaxStreams: 1000,
  maxInFlight: 1000,
  maxStreamsPerConversation: 32,
  maxStreamsPerConnection: 50,
  maxMetadataBytes: 16 * 1024,
};

/** The environment variable of each limit (documented in the README's "Limits and quotas"). */
export const LIMIT_ENV: Record<keyof Omit<LimitsOptions, 'redis'>, string> = {
  tenantCallsPerSecond: 'VOICE_CORE_TENANT_CALLS_PER_SECOND',
  tenantMaxStreams: 'VOICE_CORE_TENANT_MAX_STREAMS',
  maxInFlight: 'VOICE_CORE_MAX_IN_FLIGHT',
  maxStreamsPerConversation: 'VOICE_CORE_MAX_STREAMS_PER_CONVERSATION',
  maxStreamsPerConnection: 'VOICE_CORE_MAX_STREAMS_PER_CONNECTION',
  maxMetadataBytes: 'VOICE_CORE_MAX_METADATA_BYTES',
};

/** How long a caller shed for load (in flight, streams) is told to wait: long enough for calls to finish. */
const SHED_PUSHBACK_MS = 100;
const STREAM_PUSHBACK_MS = 1000;

/** The limits the environment sets; a variable that is absent or empty keeps its default. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<LimitsOptions> {
  return wholeNumbersFromEnv(env, LIMIT_ENV);
}

type Unary<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;
type Streaming<Req, Res, Context extends CallContext> = (request: Req, context: Context) => AsyncIterable<Res>;

export class Limits {
  readonly options: LimitsOptions;
  private readonly calls: RateLimiterAbstract | LeasedQuota;
  private inFlight = 0;
  private readonly tenantStreams = new Map<string, number>();
  private readonly conversationStreams = new Map<string, number>();
  private readonly connectionStreams = new Map<string, number>();

  constructor(options: Partial<LimitsOptions> = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<LimitsOptions>;
    this.options = { ...DEFAULT_LIMITS, ...given };
    const memory = new RateLimiterMemory({ points: this.options.tenantCallsPerSecond, duration: 1, keyPrefix: 'calls' });
    this.calls =
      this.options.redis === undefined
        ? memory
        : new LeasedQuota(
            new RateLimiterRedis({
              storeClient: this.options.redis,
              points: this.options.tenantCallsPerSecond,
              duration: 1,
              keyPrefix: 'vc:quota:calls',
              // Redis away: the process's own count stands in at once rather than each call waiting on Redis.
              insuranceLimiter: memory,
              rejectIfRedisNotReady: true,
            }),
            // In leases, so that a turn on the Redis store costs one round trip (its commit), not two.
            { points: this.options.tenantCallsPerSecond, leaseSize: leaseSizeFor(this.options.tenantCallsPerSecond) },
          );
  }

  /** Calls in flight now (for tests and health). */
  get callsInFlight(): number {
    return this.inFlight;
  }

  /** Event streams held now by one tenant. */
  streamsOf(tenant: string): number {
    return this.tenantStreams.get(tenant) ?? 0;
  }

  /**
   * Wraps a unary handler: the in-flight cap first (a counter: shedding costs nothing), then the
   * tenant's call quota. Wrapping the handler keeps the unary path free of middleware.
   */
  unary<Req, Res>(handler: Unary<Req, Res>): Unary<Req, Res> {
    return async (request, context) => {
      if (this.inFlight >= this.options.maxInFlight) {
        throw exhausted(context, SHED_PUSHBACK_MS, `the server is running its limit of ${this.options.maxInFlight} calls; retry later`);
      }
      this.inFlight++;
      try {
        this.checkMetadata(context);
        await this.consume(tenantOf(context), context);
        return await handler(request, context);
      } finally {
        this.inFlight--;
      }
    };
  }

  /** Wraps the event-stream handler: the tenant's call quota, then its stream caps (tenant, conversation, connection). */
  stream<Req extends { conversationId: string }, Res, Context extends CallContext>(
    handler: Streaming<Req, Res, Context>,
  ): Streaming<Req, Res, Context> {
    return (request, context) => this.guardStream(handler, request, context);
  }

  private async *guardStream<Req extends { conversationId: string }, Res, Context extends CallContext>(
    handler: Streaming<Req, Res, Context>,
    request: Req,
    context: Context,
  ): AsyncIterable<Res> {
    const tenant = tenantOf(context);
    this.checkMetadata(context);
    await this.consume(tenant, context);
    const release = this.openStream(tenant, request.conversationId, context);
    try {
      yield* handler(request, context);
    } finally {
      release();
    }
  }

  private checkMetadata(context: CallContext): void {
    let bytes = 0;
    for (const [name, values] of context.metadata) {
      for (const value of values) bytes += name.length + (typeof value === 'string' ? Buffer.byteLength(value) : value.length);
    }
    if (bytes > this.options.maxMetadataBytes) {
      // No pushback: the same call would be refused again.
      throw new ServerError(
        Status.RESOURCE_EXHAUSTED,
        `request metadata is ${bytes} bytes; at most ${this.options.maxMetadataBytes} are accepted`,
      );
    }
  }

  private async consume(tenant: string, context: CallContext): Promise<void> {
    try {
      await this.calls.consume(tenant);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw exhausted(
          context,
          Math.max(1, Math.ceil(rejection.msBeforeNext)),
          `the tenant's limit of ${this.options.tenantCallsPerSecond} calls per second is reached; retry later`,
        );
      }
      // The quota store failed and nothing stood in: serve rather than refuse everyone.
    }
  }

  /** Counts a stream against its caps, or refuses it; returns what releases it. */
  private openStream(tenant: string, conversationId: string, context: CallContext): () => void {
    const conversation = `${tenant}\u0000${conversationId}`;
    const connection = context.peer;
    const { tenantMaxStreams, maxStreamsPerConversation, maxStreamsPerConnection } = this.options;
    if ((this.tenantStreams.get(tenant) ?? 0) >= tenantMaxStreams) {
      throw exhausted(context, STREAM_PUSHBACK_MS, `the tenant holds its limit of ${tenantMaxStreams} event streams; close one first`);
    }
    if ((this.conversationStreams.get(conversation) ?? 0) >= maxStreamsPerConversation) {
      throw exhausted(
        context,
        STREAM_PUSHBACK_MS,
        `conversation_id already has ${maxStreamsPerConversation} event streams open, the limit; close one first`,
      );
    }
    if ((this.connectionStreams.get(connection) ?? 0) >= maxStreamsPerConnection) {
      throw exhausted(context, STREAM_PUSHBACK_MS, `this connection holds its limit of ${maxStreamsPerConnection} event streams`);
    }
    increment(this.tenantStreams, tenant);
    increment(this.conversationStreams, conversation);
    increment(this.connectionStreams, connection);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      decrement(this.tenantStreams, tenant);
      decrement(this.conversationStreams, conversation);
      decrement(this.connectionStreams, connection);
    };
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Counts drop to nothing: a tenant, conversation or connection without streams holds no entry. */
function decrement(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 1) - 1;
  if (count <= 0) counts.delete(key);
  else counts.set(key, count);
}

/** RESOURCE_EXHAUSTED with the pushback (gRFC A6) in the trailers, which nice-grpc sends with the error. */
function exhausted(context: CallContext, retryAfterMs: number, message: string): ServerError {
  context.trailer.set(RETRY_PUSHBACK_HEADER, String(retryAfterMs));
  return new ServerError(Status.RESOURCE_EXHAUSTED, message);
}
