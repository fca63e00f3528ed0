import { redisConfigFrom } from './redis-config';

describe('the Redis configuration from flags and the environment', () => {
  test('none given: in memory', () => {
    expect(redisConfigFrom({}, {})).toBeUndefined();
    expect(redisConfigFrom({}, { VOICE_CORE_REDIS_URL: ' ' })).toBeUndefined();
  });

  test('one Redis by URL, a flag winning over its variable', () => {
    expect(redisConfigFrom({}, { VOICE_CORE_REDIS_URL: 'redis://a:6379' })).toEqual({ url: 'redis://a:6379' });
    expect(redisConfigFrom({ 'redis-url': 'rediss://b:6380' }, { VOICE_CORE_REDIS_URL: 'redis://a:6379' })).toEqual({
      url: 'rediss://b:6380',
    });
    expect(() => redisConfigFrom({ 'redis-url': 'http://user:secret@a' }, {})).toThrow('must start with redis:// or rediss://');
    // The password of a mistyped URL is not echoed.
    expect(() => redisConfigFrom({ 'redis-url': 'http://user:secret@a' }, {})).not.toThrow('secret');
  });

  test('a Redis Cluster by seed nodes', () => {
    expect(redisConfigFrom({}, { VOICE_CORE_REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,rediss://u:p@c:7002' })).toEqual({
      clusterNodes: ['10.0.0.1:7000', 'redis-b:7001', 'rediss://u:p@c:7002'],
    });
    expect(() => redisConfigFrom({ 'redis-cluster-nodes': 'a:7000,b' }, {})).toThrow('--redis-cluster-nodes must be host:port');
    expect(() => redisConfigFrom({}, { VOICE_CORE_REDIS_CLUSTER_NODES: 'a:99999' })).toThrow('VOICE_CORE_REDIS_CLUSTER_NODES');
    expect(() => redisConfigFrom({ 'redis-url': 'redis://a' }, { VOICE_CORE_REDIS_CLUSTER_NODES: 'a:7000' })).toThrow(
      'give one Redis: --redis-url or VOICE_CORE_REDIS_CLUSTER_NODES, not several',
    );
  });

  test('the master of a Sentinel group: both of the pair, host:port Sentinels, passwords from the environment only', () => {
    expect(redisConfigFrom({ 'redis-sentinels': 's1:26379, [::1]:26380', 'redis-sentinel-name': 'mymaster' }, {})).toEqual({
      sentinels: ['s1:26379', '[::1]:26380'],
      sentinelName: 'mymaster',
    });
    expect(
      redisConfigFrom(
        {},
        {
          VOICE_CORE_REDIS_SENTINELS: 's1:26379',
          VOICE_CORE_REDIS_SENTINEL_NAME: 'm',
          VOICE_CORE_REDIS_SENTINEL_PASSWORD: 'sp',
          VOICE_CORE_REDIS_PASSWORD: 'mp',
        },
      ),
    ).toEqual({ sentinels: ['s1:26379'], sentinelName: 'm', sentinelPassword: 'sp', password: 'mp' });
    // One of the pair alone names the other.
    expect(() => redisConfigFrom({ 'redis-sentinels': 's1:26379' }, {})).toThrow(
      '--redis-sentinels needs --redis-sentinel-name (VOICE_CORE_REDIS_SENTINEL_NAME)',
    );
    expect(() => redisConfigFrom({}, { VOICE_CORE_REDIS_SENTINEL_NAME: 'm' })).toThrow(
      'VOICE_CORE_REDIS_SENTINEL_NAME needs --redis-sentinels (VOICE_CORE_REDIS_SENTINELS)',
    );
    // Exclusive with the other two ways to name a Redis, whichever of the pair is given.
    expect(() => redisConfigFrom({ 'redis-url': 'redis://a', 'redis-sentinels': 's:1', 'redis-sentinel-name': 'm' }, {})).toThrow(
      'give one Redis: --redis-url or --redis-sentinels, not several',
    );
    expect(() => redisConfigFrom({ 'redis-sentinel-name': 'm' }, { VOICE_CORE_REDIS_CLUSTER_NODES: 'a:7000' })).toThrow(
      'give one Redis: VOICE_CORE_REDIS_CLUSTER_NODES or --redis-sentinel-name, not several',
    );
    for (const bad of ['s1', 'redis://s1:26379', 's1:99999', 's1:26379,']) {
      expect(() => redisConfigFrom({ 'redis-sentinels': bad, 'redis-sentinel-name': 'm' }, {})).toThrow(
        '--redis-sentinels must be host:port separated by commas',
      );
    }
    expect(() => redisConfigFrom({}, { VOICE_CORE_REDIS_PASSWORD: 'p' })).toThrow('VOICE_CORE_REDIS_PASSWORD needs a Redis');
    expect(() => redisConfigFrom({ 'redis-url': 'redis://a' }, { VOICE_CORE_REDIS_SENTINEL_PASSWORD: 'p' })).toThrow(
      'VOICE_CORE_REDIS_SENTINEL_PASSWORD applies to --redis-sentinels only',
    );
    // A password is never echoed.
    expect(() => redisConfigFrom({ 'redis-url': 'redis://a' }, { VOICE_CORE_REDIS_PASSWORD: 'hunter2' })).not.toThrow('hunter2');
  });

  test('the empty log TTL: a whole number of milliseconds, at least 1, only with a Redis', () => {
    const url = { VOICE_CORE_REDIS_URL: 'redis://a:6379' };
    expect(redisConfigFrom({}, { ...url, VOICE_CORE_REDIS_EMPTY_LOG_TTL_MS: '5000' })).toEqual({
      url: url.VOICE_CORE_REDIS_URL,
      emptyLogTtlMs: 5000,
    });
    expect(redisConfigFrom({ 'redis-empty-log-ttl-ms': '250' }, { ...url, VOICE_CORE_REDIS_EMPTY_LOG_TTL_MS: '5000' })).toMatchObject({
      emptyLogTtlMs: 250,
    });
    for (const bad of ['0', '-1', '1.5', 'soon']) {
      expect(() => redisConfigFrom({ 'redis-empty-log-ttl-ms': bad }, url)).toThrow(
        '--redis-empty-log-ttl-ms must be a whole number of at least 1',
      );
      expect(() => redisConfigFrom({}, { ...url, VOICE_CORE_REDIS_EMPTY_LOG_TTL_MS: bad })).toThrow(
        'VOICE_CORE_REDIS_EMPTY_LOG_TTL_MS must be a whole number of at least 1',
      );
    }
    expect(() => redisConfigFrom({ 'redis-empty-log-ttl-ms': '1000' }, {})).toThrow('--redis-empty-log-ttl-ms needs a Redis');
  });

  test('the session cache size: a whole number, 0 turning it off, only with a Redis', () => {
    const url = { VOICE_CORE_REDIS_URL: 'redis://a:6379' };
    expect(redisConfigFrom({}, { ...url, VOICE_CORE_REDIS_SESSION_CACHE_SIZE: '500' })).toEqual({
      url: url.VOICE_CORE_REDIS_URL,
      sessionCacheSize: 500,
    });
    expect(redisConfigFrom({ 'redis-session-cache-size': '0' }, url)).toMatchObject({ sessionCacheSize: 0 });
    expect(redisConfigFrom({}, { ...url, VOICE_CORE_REDIS_SESSION_CACHE_SIZE: '' })).toEqual({ url: url.VOICE_CORE_REDIS_URL });
    for (const bad of ['-1', '1.5', 'lots']) {
      expect(() => redisConfigFrom({ 'redis-session-cache-size': bad }, url)).toThrow(
        '--redis-session-cache-size must be a whole number of at least 0',
      );
      expect(() => redisConfigFrom({}, { ...url, VOICE_CORE_REDIS_SESSION_CACHE_SIZE: bad })).toThrow(
        'VOICE_CORE_REDIS_SESSION_CACHE_SIZE',
      );
    }
    expect(() => redisConfigFrom({ 'redis-session-cache-size': '10' }, {})).toThrow('needs a Redis');
  });
});
