import { wholeNumbersFromEnv } from './env-numbers';

/**
 * Where the server keeps its state when not in memory, from the serve flags and the environment (a
 * flag wins over its variable): one Redis (`--redis-url`), a Redis Cluster (`--redis-cluster-nodes`,
 * a few `host:port` seed nodes; the rest are discovered), or the master a Sentinel group names
 * (`--redis-sentinels` and `--redis-sentinel-name`). Undefined when none is given: in memory.
 */
export interface RedisFlags {
  'redis-url'?: string;
  'redis-cluster-nodes'?: string;
  'redis-sentinels'?: string;
  'redis-sentinel-name'?: string;
  'redis-session-cache-size'?: string;
  'redis-empty-log-ttl-ms'?: string;
}

/** The master of a Sentinel group: Sentinel `host:port`s, the group's name, and the passwords that apply. */
export interface SentinelTarget {
  sentinels: string[];
  sentinelName: string;
  /** The Sentinels' own password (their `requirepass`), when they have one. */
  sentinelPassword?: string;
  /** The password of the master and its replicas, when they have one (a URL carries its own; Sentinel has none to carry it). */
  password?: string;
}

export type RedisConfig = ({ url: string } | { clusterNodes: string[] } | SentinelTarget) & {
  sessionCacheSize?: number;
  emptyLogTtlMs?: number;
};

export const REDIS_ENV = {
  url: 'VOICE_CORE_REDIS_URL',
  clusterNodes: 'VOICE_CORE_REDIS_CLUSTER_NODES',
  sentinels: 'VOICE_CORE_REDIS_SENTINELS',
  sentinelName: 'VOICE_CORE_REDIS_SENTINEL_NAME',
  // Passwords only from the environment: a flag would show in `ps`.
  sentinelPassword: 'VOICE_CORE_REDIS_SENTINEL_PASSWORD',
  password: 'VOICE_CORE_REDIS_PASSWORD',
  sessionCacheSize: 'VOICE_CORE_REDIS_SESSION_CACHE_SIZE',
  emptyLogTtlMs: 'VOICE_CORE_REDIS_EMPTY_LOG_TTL_MS',
} as const;

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A flag, else its variable, with the name to put in an error message (the one the operator set). */
function setting(flags: RedisFlags, flag: keyof RedisFlags, env: NodeJS.ProcessEnv, variable: string) {
  const fromFlag = given(flags[flag]);
  if (fromFlag !== undefined) return { text: fromFlag, name: `--${flag}` };
  const fromEnv = given(env[variable]);
  return { text: fromEnv, name: fromEnv === undefined ? `--${flag} (${variable})` : variable };
}

/** `host:port`, or a redis:// / rediss:// URL (credentials and TLS then apply to every node). */
const NODE = /^(rediss?:\/\/([^@/]*@)?)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;
/** A Sentinel: `host:port` only (its password is VOICE_CORE_REDIS_SENTINEL_PASSWORD). */
const SENTINEL = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function redisConfigFrom(flags: RedisFlags, env: NodeJS.ProcessEnv): RedisConfig | undefined {
  const url = setting(flags, 'redis-url', env, REDIS_ENV.url);
  const nodes = setting(flags, 'redis-cluster-nodes', env, REDIS_ENV.clusterNodes);
  const sentinels = setting(flags, 'redis-sentinels', env, REDIS_ENV.sentinels);
  const sentinelName = setting(flags, 'redis-sentinel-name', env, REDIS_ENV.sentinelName);
  const cacheName = flags['redis-session-cache-size'] !== undefined ? '--redis-session-cache-size' : REDIS_ENV.sessionCacheSize;
  const ttlName = flags['redis-empty-log-ttl-ms'] !== undefined ? '--redis-empty-log-ttl-ms' : REDIS_ENV.emptyLogTtlMs;
  // 0 is allowed for the cache: it turns it off (every turn then reads its session first).
  const { sessionCacheSize } = wholeNumbersFromEnv(
    { [cacheName]: flags['redis-session-cache-size'] ?? env[REDIS_ENV.sessionCacheSize] },
    { sessionCacheSize: cacheName },
    0,
  );
  const { emptyLogTtlMs } = wholeNumbersFromEnv(
    { [ttlName]: flags['redis-empty-log-ttl-ms'] ?? env[REDIS_ENV.emptyLogTtlMs] },
    { emptyLogTtlMs: ttlName },
  );
  const sentinelPassword = given(env[REDIS_ENV.sentinelPassword]);
  const password = given(env[REDIS_ENV.password]);
  const sentinel = sentinels.text !== undefined || sentinelName.text !== undefined;
  const targets = [url, nodes].filter((t) => t.text !== undefined).map((t) => t.name);
  if (sentinel) targets.push(sentinels.text !== undefined ? sentinels.name : sentinelName.name);
  if (targets.length === 0) {
    for (const [value, name] of [
      [sessionCacheSize, cacheName],
      [emptyLogTtlMs, ttlName],
      [sentinelPassword, REDIS_ENV.sentinelPassword],
      [password, REDIS_ENV.password],
    ] as const) {
      if (value !== undefined) throw new Error(`${name} needs a Redis: --redis-url, --redis-cluster-nodes or --redis-sentinels`);
    }
    return undefined;
  }
  if (targets.length > 1) throw new Error(`give one Redis: ${targets.join(' or ')}, not several`);
  const tuning = { sessionCacheSize, emptyLogTtlMs };
  if (!sentinel && (sentinelPassword !== undefined || password !== undefined)) {
    const name = sentinelPassword !== undefined ? REDIS_ENV.sentinelPassword : REDIS_ENV.password;
    throw new Error(`${name} applies to --redis-sentinels only (put a Redis password in the URL)`);
  }
  if (url.text !== undefined) {
    if (!/^rediss?:\/\//.test(url.text))
      throw new Error(`the Redis URL must start with redis:// or rediss://, got "${url.text.split(':')[0].slice(0, 20)}:…"`);
    return { url: url.text, ...tuning };
  }
  if (nodes.text !== undefined) {
    const clusterNodes = nodes.text.split(',').map((n) => n.trim());
    for (const node of clusterNodes) {
      if (!NODE.test(node) || Number(NODE.exec(node)![4]) > 65535) {
        throw new Error(`${nodes.name} must be host:port (or redis:// URLs) separated by commas, got "${node.slice(0, 100)}"`);
      }
    }
    return { clusterNodes, ...tuning };
  }
  if (sentinels.text === undefined) throw new Error(`${sentinelName.name} needs --redis-sentinels (${REDIS_ENV.sentinels})`);
  if (sentinelName.text === undefined) throw new Error(`${sentinels.name} needs --redis-sentinel-name (${REDIS_ENV.sentinelName})`);
  const hosts = sentinels.text.split(',').map((n) => n.trim());
  for (const host of hosts) {
    if (!SENTINEL.test(host) || Number(SENTINEL.exec(host)![2]) > 65535) {
      throw new Error(`${sentinels.name} must be host:port separated by commas, got "${host.slice(0, 100)}"`);
    }
  }
  return {
    sentinels: hosts,
    sentinelName: sentinelName.text,
    ...(sentinelPassword === undefined ? {} : { sentinelPassword }),
    ...(password === undefined ? {} : { password }),
    ...tuning,
  };
}
