import { wholeNumbersFromEnv } from './env-numbers';

/**
 * Where the server keeps its state when not in memory, from the serve flags and the environment (a
 * flag wins over its variable): one Redis (`--redis-url`) or a Redis Cluster (`--redis-cluster-nodes`,
 * a few `host:port` seed nodes; the rest are discovered). Undefined when neither is given: in memory.
 */
export interface RedisFlags {
  'redis-url'?: string;
  'redis-cluster-nodes'?: string;
  'redis-session-cache-size'?: string;
}

export type RedisConfig = ({ url: string } | { clusterNodes: string[] }) & { sessionCacheSize?: number };

export const REDIS_ENV = {
  url: 'VOICE_CORE_REDIS_URL',
  clusterNodes: 'VOICE_CORE_REDIS_CLUSTER_NODES',
  sessionCacheSize: 'VOICE_CORE_REDIS_SESSION_CACHE_SIZE',
} as const;

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** `host:port`, or a redis:// / rediss:// URL (credentials and TLS then apply to every node). */
const NODE = /^(rediss?:\/\/([^@/]*@)?)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function redisConfigFrom(flags: RedisFlags, env: NodeJS.ProcessEnv): RedisConfig | undefined {
  const url = given(flags['redis-url']) ?? given(env[REDIS_ENV.url]);
  const nodesName = flags['redis-cluster-nodes'] !== undefined ? '--redis-cluster-nodes' : REDIS_ENV.clusterNodes;
  const nodesText = given(flags['redis-cluster-nodes']) ?? given(env[REDIS_ENV.clusterNodes]);
  const cacheName = flags['redis-session-cache-size'] !== undefined ? '--redis-session-cache-size' : REDIS_ENV.sessionCacheSize;
  const cacheText = flags['redis-session-cache-size'] ?? env[REDIS_ENV.sessionCacheSize];
  // 0 is allowed: it turns the cache off (every turn then reads its session first).
  const { sessionCacheSize } = wholeNumbersFromEnv({ [cacheName]: cacheText }, { sessionCacheSize: cacheName }, 0);
  if (url === undefined && nodesText === undefined) {
    if (sessionCacheSize !== undefined) throw new Error(`${cacheName} needs a Redis: --redis-url or --redis-cluster-nodes`);
    return undefined;
  }
  if (url !== undefined && nodesText !== undefined) throw new Error(`give either a Redis URL or ${nodesName}, not both`);
  if (url !== undefined) {
    if (!/^rediss?:\/\//.test(url))
      throw new Error(`the Redis URL must start with redis:// or rediss://, got "${url.split(':')[0].slice(0, 20)}:…"`);
    return { url, sessionCacheSize };
  }
  const clusterNodes = nodesText!.split(',').map((n) => n.trim());
  for (const node of clusterNodes) {
    if (!NODE.test(node) || Number(NODE.exec(node)![4]) > 65535) {
      throw new Error(`${nodesName} must be host:port (or redis:// URLs) separated by commas, got "${node.slice(0, 100)}"`);
    }
  }
  return { clusterNodes, sessionCacheSize };
}
