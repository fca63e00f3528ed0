import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { SentinelOptions } from './sentinel-options';

export type { SentinelOptions } from './sentinel-options';
import { VoiceCoreRequestError } from '../errors';
import type { Logger } from '../logger';
import type { StoreStatus } from '../stores';
import { AdaptivePipelining } from './adaptive-pipelining';
import { appendEventsScript, commitTurnScript, KEEP_ALIVE, OPEN_LOG } from './scripts';

/** The command connection with the scripts defined on it (ioredis sends EVALSHA, and EVAL after NOSCRIPT). */
export interface ScriptedRedis extends Redis {
  vcCommitTurn(...args: Array<string | number>): Promise<[number, string | number, (number | string)?]>;
  vcAppendEvents(...args: Array<string | number>): Promise<[string, number]>;
  vcOpenLog(...args: Array<string | number>): Promise<[string, number]>;
  vcKeepAlive(...args: Array<string | number>): Promise<number>;
}

export interface RedisConnectionOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// (TLS); or `clusterNodes`, or `sentinel`. */
  url?: string;
  /** Seed nodes of a Redis Cluster (`host:port` or redis:// URLs, whose credentials and TLS apply to every node). */
  clusterNodes?: readonly string[];
  /** The master of a Sentinel group, instead of a URL. */
  sentinel?: SentinelOptions;
  /** Longest wait for any one command before it fails (and the call fails with UNAVAILABLE). */
  commandTimeoutMs: number;
  logger: Logger;
  /** Extra ioredis options (TLS CA, Sentinel, …); they win over the defaults here. */
  redisOptions?: RedisOptions;
}

/**
 * Two connections to one Redis: one for commands (auto-pipelined while
 * another command is outstanding, so that concurrent turns share round trips
 * and a lone turn does not wait for them: see adaptive-pipelining.ts) and one that only ever blocks in XREAD
 * for all of this process's subscribers. Commands never queue while Redis is
 * away (enableOfflineQueue false) and each has a timeout, so a call fails
 * fast with UNAVAILABLE rather than hanging; ioredis reconnects by itself.
 */
export class RedisConnection implements StoreStatus {
  /** One Redis, or a Cluster (which answers the same commands: ioredis's Cluster and Redis share them). */
  readonly commands: ScriptedRedis;
  /** The XREAD BLOCK connection of the follower; none on a Cluster (see the constructor). */
  readonly blocking: Redis | undefined;
  /** Issue every command of the stores through this, so that a lone one is not held back for a pipeline. */
  readonly pipelining: AdaptivePipelining;
  private readonly listeners = new Set<(available: boolean) => void>();
  private wasAvailable = false;
  private closed = false;
  /** On a Cluster: whether some master node answered the last probe (see probeCluster). */
  private clusterReachable = true;
  private probeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RedisConnectionOptions) {
    const common: RedisOptions = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect quickly after an outage, but without hammering Redis.
      retryStrategy: (times) => Math.min(50 * times, 1000),
      connectTimeout: Math.max(1000, options.commandTimeoutMs),
      // A master demoted to replica (a failover) answers writes READONLY: reconnect, which on Sentinel asks
      // for the new master (and behind a DNS name that moved, finds it). The failed command is not re-sent:
      // its caller gets UNAVAILABLE and may retry.
      reconnectOnError: (error) => error.message.startsWith('READONLY'),
      ...options.redisOptions,
    };
    const commandOptions: RedisOptions = {
      ...common,
      commandTimeout: options.commandTimeoutMs,
      // Switched on and off per command by AdaptivePipelining.
      enableAutoPipelining: false,
      connectionName: 'voice-core',
    };
    if (options.clusterNodes !== undefined) {
      this.commands = createCluster(options.clusterNodes, commandOptions) as unknown as ScriptedRedis;
      // No blocking connection: a Cluster refuses an XREAD over streams of several slots (CROSSSLOT), so
      // subscribers are woken by sharded Pub/Sub instead (one subscriber connection per shard, in ioredis).
      this.blocking = undefined;
      this.probeTimer = setInterval(() => void this.probeCluster(), CLUSTER_PROBE_MS);
      this.probeTimer.unref();
    } else {
      const { url, sentinel } = options;
      if (url === undefined && sentinel === undefined) throw new Error('a Redis URL, Cluster nodes or Sentinels are needed');
      // Both connections find the master the same way: through the Sentinels (each asks them again after
      // every disconnection) or at the URL. So does any ioredis duplicate() of them, which copies the options.
      const connect = (own: RedisOptions): Redis =>
        sentinel !== undefined ? new Redis({ ...sentinelRedisOptions(sentinel), ...own }) : new Redis(url!, own);
      this.commands = connect(commandOptions) as ScriptedRedis;
      // The blocking connection has no command timeout: its XREAD blocks for a bounded time of its own.
      this.blocking = connect({ ...common, connectionName: 'voice-core-follow' });
    }
    // Only a Cluster's followers wait on the scripts' wake-up messages (see scripts.ts).
    const wake = this.blocking === undefined;
    this.commands.defineCommand('vcCommitTurn', { numberOfKeys: 3, lua: commitTurnScript(wake) });
    this.commands.defineCommand('vcAppendEvents', { numberOfKeys: 2, lua: appendEventsScript(wake) });
    this.commands.defineCommand('vcOpenLog', { numberOfKeys: 2, lua: OPEN_LOG });
    this.commands.defineCommand('vcKeepAlive', { numberOfKeys: 2, lua: KEEP_ALIVE });
    this.pipelining = new AdaptivePipelining(this.commands);
    for (const client of this.blocking === undefined ? [this.commands] : [this.commands, this.blocking]) {
      client.on('ready', () => this.update());
      client.on('close', () => this.update());
      client.on('end', () => this.update());
      client.on('error', (error: Error) => this.onError(error));
    }
  }

  get available(): boolean {
    return (
      !this.closed &&
      this.commands.status === 'ready' &&
      (this.blocking === undefined || this.blocking.status === 'ready') &&
      this.clusterReachable
    );
  }

  onChange(listener: (available: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once both connections are ready, false if `timeoutMs` passes first. */
  ready(timeoutMs: number): Promise<boolean> {
    if (this.available) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        remove();
        resolve(false);
      }, timeoutMs);
      const remove = this.onChange((available) => {
        if (!available) return;
        clearTimeout(timer);
        remove();
        resolve(true);
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probeTimer);
    this.update();
    this.blocking?.disconnect();
    await this.commands.quit().catch(() => this.commands.disconnect());
  }

  private update(): void {
    const available = this.available;
    if (available === this.wasAvailable) return;
    this.wasAvailable = available;
    if (!this.closed) {
      if (available) this.options.logger.info({}, 'Redis available');
      else this.options.logger.warn({}, 'Redis unavailable: calls fail with UNAVAILABLE until it is back');
    }
    for (const listener of this.listeners) listener(available);
  }

  private probing = false;

  /**
   * A Cluster client stays "ready" while every node is down (it connects to nodes lazily and only learns
   * of an outage from the commands it sends), so health asks the masters: PING each, within the command
   * timeout. Available while any answers: with some nodes down, calls on their slots fail UNAVAILABLE and
   * the rest work, and every replica of the service sees the same, so NOT_SERVING would not help anyone.
   */
  private async probeCluster(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      const masters = (this.commands as unknown as Cluster).nodes('master');
      const answers = await Promise.all(
        masters.map((node) =>
          node.ping().then(
            () => true,
            () => false,
          ),
        ),
      );
      this.clusterReachable = answers.includes(true);
      this.update();
    } finally {
      this.probing = false;
    }
  }

  private lastErrorLog = 0;

  private onError(error: Error): void {
    // ioredis reports every failed reconnection attempt: one line per 5 s is enough.
    const now = Date.now();
    if (now - this.lastErrorLog < 5000) return;
    this.lastErrorLog = now;
    this.options.logger.warn({ err: { message: error.message } }, 'Redis connection error');
  }
}

/** How often a Cluster's masters are pinged for health. */
const CLUSTER_PROBE_MS = 1000;

/**
 * A Cluster client from seed nodes. Credentials and TLS of a redis:// or rediss:// seed apply to every
 * node (the others are discovered). Keys of one conversation share a hash tag, so every script runs on
 * one node; sharded subscribers carry the wake-ups of followed streams.
 */
function createCluster(nodes: readonly string[], options: RedisOptions): Cluster {
  const redisOptions: RedisOptions = { ...options };
  const seeds = nodes.map((node) => {
    if (!/^rediss?:\/\//.test(node)) return node;
    const url = new URL(node);
    if (url.username !== '') redisOptions.username = decodeURIComponent(url.username);
    if (url.password !== '') redisOptions.password = decodeURIComponent(url.password);
    if (url.protocol === 'rediss:') redisOptions.tls ??= {};
    return `${url.hostname}:${url.port === '' ? '6379' : url.port}`;
  });
  const { enableOfflineQueue, retryStrategy, enableAutoPipelining, ...perNode } = redisOptions;
  return new Cluster(seeds, {
    enableOfflineQueue,
    enableAutoPipelining,
    clusterRetryStrategy: (times) => retryStrategy?.(times) ?? 1000,
    shardedSubscribers: true,
    redisOptions: perNode,
  });
}

/** ioredis options that reach the master of a Sentinel group (ours, the caller's `redisOptions`, come after). */
function sentinelRedisOptions(sentinel: SentinelOptions): RedisOptions {
  return {
    sentinels: sentinel.sentinels.map((node) => {
      const colon = node.lastIndexOf(':');
      return { host: node.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(node.slice(colon + 1)) };
    }),
    name: sentinel.name,
    sentinelPassword: sentinel.sentinelPassword,
    password: sentinel.password,
    // Listen for +switch-master on the Sentinels, so that a failover is followed at once, even when the old
    // master stays reachable (a partition), rather than at the next error.
    failoverDetector: true,
  };
}

/** Reply errors that mean "Redis cannot serve right now", not a bug in a script. */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|NOREPLICAS)\b/;

/**
 * A failed Redis command as the caller should see it: UNAVAILABLE when Redis
 * is down, slow or busy (the SDK's breaker counts it). Anything else is a bug,
 * to be logged and reported as INTERNAL: it is rethrown as a new Error with
 * the message alone, because ioredis attaches the command and its arguments
 * (session data, events) to its errors, and those must never reach a log.
 */
export function storeFailure(error: unknown, what: string): Error {
  if (error instanceof VoiceCoreRequestError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'ReplyError' && !TRANSIENT_REPLY.test(message)) return new Error(`the ${what} (Redis) refused a command: ${message}`);
  return new VoiceCoreRequestError('UNAVAILABLE', `the ${what} (Redis) is unavailable: ${message}`);
}
