import { randomUUID } from 'node:crypto';
import type { Event } from '../../../generated/voice_core/voice_core';
import type { Transition } from '../../primitives/types';
import { concurrentTurn } from '../errors';
import { eventIdOf, newWriteId } from '../event-ids';
import { notRetained, otherEvent, pastTheEnd, staleEpoch } from '../event-log-errors';
import { silentLogger, type Logger } from '../logger';
import type { EventLog, NewEvent, SessionStore, Stores, Subscription, VersionedSession } from '../stores';
import type { Cluster, RedisOptions } from 'ioredis';
import { RedisCommandStats } from './command-stats';
import { RedisConnection, storeFailure, type ScriptedRedis } from './connection';
import { encodeEvent, encodeTransitions, type StoredEvent } from './event-encoding';
import type { SentinelOptions } from './sentinel-options';
import { conversationKeys, DEFAULT_TENANT, sessionKey, type ConversationKeys } from './keys';
import { SessionCache } from './session-cache';
import { ShardedFollower } from './sharded-follower';
import { StreamFollower, type Follower } from './stream-follower';

/**
 * Sessions and the event log in Redis, shared by every replica.
 *
 * - A session is one string key, `{"v":1,"version":n,"rev":…,"data":…}`,
 *   with the session TTL. A turn commits with one Lua script that checks the
 *   version (and revision) it ran on, writes the session and appends the
 *   turn's events: all or nothing. A turn of a pure primitive runs on the
 *   session this process cached and needs no read first: on a conflict the
 *   script returns the stored session and the runtime runs the turn again.
 * - A conversation's events are one stream whose entry ids `0-<sequence>`
 *   are the sequence, so two replicas can never give out the same one. The
 *   epoch is stored beside it, and changes only when the log is really lost.
 */
export interface RedisStoreOptions {
  /** redis://… or rediss://… (TLS); or `clusterNodes`. */
  url?: string;
  /**
   * Seed nodes of a Redis Cluster (`host:port`, or redis:// / rediss:// URLs whose credentials and TLS apply to
   * every node), instead of `url`. Needs Redis 7 or later (sharded Pub/Sub wakes the followers).
   */
  clusterNodes?: readonly string[];
  /**
   * The master of a Sentinel group (Sentinel `host:port`s and the group's name), instead of `url`: found through
   * the Sentinels, and found again after a failover, by the command and the blocking connection alike.
   */
  sentinel?: SentinelOptions;
  /** Longest wait for one Redis command (default 1000 ms). */
  commandTimeoutMs: number;
  /** Session TTL after the last turn (default 30 min, as in memory). */
  sessionTtlMs: number;
  /** A log with no new event for this long expires (default 1 h, as in memory); its live subscribers keep it. */
  idleTtlMs: number;
  /**
   * A log a subscription created, still without events, lasts this long after its last subscriber (in any
   * process) left (default 60 s): in memory it goes with its last subscriber at once.
   */
  emptyLogTtlMs: number;
  /** Events kept per conversation (XADD MAXLEN; default 1000). */
  maxEventsPerConversation: number;
  /** Sessions this process remembers (last committed or loaded) to run a turn in one round trip; 0 turns it off. */
  sessionCacheSize: number;
  /** The tenant of a call that names none (every store method takes the call's tenant as its last argument). */
  tenant: string;
  logger: Logger;
  now: () => number;
  /**
   * Extra ioredis `RedisOptions` (TLS CA, Sentinel `sentinels` and `name`, …), which win over ours.
   * Typed loosely so that this package's public types do not depend on ioredis's own declarations.
   */
  redisOptions?: Record<string, unknown>;
}

export const DEFAULT_REDIS_STORE_OPTIONS: Omit<RedisStoreOptions, 'url' | 'clusterNodes' | 'sentinel'> = {
  commandTimeoutMs: 1000,
  sessionTtlMs: 30 * 60 * 1000,
  idleTtlMs: 60 * 60 * 1000,
  emptyLogTtlMs: 60 * 1000,
  maxEventsPerConversation: 1000,
  sessionCacheSize: 10_000,
  tenant: DEFAULT_TENANT,
  logger: silentLogger,
  now: Date.now,
};

/** Events read per XRANGE while replaying. */
const REPLAY_BATCH = 256;

export interface RedisStores extends Stores {
  /**
   * The command connection (an ioredis client), for other state the replicas share, such as the per-tenant
   * call quota. Typed loosely, like `redisOptions`, so that public types do not depend on ioredis's.
   */
  readonly commandClient: unknown;
  /** Streams this process follows live (one shared XREAD BLOCK over all of them; on a Cluster, sharded Pub/Sub). */
  followedStreamCount(): number;
  /** Resolves true once connected, false when `timeoutMs` passed first (the stores keep trying). */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export function createRedisStores(
  options: Partial<RedisStoreOptions> & ({ url: string } | { clusterNodes: readonly string[] } | { sentinel: SentinelOptions }),
): RedisStores {
  // An option given as undefined keeps its default.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as typeof options;
  const o: RedisStoreOptions = { ...DEFAULT_REDIS_STORE_OPTIONS, ...given };
  const connection = new RedisConnection({
    url: o.url,
    clusterNodes: o.clusterNodes,
    sentinel: o.sentinel,
    commandTimeoutMs: o.commandTimeoutMs,
    logger: o.logger,
    redisOptions: o.redisOptions as RedisOptions | undefined,
  });
  const follower: Follower =
    connection.blocking === undefined
      ? new ShardedFollower(connection.commands as unknown as Cluster, o.logger)
      : new StreamFollower(connection.blocking, connection.commands, o.logger);
  const stats = new RedisCommandStats(connection.pipelining);
  const events = new RedisEventLog(connection.commands, stats, follower, o);
  return {
    name: 'redis',
    commandClient: connection.commands,
    followedStreamCount: () => follower.streamCount,
    sessions: new RedisSessionStore(connection.commands, stats, o),
    metrics: {
      latency: stats.latency,
      errors: stats.errors,
      get outstanding() {
        return stats.outstanding;
      },
      followedStreams: () => follower.streamCount,
      followerConnections: () => follower.connectionCount,
    },
    events,
    status: connection,
    ready: (timeoutMs) => connection.ready(timeoutMs),
    async close() {
      await follower.close();
      await connection.close();
    },
  };
}

function decodeEntry(conversationId: string, epoch: string, id: string, fields: string[]): Event {
  const json = fields[fields.indexOf('e') + 1];
  const e = JSON.parse(json) as StoredEvent;
  return {
    eventType: e.t,
    traceId: e.tr,
    objectiveType: e.o,
    fromState: e.f,
    toState: e.to,
    data: e.d,
    conversationId,
    sequence: sequenceOf(id),
    timestamp: new Date(e.at),
    epoch,
    eventId: e.w === undefined ? '' : eventIdOf(e.w, sequenceOf(id)),
  };
}

function sequenceOf(id: string): number {
  return Number(id.slice(id.indexOf('-') + 1));
}

/** A session document as stored under its key. `rev` names the write (absent in documents written before it existed). */
interface StoredSession {
  v: number;
  version: number;
  rev?: string;
  data: unknown;
}

function parseSession(raw: string): VersionedSession {
  const stored = JSON.parse(raw) as StoredSession;
  return { version: stored.version, revision: stored.rev, data: stored.data };
}

const NO_SESSION: VersionedSession = { version: 0, data: undefined };

class RedisSessionStore implements SessionStore {
  private readonly cache: SessionCache;

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly commands: RedisCommandStats,
    private readonly options: RedisStoreOptions,
  ) {
    this.cache = new SessionCache(options.sessionCacheSize, options.sessionTtlMs, options.now);
  }

  async load(conversationId: string, objectiveType: string, tenant = this.options.tenant): Promise<VersionedSession | undefined> {
    const key = sessionKey(conversationId, objectiveType, tenant);
    let raw: string | null;
    try {
      raw = await this.commands.run('load', () => this.redis.get(key));
    } catch (error) {
      this.cache.forget(key);
      throw storeFailure(error, 'session store');
    }
    const loaded = raw === null ? undefined : parseSession(raw);
    this.cache.set(key, loaded ?? NO_SESSION);
    return loaded;
  }

  cached(conversationId: string, objectiveType: string, tenant = this.options.tenant): VersionedSession {
    return this.cache.get(sessionKey(conversationId, objectiveType, tenant));
  }

  async commit(
    conversationId: string,
    objectiveType: string,
    expectedVersion: number,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
    tenant = this.options.tenant,
  ): Promise<void> {
    // Checks the version only, as loaded by the caller: a lost race is ABORTED.
    const current = await this.write(
      conversationId,
      objectiveType,
      { version: expectedVersion, data: undefined },
      session,
      traceId,
      transitions,
      tenant,
    );
    if (current !== undefined) throw concurrentTurn(conversationId, objectiveType);
  }

  commitIfCurrent(
    conversationId: string,
    objectiveType: string,
    expected: VersionedSession,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
    tenant = this.options.tenant,
  ): Promise<VersionedSession | undefined> {
    return this.write(conversationId, objectiveType, expected, session, traceId, transitions, tenant);
  }

  /** One script: the compare-and-set and the events; on a conflict, the session stored now. The cache follows Redis. */
  private async write(
    conversationId: string,
    objectiveType: string,
    expected: VersionedSession,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
    tenant: string,
  ): Promise<VersionedSession | undefined> {
    const key = sessionKey(conversationId, objectiveType, tenant);
    const keys = conversationKeys(conversationId, tenant);
    const at = this.options.now();
    const revision = randomUUID();
    const document =
      session === undefined
        ? ''
        : JSON.stringify({ v: 1, version: expected.version + 1, rev: revision, data: session } satisfies StoredSession);
    const args: Array<string | number> = [
      key,
      keys.log,
      keys.events,
      expected.version,
      document,
      this.options.sessionTtlMs,
      this.options.idleTtlMs,
      this.options.maxEventsPerConversation,
      randomUUID(),
      expected.revision ?? '',
    ];
    for (const event of encodeTransitions(transitions, traceId, objectiveType, at, newWriteId())) args.push(event);
    let reply: [number, string | number, (number | string)?];
    try {
      reply = await this.commands.run('commit', () => this.redis.vcCommitTurn(...args));
    } catch (error) {
      // A timeout may or may not have applied the turn: what Redis holds is unknown.
      this.cache.forget(key);
      throw storeFailure(error, 'session store');
    }
    if (reply[0] === 0) {
      const raw = reply[2];
      const current = typeof raw === 'string' && raw !== '' ? parseSession(raw) : NO_SESSION;
      this.cache.set(key, current);
      return current;
    }
    // What we wrote, as it reads back from Redis (plain JSON), so that a cached turn sees what a loaded one would.
    this.cache.set(key, document === '' ? NO_SESSION : parseSession(document));
    return undefined;
  }
}

class RedisEventLog implements EventLog {
  /** Subscriptions this process serves: its own StreamEvents calls, for health and metrics (the log itself is shared). */
  private subscriptions = 0;

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly commands: RedisCommandStats,
    private readonly follower: Follower,
    private readonly options: RedisStoreOptions,
  ) {}

  async append(conversationId: string, event: NewEvent, tenant = this.options.tenant): Promise<void> {
    const keys = conversationKeys(conversationId, tenant);
    try {
      const document = encodeEvent(event, this.options.now(), newWriteId());
      await this.commands.run('append', () =>
        this.redis.vcAppendEvents(
          keys.log,
          keys.events,
          this.options.idleTtlMs,
          this.options.maxEventsPerConversation,
          randomUUID(),
          document,
        ),
      );
    } catch (error) {
      throw storeFailure(error, 'event log');
    }
  }

  async subscribe(
    conversationId: string,
    fromSequence: number,
    epoch: string,
    signal: AbortSignal,
    tenant = this.options.tenant,
    lastEventId = '',
  ): Promise<Subscription> {
    const keys = conversationKeys(conversationId, tenant);
    let current: string;
    let last: number;
    try {
      [current, last] = await this.commands.run('subscribe', () =>
        this.redis.vcOpenLog(keys.log, keys.events, this.options.emptyLogTtlMs, randomUUID()),
      );
    } catch (error) {
      throw storeFailure(error, 'event log');
    }
    if (epoch !== '' && epoch !== current) throw staleEpoch(conversationId, epoch, current);
    if (fromSequence > last) throw pastTheEnd(conversationId, fromSequence, last);
    return { epoch: current, events: this.follow(conversationId, keys, current, fromSequence, lastEventId, signal) };
  }

  async position(conversationId: string, tenant = this.options.tenant): Promise<{ last: number; epoch: string }> {
    const keys = conversationKeys(conversationId, tenant);
    try {
      const [epoch, last] = await this.commands.run('position', () => this.redis.hmget(keys.log, 'epoch', 'last'));
      return epoch === null ? { last: 0, epoch: '' } : { last: Number(last), epoch };
    } catch (error) {
      throw storeFailure(error, 'event log');
    }
  }

  private async *follow(
    conversationId: string,
    keys: ConversationKeys,
    epoch: string,
    fromSequence: number,
    lastEventId: string,
    signal: AbortSignal,
  ): AsyncGenerator<Event> {
    // Counted here, where the finally that uncounts is sure to run: a generator never started runs no finally.
    this.subscriptions++;
    // Watch before the first read, so that an event appended in between still wakes us.
    const watcher = this.follower.watch(keys.events, fromSequence);
    try {
      try {
        await watcher.ready;
      } catch (error) {
        throw storeFailure(error, 'event log');
      }
      let cursor = fromSequence;
      // The id of the event at the cursor, when known: each read then takes that event again, to check that the
      // log still holds it there. A log that lost its last events (a failover, a crash) keeps its epoch and gives
      // their sequences again: the events read after the cursor would then not follow the ones delivered.
      let atCursor = cursor === 0 ? '' : lastEventId;
      while (!signal.aborted) {
        watcher.clear();
        const { current, entries } = await this.read(keys, cursor, atCursor !== '');
        // The log was lost (expired or flushed) and perhaps started again: never hand out its events as ours.
        if (current !== epoch) throw staleEpoch(conversationId, epoch, current ?? '(none)');
        let next = 0;
        if (atCursor !== '' && entries.length > 0 && sequenceOf(entries[0][0]) === cursor) {
          const held = decodeEntry(conversationId, epoch, entries[0][0], entries[0][1]).eventId;
          if (held !== '' && held !== atCursor) throw otherEvent(conversationId, cursor, atCursor);
          next = 1;
        }
        // Otherwise the event at the cursor is gone: trimmed (a sequence is given again only after every earlier
        // one, so a lost tail refilled up to here would hold it), and nothing tells against what follows.
        if (next < entries.length) {
          const first = sequenceOf(entries[next][0]);
          if (first !== cursor + 1) {
            // from_sequence 0 asks for everything retained: nothing read yet, so start at the oldest retained event.
            if (fromSequence !== 0 || cursor !== 0) throw notRetained(conversationId, cursor, first);
            cursor = first - 1;
          }
          for (; next < entries.length; next++) {
            const [id, fields] = entries[next];
            const event = decodeEntry(conversationId, epoch, id, fields);
            cursor++;
            atCursor = event.eventId;
            yield event;
          }
          continue;
        }
        // Nothing written for a while: keep the log from expiring under its subscriber, then re-read (which also
        // notices a log lost meanwhile). A third of the TTL that applies, so that one missed refresh is harmless.
        const ttl = cursor === 0 ? Math.min(this.options.emptyLogTtlMs, this.options.idleTtlMs) : this.options.idleTtlMs;
        if (!(await watcher.wait(signal, Math.max(10, Math.floor(ttl / 3))))) await this.keepAlive(keys);
      }
      signal.throwIfAborted();
    } finally {
      watcher.close();
      this.subscriptions--;
    }
  }

  get openSubscriptions(): number {
    return this.subscriptions;
  }

  private async keepAlive(keys: ConversationKeys): Promise<void> {
    try {
      await this.commands.run('keep_alive', () =>
        this.redis.vcKeepAlive(keys.log, keys.events, this.options.idleTtlMs, this.options.emptyLogTtlMs),
      );
    } catch (error) {
      throw storeFailure(error, 'event log');
    }
  }

  /** The log's epoch and up to REPLAY_BATCH events after `cursor` (and the one at it, if `withCursor`), in one round trip. */
  private async read(
    keys: ConversationKeys,
    cursor: number,
    withCursor: boolean,
  ): Promise<{ current: string | null; entries: Array<[string, string[]]> }> {
    let results: Array<[Error | null, unknown]> | null;
    try {
      const start = withCursor ? `0-${cursor}` : `(0-${cursor}`;
      const count = withCursor ? REPLAY_BATCH + 1 : REPLAY_BATCH;
      results = await this.commands.run('read', () =>
        this.redis.pipeline().hget(keys.log, 'epoch').xrange(keys.events, start, '+', 'COUNT', count).exec(),
      );
    } catch (error) {
      throw storeFailure(error, 'event log');
    }
    if (results === null) throw storeFailure(new Error('pipeline discarded'), 'event log');
    for (const [error] of results) if (error !== null) throw storeFailure(error, 'event log');
    return { current: results[0][1] as string | null, entries: results[1][1] as Array<[string, string[]]> };
  }
}
