import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNEL_LIMIT_ENV, channelLimitsFromEnv, DEFAULT_CHANNEL_LIMITS, grpcServerOptions } from './channel-limits';
import { LIMIT_ENV, limitsFromEnv } from './limits';

describe('limits from the environment', () => {
  test('each variable sets its limit; absent or empty ones keep the default', () => {
    expect(
      limitsFromEnv({ VOICE_CORE_TENANT_CALLS_PER_SECOND: '50', VOICE_CORE_MAX_IN_FLIGHT: '', VOICE_CORE_MAX_METADATA_BYTES: '8192' }),
    ).toEqual({ tenantCallsPerSecond: 50, maxMetadataBytes: 8192 });
    expect(channelLimitsFromEnv({ VOICE_CORE_MAX_CONCURRENT_STREAMS: '10', VOICE_CORE_MAX_CONNECTION_IDLE_MS: '1000' })).toEqual({
      maxConcurrentStreams: 10,
      maxConnectionIdleMs: 1000,
    });
  });

  test('a value that is not a whole number of at least 1 is refused, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', 'lots']) {
      expect(() => limitsFromEnv({ VOICE_CORE_TENANT_MAX_STREAMS: bad })).toThrow(`VOICE_CORE_TENANT_MAX_STREAMS must be a whole number`);
      expect(() => channelLimitsFromEnv({ VOICE_CORE_MAX_SESSION_MEMORY_MB: bad })).toThrow('VOICE_CORE_MAX_SESSION_MEMORY_MB');
    }
  });

  test('every variable has a distinct name, and every channel limit becomes a grpc-js option', () => {
    const names = [...Object.values(LIMIT_ENV), ...Object.values(CHANNEL_LIMIT_ENV)];
    expect(new Set(names).size).toBe(names.length);
    const options = grpcServerOptions(DEFAULT_CHANNEL_LIMITS);
    expect(Object.keys(options)).toHaveLength(Object.keys(DEFAULT_CHANNEL_LIMITS).length);
    expect(options).toMatchObject({
      'grpc.max_concurrent_streams': 100,
      'grpc.max_receive_message_length': 65536,
      'grpc-node.max_session_memory': 10,
    });
  });

  test('the README documents every variable', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    for (const name of [...Object.values(LIMIT_ENV), ...Object.values(CHANNEL_LIMIT_ENV)]) expect(readme).toContain(`| \`${name}\` |`);
  });
});
