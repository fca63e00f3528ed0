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
    expect(() => redisConfigFrom({ 'redis-url': 'redis://a' }, { VOICE_CORE_REDIS_CLUSTER_NODES: 'a:7000' })).toThrow('not both');
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
